import type { ResolvedConfig } from '../config/resolved-config';
import { unusedPatterns } from '../core/unused-patterns';

/** Warnings for `compare` patterns that match none of `fields`, the fields either side returned (typos, renamed features). */
export function patternWarnings(config: Pick<ResolvedConfig, 'compare'>, fields: ReadonlySet<string>): string[] {
  if (fields.size === 0) return [];
  const list = [...fields].sort();
  const known = `fields: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}`;
  const c = config.compare;
  const groups: Array<[string, string[]]> = [
    ['compare.fields', Object.keys(c.fields ?? {})],
    ['compare.ignore', c.ignore ?? []],
    ['compare.rename', [...Object.keys(c.rename ?? {}), ...Object.values(c.rename ?? {})]],
  ];
  return groups.flatMap(([where, patterns]) => unusedPatterns(patterns, list).map((p) => `${where}: "${p}" matches no field (${known})`));
}
