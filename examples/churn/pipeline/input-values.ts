import { DAY_MS, daysFromCivil, daysInMonth } from './civil-time';

/**
 * Strict readers for the typed values of one input row. They accept exactly what `features.py` accepts, so the
 * TypeScript and Python pipelines fail on the same rows (a row the pipeline cannot read becomes a per-row
 * `$error`, never a silently different feature).
 */

/** A value of an input row the pipeline cannot use; the message names the column. */
export class RowValueError extends Error {
  /** @param column - input column at fault; @param problem - what is wrong with its value */
  constructor(column: string, problem: string) {
    super(`${column}: ${problem}`);
    this.name = 'RowValueError';
  }
}

// ASCII whitespace only: `String.prototype.trim` also strips NBSP and U+FEFF while Python's `str.strip()` strips
// U+001C–U+001F and U+0085, so neither built-in would agree with the other on generated unicode rows.
const EDGE_WHITESPACE = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// ISO 8601 as the harness reads dates: a date, or a date-time with `T`, `t` or a space, optional seconds and
// fraction, and an optional zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`). No zone means UTC, as pandas' `utc=True` does.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** Strips leading and trailing ASCII whitespace (the same set in both offline pipelines). */
export function trimAscii(text: string): string {
  return text.replace(EDGE_WHITESPACE, '');
}

/** A string column: `null` when absent or null; any other non-string is an error. */
export function readText(row: Record<string, unknown>, column: string): string | null {
  const value = row[column];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new RowValueError(column, `expected a string, got ${describe(value)}`);
  return value;
}

/**
 * A numeric column: finite numbers as they are, plain decimal strings parsed (sources that were not typed),
 * blank strings and null as `null`. Booleans, NaN and infinities are errors.
 */
export function readNumber(row: Record<string, unknown>, column: string): number | null {
  const value = row[column];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RowValueError(column, `expected a finite number, got ${value}`);
    return value;
  }
  if (typeof value === 'string') {
    const text = trimAscii(value);
    if (text === '') return null;
    if (!NUMERIC.test(text)) throw new RowValueError(column, `expected a number, got ${JSON.stringify(value)}`);
    const parsed = Number(text);
    if (!Number.isFinite(parsed)) throw new RowValueError(column, `expected a finite number, got ${JSON.stringify(value)}`);
    return parsed;
  }
  throw new RowValueError(column, `expected a number, got ${describe(value)}`);
}

/**
 * A required date column as days since 1970-01-01. A date-time counts as its UTC calendar day (a date typed as
 * a JS `Date` arrives as one). Years 1–9999, real calendar days only.
 */
export function readDay(row: Record<string, unknown>, column: string): number {
  return Math.floor(parseInstant(column, asDateText(row[column], column)) / DAY_MS);
}

/** An optional date or date-time column as epoch milliseconds, or `null`. */
export function readInstantMs(row: Record<string, unknown>, column: string): number | null {
  const value = row[column];
  if (value === undefined || value === null) return null;
  return parseInstant(column, asDateText(value, column));
}

/** The label as 0/1: `1`, `true`, `"1"`, `"true"` are 1; anything else (absent included) is 0. */
export function readLabel(row: Record<string, unknown>, column: string): 0 | 1 {
  const value = row[column];
  if (value === true || value === 1) return 1;
  if (typeof value === 'string' && ['1', 'true'].includes(trimAscii(value).toLowerCase())) return 1;
  return 0;
}

function asDateText(value: unknown, column: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RowValueError(column, 'invalid Date');
    return value.toISOString();
  }
  if (typeof value !== 'string') throw new RowValueError(column, `expected a date string, got ${describe(value)}`);
  return value;
}

function parseInstant(column: string, text: string): number {
  const m = INSTANT.exec(text);
  if (!m) throw new RowValueError(column, `expected an ISO date or date-time, got ${JSON.stringify(text)}`);
  const days = checkedDays(column, text, Number(m[1]), Number(m[2]), Number(m[3]));
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) throw new RowValueError(column, `invalid time in ${JSON.stringify(text)}`);
  // Sub-millisecond digits are truncated, as in features.py, so both pipelines floor the same instant.
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const [offsetHour, offsetMinute] = [Number(m[10]), Number(m[11] ?? 0)];
    if (offsetHour > 23 || offsetMinute > 59) throw new RowValueError(column, `invalid zone in ${JSON.stringify(text)}`);
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  }
  return days * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

function checkedDays(column: string, text: string, year: number, month: number, day: number): number {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RowValueError(column, `invalid date ${JSON.stringify(text)}`);
  }
  return daysFromCivil(year, month, day);
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  return typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : `${typeof value} ${String(value)}`;
}
