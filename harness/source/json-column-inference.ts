import type { ColumnType } from '../core/row';
import { finalType, inferJsonType, inferTextType, widenType, type InferredType } from './infer-column-types';

/**
 * What type inference knows about one JSON Lines column so far. Numbers written as text count as numbers here, so
 * that a column where one client sends `12.5` and a legacy one `"12.50"` ends numeric (see {@link finalJsonType}).
 */
export interface JsonColumnInference {
  /** The narrowest type every non-null value seen fits, numeric text counted by the number it holds. */
  type: InferredType;
  /** Whether a JSON number was seen. */
  numbers: boolean;
}

/** The inference of a column before its first value. */
export function createJsonColumnInference(): JsonColumnInference {
  return { type: null, numbers: false };
}

/**
 * Widens a column's inference by one more JSON value (not null). A string counts as a number exactly where a CSV cell
 * would (see `inferTextType`): `"12.50"` and `"-3"` do; `"00123"` (an ID), `" 5"` (padded), `"1e999"` and an integer
 * past 2^53 do not, and make the column `string` like any other text.
 */
export function widenJsonColumn(known: JsonColumnInference, value: unknown): void {
  if (known.type === 'string') return;
  if (typeof value === 'number') known.numbers = true;
  known.type = widenType(known.type, valueType(value));
}

/**
 * The type a JSON Lines column ends with. A column of JSON numbers and numbers written as text is `integer` or
 * `number` by its values (its text stays text: nothing is converted); a column whose every value is numeric text is
 * `string`, as before: with no JSON number beside it, `"00042"`-like text is an identifier as often as a number.
 */
export function finalJsonType(known: JsonColumnInference): ColumnType {
  if ((known.type === 'integer' || known.type === 'number') && !known.numbers) return 'string';
  return finalType(known.type);
}

function valueType(value: unknown): ColumnType {
  if (typeof value !== 'string') return inferJsonType(value);
  const type = inferTextType(value);
  // A JSON string is never a boolean (`"true"` is text); numbers and ISO dates are read as a CSV cell would be.
  return type === 'boolean' ? 'string' : type;
}
