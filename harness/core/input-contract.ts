import type { DateProfile } from './data-profile';

/**
 * What the input columns of a row may hold: the shape of valid input that both sides are expected to handle.
 * Learned from the sampled training rows (`learnInputContract`) and widened or narrowed per column in config
 * (`source.contract`). Generated rows stay inside it; contract probes each break exactly one of its clauses.
 * Key, label and precomputed feature columns are not part of it: they are never generated or probed.
 * Pure data, JSON-serialisable.
 */
export interface InputContract {
  /** One entry per input column, in source order. */
  columns: ColumnContract[];
}

/** The contract of one input column. Each property is a clause a value can break (see {@link ContractClause}). */
export interface ColumnContract {
  /** Column name. */
  name: string;
  /** Whether a row may leave the column out (the key absent). Learned: some sampled row had no such key. */
  optional: boolean;
  /** Whether the value may be `null`. Learned: some sampled row had null (or, in CSV, an empty cell). */
  nullable: boolean;
  /** The type and textual format of a present, non-null value. */
  format: ValueFormat;
  /**
   * `integer` and `decimal` formats: the number may also be written as text (`"12.50"`, read once trimmed), as some
   * sampled rows send it; text that holds no number, or a fraction in an integer column, still breaks `format`.
   * Learned (absent, i.e. false, unless a sampled value was a number written as text); kept when config sets
   * another numeric format, dropped for any other.
   */
  numbersAsText?: boolean;
  /**
   * A closed list of allowed values (set in config only): any other value of the right type and format breaks the
   * `values` clause. `null`: every value of the format is allowed — an unseen category is valid input.
   */
  values: readonly unknown[] | null;
  /** The categories seen in the sample (for category columns; informational — the contract stays open to others). */
  vocabulary: readonly string[] | null;
  /** Clauses set in config rather than learned, for reports. */
  configured: ContractClause[];
}

/** Layouts of date values, as the profile names them (`date` is `YYYY-MM-DD`). */
export type DateLayout = DateProfile['format'];

/** Every date-time layout (all but date-only). */
export const DATETIME_LAYOUTS: readonly DateLayout[] = Object.freeze(['datetime-z', 'datetime-ms-z', 'datetime-offset', 'datetime-naive']);

/**
 * The type and format of a value:
 * - `integer`: a JSON number without a fraction (any magnitude: 2^53 is an integer);
 * - `decimal`: any finite JSON number;
 * - `boolean`: `true` or `false`;
 * - `text`: any string (`empty`: whether `""` is allowed);
 * - `numeric-text`: a string holding a number once surrounding whitespace is trimmed (`"00123"`, `" 19.96"`);
 * - `date`: a string in one of `layouts` (ISO 8601, as the source reader recognises dates);
 * - `any`: any JSON value (JSON columns, and columns the sample never saw a value in).
 */
export type ValueFormat =
  | { kind: 'integer' }
  | { kind: 'decimal' }
  | { kind: 'boolean' }
  | { kind: 'text'; empty: boolean }
  | { kind: 'numeric-text'; empty: boolean }
  | { kind: 'date'; layouts: DateLayout[] }
  | { kind: 'any' };

/**
 * The clauses of a column contract, in the order a value is held against them: `present` (the key is there unless
 * `optional`), `non-null` (unless `nullable`), `type` (the JSON type of the format), `format` (integer-ness, date
 * layout, numeric text, non-empty text) and `values` (a closed list). A clause is only held against values that pass
 * the ones before it up to `type` — an absent value has no type, a string has no integer-ness — so each kind of
 * malformed value breaks exactly one clause.
 */
export type ContractClause = 'present' | 'non-null' | 'type' | 'format' | 'values';

/** One clause of one column that a row breaks. */
export interface ContractViolation {
  /** Column. */
  column: string;
  /** Clause broken. */
  clause: ContractClause;
}

/**
 * How a user widens or narrows one column's learned contract (`source.contract.<column>`); every property optional,
 * unset ones keep what the sample says.
 *
 * @example
 * contract: {
 *   country: { nullable: true },                       // serving accepts null even though training had none
 *   plan: { values: ['basic', 'standard', 'premium'] }, // anything else is rejected by design: never generated
 *   coupon: { optional: true, format: 'text', empty: true },
 * }
 */
export interface ColumnContractOptions {
  /** The column may be left out of a row. Default: learned (true only if a sampled row had no such key). */
  optional?: boolean;
  /** The value may be null. Default: learned (true only if a sampled row had null). */
  nullable?: boolean;
  /**
   * The only allowed values (closes the vocabulary: unseen categories are then out of contract, not edge cases).
   * Each must be of the column's format; `null` is not a value (use `nullable`). Default: open.
   */
  values?: unknown[];
  /**
   * Type and format: `'integer' | 'decimal' | 'boolean' | 'text' | 'numeric-text' | 'date'` (`YYYY-MM-DD`)
   * ` | 'datetime'` (any ISO date-time) ` | 'any'`. Default: learned from the column's type and values.
   */
  format?: ContractFormatName;
  /** Text formats: whether the empty string is allowed. Default: learned (true if a sampled value was `""`). */
  empty?: boolean;
}

/** Format names accepted in config (see {@link ColumnContractOptions.format}). */
export type ContractFormatName = 'integer' | 'decimal' | 'boolean' | 'text' | 'numeric-text' | 'date' | 'datetime' | 'any';

/** Every {@link ContractFormatName}, for validation and messages. */
export const CONTRACT_FORMAT_NAMES: readonly ContractFormatName[] = Object.freeze(['integer', 'decimal', 'boolean', 'text', 'numeric-text', 'date', 'datetime', 'any']);

/** A format in words, for messages and reports: `integer`, `text (never empty)`, `date (datetime-z)`. */
export function describeFormat(format: ValueFormat): string {
  switch (format.kind) {
    case 'text':
    case 'numeric-text':
      return format.empty ? format.kind : `${format.kind} (never empty)`;
    case 'date':
      return `date (${format.layouts.join(' or ') || 'no layout'})`;
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'any':
      return format.kind;
  }
}
