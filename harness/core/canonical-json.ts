import { encodeJsonValue } from './json-encoding';

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, the same everywhere), numbers in JavaScript's
 * shortest round-trip form (full precision, never rounded), NaN / ±Infinity / −0 as tagged objects, no whitespace.
 * A bigint is written with its exact digits and a whole double past 2^53 in exponent form, so each reads back as
 * what it was. The same value gives the same bytes on every machine, so a changed value is a one-line diff.
 */
export function canonicalJson(value: unknown): string {
  return stringify(encodeJsonValue(value));
}

/** 2^53: from here on a double's integer digits would read back as a bigint. */
const UNSAFE = 2 ** 53;

function stringify(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  // A whole double past 2^53 in exponent form (`9.007199254740992e+15`): integer digits there would read back as a
  // bigint (the lossless parser keeps such integers exact), and a double must stay a double.
  if (typeof value === 'number' && Math.abs(value) >= UNSAFE && Math.abs(value) < 1e21) return value.toExponential();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stringify(record[k])}`).join(',')}}`;
}
