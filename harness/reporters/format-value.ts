import { stringifyJsonValue } from '../core/stringify-json';

/**
 * A value as a reader should see it in a table: numbers compactly but exactly enough to see the difference,
 * strings quoted (so `" us"` shows its padding), objects as truncated JSON, absent as `(absent)`.
 */
export function formatValue(value: unknown, maxLength = 48): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'number') return formatNumber(value);
  // An integer kept exact (past 2^53): every digit, the one that differs is usually the last.
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return truncate(JSON.stringify(value), maxLength);
  if (value === null || typeof value === 'boolean') return String(value);
  try {
    return truncate(stringifyJsonValue(value, undefined, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)), maxLength);
  } catch {
    return String(value);
  }
}

/** A number with at most 10 significant digits, without trailing noise; NaN, ±Infinity and −0 spelled out. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  const text = String(n);
  return text.length <= 12 ? text : String(Number(n.toPrecision(10)));
}

/** Cuts text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
