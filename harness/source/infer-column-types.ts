import type { ColumnType } from '../core/row';

/**
 * What inference knows about a column so far: `null` until a non-null value is seen, then the narrowest type
 * that fits every value seen. An all-null column ends as `string` (see {@link finalType}).
 */
export type InferredType = ColumnType | null;

const ZERO = 0x30;
const NINE = 0x39;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;

/** Digits beyond which an integer may not be exactly representable as a JS number (2^53 has 16 digits). */
const ALWAYS_SAFE_DIGITS = 15;

/** A finite decimal, exponent allowed, no leading zeros (`0.5` yes, `007.5` no: that is an ID). */
const NUMBER_PATTERN = /^[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * ISO-8601 (RFC 3339 profile): a date, or a date-time with `T` (or a space, as many exporters write), optional
 * seconds and fraction, and an optional zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`).
 */
const DATE_PATTERN =
  /^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?)?)?$/;

/**
 * The type of one CSV cell (never null here: nulls are filtered before). Strict on purpose, because a wrong
 * guess destroys information: `00123` stays a string (an ID with leading zeros), an integer beyond 2^53 is a
 * string (a JS number would silently round it), ` 5` with a space is a string (nothing is trimmed).
 */
export function inferTextType(text: string): ColumnType {
  const length = text.length;
  if (length === 0) return 'string';
  const first = text.charCodeAt(0);
  if ((first >= ZERO && first <= NINE) || first === PLUS || first === MINUS || first === DOT) return inferNumericText(text);
  if (length === 4 || length === 5) {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'false') return 'boolean';
  }
  return 'string';
}

function inferNumericText(text: string): ColumnType {
  const integer = integerShape(text);
  if (integer === 'safe') return 'integer';
  // An integer written out in full that a double cannot hold exactly: keep the text, not a rounded number.
  if (integer === 'unsafe') return 'string';
  if (NUMBER_PATTERN.test(text)) return Number.isFinite(Number(text)) ? 'number' : 'string';
  if (text.length >= 10 && text.charCodeAt(4) === MINUS && DATE_PATTERN.test(text)) return 'date';
  return 'string';
}

/** Whether `text` is an integer without leading zeros (`-12`, `+7`, `0`), and whether a double holds it exactly. */
function integerShape(text: string): 'safe' | 'unsafe' | 'no' {
  const length = text.length;
  let at = 0;
  const first = text.charCodeAt(0);
  if (first === PLUS || first === MINUS) at = 1;
  if (at === length) return 'no';
  if (text.charCodeAt(at) === ZERO && length - at > 1) return 'no';
  for (let i = at; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) return 'no';
  }
  if (length - at <= ALWAYS_SAFE_DIGITS) return 'safe';
  return Number.isSafeInteger(Number(text)) ? 'safe' : 'unsafe';
}

/** Whether `text` looks like an ISO-8601 date or date-time (see {@link inferTextType}). */
export function isDateText(text: string): boolean {
  return text.length >= 10 && DATE_PATTERN.test(text);
}

/**
 * The type of one JSON Lines value (never null or undefined here). JSON already says what a value is, so this
 * only refines it: integral numbers are `integer` (those beyond 2^53 were already rounded by `JSON.parse`, so
 * they are `number`), strings that look like ISO dates are `date`, objects and arrays are `json`.
 */
export function inferJsonType(value: unknown): ColumnType {
  switch (typeof value) {
    case 'number':
      return Number.isSafeInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return isDateText(value) ? 'date' : 'string';
    default:
      return 'json';
  }
}

/**
 * Widens what is known about a column by one more value's type. Only integer → number is a promotion (every
 * integer is a number); any other disagreement makes the column `string`, which holds anything.
 */
export function widenType(known: InferredType, seen: ColumnType): ColumnType {
  if (known === null || known === seen) return seen;
  if ((known === 'integer' && seen === 'number') || (known === 'number' && seen === 'integer')) return 'number';
  return 'string';
}

/** The type a column ends with: an all-null column is `string`. */
export function finalType(known: InferredType): ColumnType {
  return known ?? 'string';
}
