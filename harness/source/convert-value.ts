import type { ColumnType } from '../core/row';
import { isDateText } from './infer-column-types';

/**
 * Integers and numbers as a configured type accepts them. Looser than inference (leading zeros are fine):
 * a configured type is the user saying what the column is, so `007` configured as `integer` is 7.
 */
const INTEGER_TEXT = /^[+-]?[0-9]+$/;
const NUMBER_TEXT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** Whether a CSV cell (not null) can be converted to `type`; see {@link convertText} for what it becomes. */
export function isTextConvertible(text: string, type: ColumnType): boolean {
  switch (type) {
    case 'integer':
      return INTEGER_TEXT.test(text) && Number.isSafeInteger(Number(text));
    case 'number':
      return NUMBER_TEXT.test(text) && Number.isFinite(Number(text));
    case 'boolean': {
      const lower = text.toLowerCase();
      return lower === 'true' || lower === 'false';
    }
    case 'date':
      return isDateText(text);
    case 'string':
      return true;
    case 'json':
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
  }
}

/**
 * Converts a CSV cell (not null) known to fit `type` (inferred, or checked with {@link isTextConvertible}):
 * integers and numbers become JS numbers, booleans `true`/`false`, `json` the parsed value; dates and strings
 * stay exactly as written (never trimmed: padding is a skew cause the harness must see).
 */
export function convertText(text: string, type: ColumnType): unknown {
  switch (type) {
    case 'integer':
    case 'number':
      return Number(text);
    case 'boolean':
      return text.toLowerCase() === 'true';
    case 'json':
      return JSON.parse(text) as unknown;
    case 'date':
    case 'string':
      return text;
  }
}

/** Outcome of converting a JSON value to a configured type. */
export type JsonConversion = { ok: true; value: unknown } | { ok: false };

const NOT_CONVERTIBLE: JsonConversion = { ok: false };

/**
 * Converts a JSON Lines value (not null) to a configured type. Values of the right JSON type pass unchanged;
 * strings holding a number or boolean are parsed (`"42"` as `integer` is 42); numbers and booleans become text
 * for `string`. Anything else does not convert.
 */
export function convertJsonValue(value: unknown, type: ColumnType): JsonConversion {
  switch (type) {
    case 'integer':
      if (typeof value === 'number') return Number.isSafeInteger(value) ? { ok: true, value } : NOT_CONVERTIBLE;
      return typeof value === 'string' && isTextConvertible(value, 'integer') ? { ok: true, value: Number(value) } : NOT_CONVERTIBLE;
    case 'number':
      if (typeof value === 'number') return { ok: true, value };
      return typeof value === 'string' && isTextConvertible(value, 'number') ? { ok: true, value: Number(value) } : NOT_CONVERTIBLE;
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      return typeof value === 'string' && isTextConvertible(value, 'boolean') ? { ok: true, value: convertText(value, 'boolean') } : NOT_CONVERTIBLE;
    case 'date':
      return typeof value === 'string' && isDateText(value) ? { ok: true, value } : NOT_CONVERTIBLE;
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      return typeof value === 'number' || typeof value === 'boolean' ? { ok: true, value: String(value) } : NOT_CONVERTIBLE;
    case 'json':
      return { ok: true, value };
  }
}

/** The bad-row problem for a value that does not convert: `column "age": cannot convert "abc" to integer`. */
export function describeConversionProblem(column: string, shown: string, type: ColumnType): string {
  const excerpt = shown.length <= 40 ? shown : `${shown.slice(0, 39)}…`;
  return `column ${JSON.stringify(column)}: cannot convert ${excerpt} to ${type}`;
}
