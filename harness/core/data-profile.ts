import type { ColumnRole, ColumnType } from '../core/row';

/**
 * What the sample says about each column: the basis of generated rows (edge values are placed relative to it)
 * and of the report's profile section. Computed from the sampled rows; pure data, JSON-serialisable.
 */
export interface DataProfile {
  /** Rows profiled. */
  rows: number;
  /** One entry per column, in source order. */
  columns: ColumnProfile[];
}

/** Profile of one column. Exactly one of `numeric`, `strings`, `dates`, `booleans` is set for typed columns. */
export interface ColumnProfile {
  /** Column name. */
  name: string;
  /** Source type (after inference and overrides). */
  type: ColumnType;
  /**
   * Semantic kind for generation: `category` is a string column with a small vocabulary (at most 50 distinct
   * trimmed, lower-cased values, and distinct values no more than half the non-null rows) — plan, country, device.
   */
  kind: 'integer' | 'number' | 'boolean' | 'category' | 'string' | 'date' | 'json';
  /** Role in the run (key and label columns are profiled but not varied by generation). */
  role: ColumnRole;
  /** Non-null values seen. */
  count: number;
  /** Share of rows where the value is null or absent. */
  nullRate: number;
  /** Numbers: range, mean and quantiles. */
  numeric: NumericProfile | null;
  /** Strings and categories: shapes and (for categories) the vocabulary. */
  strings: StringProfile | null;
  /** Dates: range and the textual format to generate in. */
  dates: DateProfile | null;
  /** Booleans: share of true. */
  booleans: { trueRate: number } | null;
}

/** Numeric column statistics. */
export interface NumericProfile {
  min: number;
  max: number;
  mean: number;
  /** Quantiles at 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99 (linear interpolation), keyed `p1`, `p5`, … `p99`. */
  quantiles: Record<'p1' | 'p5' | 'p25' | 'p50' | 'p75' | 'p95' | 'p99', number>;
  /** All values integral. */
  integral: boolean;
  /** Share of values that are negative. */
  negativeRate: number;
  /** Share of values that are exactly zero. */
  zeroRate: number;
  /** Largest number of decimal places seen in the source text (CSV) or in the shortest representation. */
  decimals: number;
  /**
   * The values written as text (`"12.50"` beside `12.5`, JSON Lines only), parsed for the statistics above.
   * Absent when every value is a number: always for CSV and Parquet, where a column has one form.
   */
  text?: NumericTextPart;
}

/**
 * The part of a numeric column written as text: in JSON Lines, a column where most clients send `12.5` and a legacy
 * one `"12.50"`. The source keeps that text as text, since serving receives it that way too; the profile parses it
 * for the statistics and notes it here, so that generated rows send numbers as text as often as the data does.
 */
export interface NumericTextPart {
  /** Values written as text. */
  count: number;
  /** Their share of the column's non-null values. */
  rate: number;
  /** Digits after the decimal point the text is most often written with (`"12.50"`: 2; `"3"`: 0). */
  fractionDigits: number;
}

/** String column statistics. */
export interface StringProfile {
  /** Shortest and longest length (UTF-16 code units). */
  minLength: number;
  maxLength: number;
  /** Share of values with leading or trailing whitespace. */
  paddedRate: number;
  /** Share of values that are empty strings. */
  emptyRate: number;
  /**
   * Case of the letters, as shares of the values that have cased letters (values without any, like `42` or
   * `東京`, are not counted; all zero when none has): all lower, all upper, or mixed (title case counts as mixed).
   */
  caseShape: { lower: number; upper: number; mixed: number };
  /** Share of values with non-ASCII characters. */
  nonAsciiRate: number;
  /** Categories only: distinct raw values with their counts, most frequent first (at most 50). */
  vocabulary: Array<{ value: string; count: number }> | null;
}

/** Date column statistics. */
export interface DateProfile {
  /** Earliest and latest value as ISO strings (as written in the source). */
  min: string;
  max: string;
  /**
   * How values are written, so generated values look the same:
   * `date` `2024-03-01`; `datetime-z` `2024-03-01T10:00:00Z`; `datetime-offset` `…+01:00`;
   * `datetime-naive` `2024-03-01T10:00:00` (or with a space); `datetime-ms-z` with milliseconds and Z.
   */
  format: 'date' | 'datetime-z' | 'datetime-ms-z' | 'datetime-offset' | 'datetime-naive';
  /** Separator between date and time in datetime formats (`T` or space). */
  separator: 'T' | ' ';
  /**
   * Datetime formats: whether seconds are written (`10:00:00`, not `10:00`). Exporters that drop them are common,
   * and a generated value should not be the only one in the column with seconds.
   */
  seconds: boolean;
  /** Datetime formats: digits of the fraction of a second (`0` none; `3` for `datetime-ms-z`). */
  fractionDigits: number;
  /**
   * `datetime-offset` only: the offset as most often written (`+01:00`, `+0100`, `-05`), which generated values
   * reuse so that their wall clock reads like the column's; `null` for other formats.
   */
  offset: string | null;
}
