import { encodeJsonValue } from './json-encoding';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, the same everywhere), numbers in JavaScript's
 * shortest round-trip form (full precision, never rounded), NaN / ±Infinity / −0 as tagged objects, no
 * whitespace. The same value gives the same bytes on every machine, so a changed value is a one-line diff.
 */
export function canonicalJson(value: unknown): string {
  return stringify(encodeJsonValue(value));
}

function stringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stringify(record[k])}`).join(',')}}`;
}
