import { stringifyJson } from '../../core/stringify-json';

/** Number and value formatting for hint messages and evidence: short, exact enough to act on. */

/** A number with at most 6 significant digits, no trailing zeros: `3600`, `0.1`, `-2.5e-7`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(6));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A signed term for formulas: `+ 3600`, `− 0.5`. */
export function formatSignedTerm(value: number): string {
  return value < 0 ? `− ${formatNumber(-value)}` : `+ ${formatNumber(value)}`;
}

/** `412 of 412 mismatching rows` */
export function formatRows(count: number, total: number, what = 'mismatching rows'): string {
  return `${count} of ${total} ${what}`;
}

/** "every mismatching row" or "97% of mismatching rows", for messages. */
export function describeCoverage(count: number, total: number): string {
  if (count === total) return 'every mismatching row';
  return `${Math.floor((100 * count) / total)}% of mismatching rows`;
}

/** A feature or input value as people read it: strings quoted (so padding shows), JSON for the rest. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'number') return formatNumber(value);
  const json = stringifyJson(value);
  return json === undefined ? String(value) : json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

/** `a, b and 3 more` — at most `max` items named. */
export function formatList(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

