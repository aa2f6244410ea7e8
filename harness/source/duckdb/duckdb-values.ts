import type { DuckDBModule } from './load-duckdb';

/** Converts one value DuckDB returned (a JS primitive or one of the client's value classes) into a row value. */
export type ValueConverter = (value: unknown) => unknown;

const MICROS_PER_SECOND = 1_000_000n;

/**
 * The converter of DuckDB values into the values every other source yields, so every check behaves as on CSV:
 *
 * - integers: a `number` within ±2^53 (`Number.isSafeInteger`), a `bigint` beyond (INT64, HUGEINT, UBIGINT: exact);
 * - DECIMAL: a `number` when that number prints back as the same decimal (`1.50` → 1.5), otherwise exact: a `bigint`
 *   when integral, the decimal's text (`"12345678901234567.89"`) when not;
 * - DATE: `"2024-03-01"`; TIMESTAMP: `"2024-03-01T10:00:00.5"` (no zone, as written); TIMESTAMPTZ: the instant in UTC,
 *   `"2024-03-01T09:00:00.5Z"` — fractions to the microsecond, trailing zeros and a zero fraction left out, the
 *   way ISO date text reads in a CSV file; ±infinity as `"infinity"` / `"-infinity"`;
 * - LIST / ARRAY: arrays; STRUCT: objects; MAP: objects keyed by the map keys as text; UNION: its value;
 * - anything else (UUID, TIME, INTERVAL, BLOB, ENUM …): DuckDB's own text for it; NULL: `null`.
 */
export function createValueConverter(duckdb: DuckDBModule): ValueConverter {
  const convert = (value: unknown): unknown => {
    switch (typeof value) {
      case 'bigint':
        return fromBigint(value);
      case 'number':
      case 'string':
      case 'boolean':
        return value;
      case 'undefined':
        return null;
      default:
        break;
    }
    if (value === null) return null;
    if (value instanceof duckdb.DuckDBDecimalValue) return fromDecimal(value.toString(), value.scale);
    if (value instanceof duckdb.DuckDBTimestampTZValue) return formatMicros(value.micros, true, value.toString());
    if (value instanceof duckdb.DuckDBTimestampValue) return formatMicros(value.micros, false, value.toString());
    if (value instanceof duckdb.DuckDBTimestampSecondsValue) return formatMicros(value.seconds * MICROS_PER_SECOND, false, value.toString());
    if (value instanceof duckdb.DuckDBTimestampMillisecondsValue) return formatMicros(value.millis * 1000n, false, value.toString());
    if (value instanceof duckdb.DuckDBTimestampNanosecondsValue) return formatNanos(value.nanos, value.toString());
    if (value instanceof duckdb.DuckDBDateValue) return formatDate(value.days, value.toString());
    if (value instanceof duckdb.DuckDBListValue || value instanceof duckdb.DuckDBArrayValue) return value.items.map(convert);
    if (value instanceof duckdb.DuckDBStructValue) {
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value.entries)) define(out, name, convert(item));
      return out;
    }
    if (value instanceof duckdb.DuckDBMapValue) {
      const out: Record<string, unknown> = {};
      for (const entry of value.entries) define(out, keyText(convert(entry.key)), convert(entry.value));
      return out;
    }
    if (value instanceof duckdb.DuckDBUnionValue) return convert(value.value);
    return String(value);
  };
  return convert;
}

/** An integer as a `number` when a double holds it exactly, otherwise the exact `bigint`. */
export function fromBigint(value: bigint): number | bigint {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/**
 * A DECIMAL's value from its exact text: the `number` when the number's shortest text is the same decimal, else an
 * integral `bigint` or the text itself (exactness over convenience: `0.1` is 0.1, `12345678901234567.89` stays text).
 */
export function fromDecimal(text: string, scale: number): number | bigint | string {
  const n = Number(text);
  if (Number.isFinite(n) && sameDecimal(String(n), text)) return n;
  const [whole, fraction = ''] = text.split('.');
  if (scale === 0 || /^0*$/.test(fraction)) return BigInt(whole!);
  return text;
}

/** Whether two decimal texts (a JS number's text may use an exponent) denote the same value. */
export function sameDecimal(a: string, b: string): boolean {
  const x = canonicalDecimal(a);
  const y = canonicalDecimal(b);
  return x !== null && y !== null && x.sign === y.sign && x.digits === y.digits && x.exponent === y.exponent;
}

/** A decimal as sign, significant digits and the power of ten of the last digit; zero is `+ "" 0`. */
function canonicalDecimal(text: string): { sign: string; digits: string; exponent: number } | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exp = '0'] = match;
  let digits = `${whole}${fraction}`.replace(/^0+/, '');
  let exponent = Number(exp) - fraction.length;
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  if (digits === '') return { sign: '+', digits: '', exponent: 0 };
  return { sign: sign === '-' ? '-' : '+', digits, exponent };
}

/** `YYYY-MM-DD` of days since the epoch (DuckDB's text for dates outside years 1–9999 and infinities). */
export function formatDate(days: number, fallback: string): string {
  if (!Number.isFinite(days)) return fallback;
  const date = new Date(days * 86_400_000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) return fallback;
  return date.toISOString().slice(0, 10);
}

/**
 * ISO-8601 text of microseconds since the epoch: `2024-03-01T10:00:00` plus the fraction when it is not zero (to the
 * microsecond, trailing zeros left out) and `Z` for an instant (TIMESTAMPTZ). DuckDB's text outside years 1–9999.
 */
export function formatMicros(micros: bigint, instant: boolean, fallback: string): string {
  let seconds = micros / MICROS_PER_SECOND;
  let fraction = micros % MICROS_PER_SECOND;
  if (fraction < 0n) {
    fraction += MICROS_PER_SECOND;
    seconds -= 1n;
  }
  const text = formatSeconds(seconds, fallback);
  if (text === null) return fallback;
  const digits = fraction === 0n ? '' : `.${fraction.toString().padStart(6, '0').replace(/0+$/, '')}`;
  return `${text}${digits}${instant ? 'Z' : ''}`;
}

/** Like {@link formatMicros} for TIMESTAMP_NS (nanoseconds, no zone). */
function formatNanos(nanos: bigint, fallback: string): string {
  let seconds = nanos / 1_000_000_000n;
  let fraction = nanos % 1_000_000_000n;
  if (fraction < 0n) {
    fraction += 1_000_000_000n;
    seconds -= 1n;
  }
  const text = formatSeconds(seconds, fallback);
  if (text === null) return fallback;
  const digits = fraction === 0n ? '' : `.${fraction.toString().padStart(9, '0').replace(/0+$/, '')}`;
  return `${text}${digits}`;
}

function formatSeconds(seconds: bigint, _fallback: string): string | null {
  const ms = Number(seconds) * 1000;
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return date.toISOString().slice(0, 19);
}

/** A map key as an object key: strings as they are, anything else as its JSON (bigint as digits). */
function keyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? String(value);
}

/** `out[name] = value`, also for a name `__proto__`. */
function define(out: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
}
