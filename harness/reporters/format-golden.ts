import type { GoldenDetails } from '../core/check-result';
import type { Colors } from './colors';
import { formatValue } from './format-value';

const SIDE_WORDS: Record<GoldenDetails['changes'][number]['side'], string> = {
  offline: 'offline only',
  online: 'online only',
  'both-alike': 'both sides alike: an intended change',
  'both-different': 'both sides, differently',
};

/**
 * The golden check's changes for the terminal and review: per field, which side moved and old → new per row
 * (the first `perField` rows), then new and obsolete records.
 */
export function formatGoldenChanges(details: GoldenDetails, colors: Colors, perField = 5): string[] {
  const out: string[] = [];
  const byField = new Map<string, GoldenDetails['changes']>();
  for (const change of details.changes) byField.set(change.field, [...(byField.get(change.field) ?? []), change]);
  for (const [field, changes] of byField) {
    const sides = [...new Set(changes.map((c) => SIDE_WORDS[c.side]))].join('; ');
    const verb = details.written && details.written.rewritten > 0 ? 'changed, rewritten' : 'changed';
    out.push('', `  ${colors.bold(field)}: ${changes.length} row${changes.length === 1 ? '' : 's'} ${verb} (${sides})`);
    for (const c of changes.slice(0, perField)) {
      const parts: string[] = [];
      if (c.offline) parts.push(`offline ${formatValue(c.offline.old)} → ${formatValue(c.offline.new)}`);
      if (c.online) parts.push(`online ${formatValue(c.online.old)} → ${formatValue(c.online.new)}`);
      out.push(`    ${c.key}  ${parts.join('   ')}`);
    }
    if (changes.length > perField) out.push(colors.dim(`    … ${changes.length - perField} more`));
  }
  if (details.changeCount > details.changes.length) out.push(colors.dim(`  (${details.changeCount - details.changes.length} more changes not listed)`));
  if (details.newKeys.length > 0) out.push('', `  ${details.written ? 'records added for new rows' : 'new rows without a golden record'}: ${list(details.newKeys)}`);
  if (details.obsoleteKeys.length > 0) out.push('', `  obsolete records (rows no longer in the row set): ${list(details.obsoleteKeys)}`);
  if (details.inputChanged.length > 0) out.push('', colors.dim(`  input changed since recording (the data moved, not only the pipelines): ${list(details.inputChanged)}`));
  return out;
}

function list(keys: readonly string[], max = 10): string {
  return keys.length <= max ? keys.join(', ') : `${keys.slice(0, max).join(', ')} … (${keys.length} in all)`;
}
