import type { ExampleMismatch, FieldStats } from '../core/field-stats';
import { formatValue, truncate } from './format-value';

/**
 * The input columns that matter for a field, to show first in its examples: the columns its segments split by,
 * then the columns its hints name.
 */
export function leadingColumns(field: Pick<FieldStats, 'analysis' | 'examples'>): string[] {
  const out = new Set<string>((field.analysis?.segments?.splits ?? []).map((s) => s.column));
  const text = (field.analysis?.hints ?? []).map((h) => h.message).join('\n');
  const names = new Set(field.examples.flatMap((m) => Object.keys(m.inputs ?? {})));
  for (const name of names) if (new RegExp(`(^|[^\\w])${escapeRegExp(name)}($|[^\\w])`).test(text)) out.add(name);
  return [...out];
}

/**
 * An example's inputs, the leading columns first, then the rest in column order. With no leading column (no hint or
 * segment names one) and `shortFirst`, the shortest values come first (stable), so that a line cut to the terminal's
 * width keeps most columns — a category is not lost behind a timestamp.
 */
export function orderedInputs(m: ExampleMismatch, leading: readonly string[], shortFirst = false): Array<[name: string, value: unknown]> {
  const inputs = m.inputs ?? {};
  const first = leading.filter((name) => Object.prototype.hasOwnProperty.call(inputs, name));
  let rest = Object.keys(inputs).filter((name) => !first.includes(name));
  if (shortFirst && first.length === 0) {
    const size = (name: string) => name.length + formatValue(inputs[name], 32).length;
    rest = rest.map((name, i) => ({ name, i, n: size(name) })).sort((a, b) => a.n - b.n || a.i - b.i).map((x) => x.name);
  }
  return [...first, ...rest].map((name) => [name, inputs[name]]);
}

/**
 * An example's row in one line, cut to `max` characters: for a generated row what changed from its base row, then
 * the inputs (`customer_tz="Europe/Berlin" event_at="2025-03-30T01:30:00" plan="pro" …`) — the leading columns
 * first, or with none the shortest values first. Empty without inputs.
 */
export function formatInputsLine(m: ExampleMismatch, leading: readonly string[], max = 72): string {
  const parts: string[] = [];
  if (m.changes && m.changes.length > 0) parts.push(`[${m.changes.map((c) => `${c.column}: ${formatValue(c.from, 20)}→${formatValue(c.to, 20)}`).join(', ')}]`);
  for (const [name, value] of orderedInputs(m, leading, true)) parts.push(`${name}=${formatValue(value, 32)}`);
  return truncate(parts.join(' '), max);
}

/** What changed from the base row of a generated example, in words; empty for a sampled row. */
export function formatChanges(m: ExampleMismatch): string {
  if (!m.changes) return '';
  const changed = m.changes.map((c) => `${c.column}: ${formatValue(c.from)} → ${formatValue(c.to)} (${c.reason})`).join('; ');
  return `base row ${m.baseKey ?? '?'}${changed ? `; ${changed}` : ', unchanged'}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
