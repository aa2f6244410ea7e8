/**
 * How one field is compared. Every property is required here; users write {@link FieldPolicyOptions} and
 * `resolveFieldPolicy` fills the rest from {@link DEFAULT_FIELD_POLICY}.
 */
export interface FieldPolicy {
  /** Absolute tolerance: numbers match when |a − b| ≤ abs. */
  abs: number;
  /** Relative tolerance: numbers match when |a − b| ≤ rel × max(|a|, |b|). */
  rel: number;
  /**
   * Whether `rel` also applies when both values are integers. Off for the built-in default — float noise does not
   * happen to integers, and 1e-9 of an epoch in ms is a second — on as soon as a config sets `rel`.
   */
  relOnIntegers: boolean;
  /** ULP tolerance: numbers match when at most this many doubles lie between them (0 = off). */
  ulps: number;
  /** Round both sides to float32 (`Math.fround`) before comparing numbers. */
  float32: boolean;
  /**
   * Integers past 2^53: `exact` compares their digits, `float64` as the doubles a float64 consumer (a model) sees, `auto`
   * exactly on training rows and as doubles on generated rows (see {@link FieldPolicyOptions.integers}).
   */
  integers: 'auto' | 'exact' | 'float64';
  /** Whether NaN on both sides is a match. */
  nan: 'equal' | 'mismatch';
  /** Whether −0 and 0 are the same number. */
  signedZero: 'equal' | 'distinct';
  /** Whether `null` on one side and an absent field on the other match. */
  nullVsMissing: 'equal' | 'mismatch';
  /** Compare a numeric string with a number as numbers instead of reporting a `type` mismatch. */
  coerce: boolean;
  /** Arrays in order (element by element) or as multisets. */
  arrays: 'ordered' | 'set';
  /** Compare as instants (ISO strings or epoch numbers) with this precision, or `null` to compare as plain values. */
  timestamp: TimestampPolicy | null;
  /** Allowed mismatch rate for the field (0 = any mismatch fails). */
  budget: number;
}

/** Timestamp comparison: values are parsed as instants and match when they are less than `precisionMs` apart. */
export interface TimestampPolicy {
  /** Instants closer than this match; 0 means they must be identical to the millisecond. */
  precisionMs: number;
  /** Unit of numeric timestamps (epoch seconds or milliseconds). */
  unit: 's' | 'ms';
}

/** Named timestamp precisions accepted in config. */
export type TimestampPrecision = 'ms' | 's' | 'min' | 'h' | 'd';

/** Milliseconds per named precision. */
export const PRECISION_MS: Readonly<Record<TimestampPrecision, number>> = {
  ms: 1,
  s: 1_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Per-field comparison options as users write them; every property optional.
 *
 * @example
 * ```ts
 * { abs: 1e-6 }                       // a float feature
 * { timestamp: { precision: 's' } }   // an event time, compared as an instant to the second
 * { arrays: 'set', budget: 0.01 }     // a tag list, order-free, 1% of rows may differ
 * ```
 */
export interface FieldPolicyOptions {
  /** Absolute tolerance. Default `1e-9`. */
  abs?: number;
  /** Relative tolerance. Default `1e-9`, applied to non-integers only (integers compare exactly unless `rel` is set). */
  rel?: number;
  /** ULP tolerance. Default `0` (off). */
  ulps?: number;
  /**
   * Compare numbers after rounding both sides to float32 (`Math.fround`): for a feature one side stores or computes
   * as float32 (a feature store column, a TF/ONNX model input) and the other as float64. Tolerances then apply to
   * the rounded values. Default `false`.
   */
  float32?: boolean;
  /**
   * How integers past 2^53 (exact on the wire: JSON numbers are read without losing digits) compare. `'exact'`: by their
   * digits, so an int64 id that lost its last digit on one side (parsed as a double) is a difference. `'float64'`: as the
   * doubles they round to, what a model reading float64 features sees. Default `'auto'`: exact on training rows, float64
   * on generated rows — a generated edge input (the largest safe integer) pushed through arithmetic comes back exact
   * from Python and rounded from JavaScript, a difference no training row carries.
   */
  integers?: 'auto' | 'exact' | 'float64';
  /** NaN vs NaN. Default `'equal'`. */
  nan?: 'equal' | 'mismatch';
  /** −0 vs 0. Default `'equal'`. */
  signedZero?: 'equal' | 'distinct';
  /** `null` vs absent. Default `'mismatch'` (reported as `missing_online` / `missing_offline`). */
  nullVsMissing?: 'equal' | 'mismatch';
  /** Numeric strings vs numbers compared as numbers. Default `false` (a `type` mismatch). */
  coerce?: boolean;
  /** Array comparison. Default `'ordered'`. */
  arrays?: 'ordered' | 'set';
  /**
   * Compare as instants. `true` = millisecond precision; a precision name; or an object with the precision and
   * the unit of numeric epochs (default seconds). Default `false`.
   */
  timestamp?: boolean | TimestampPrecision | { precision?: TimestampPrecision | number; unit?: 's' | 'ms' };
  /** Allowed mismatch rate in [0, 1]. Default `0`. */
  budget?: number;
}

/**
 * The built-in default policy: strict about types, presence and values, tolerant only of float noise
 * (1e-9 absolute or relative), which is what two correct implementations of the same arithmetic produce.
 */
export const DEFAULT_FIELD_POLICY: Readonly<FieldPolicy> = Object.freeze({
  abs: 1e-9,
  rel: 1e-9,
  relOnIntegers: false,
  ulps: 0,
  float32: false,
  integers: 'auto',
  nan: 'equal',
  signedZero: 'equal',
  nullVsMissing: 'mismatch',
  coerce: false,
  arrays: 'ordered',
  timestamp: null,
  budget: 0,
});

/** Fills a user's partial options from `base` (validation is the config resolver's job). */
export function resolveFieldPolicy(options: FieldPolicyOptions, base: FieldPolicy = DEFAULT_FIELD_POLICY): FieldPolicy {
  return {
    abs: options.abs ?? base.abs,
    rel: options.rel ?? base.rel,
    relOnIntegers: options.rel !== undefined ? true : base.relOnIntegers,
    ulps: options.ulps ?? base.ulps,
    float32: options.float32 ?? base.float32,
    integers: options.integers ?? base.integers,
    nan: options.nan ?? base.nan,
    signedZero: options.signedZero ?? base.signedZero,
    nullVsMissing: options.nullVsMissing ?? base.nullVsMissing,
    coerce: options.coerce ?? base.coerce,
    arrays: options.arrays ?? base.arrays,
    timestamp: options.timestamp === undefined ? base.timestamp : resolveTimestampPolicy(options.timestamp),
    budget: options.budget ?? base.budget,
  };
}

function resolveTimestampPolicy(option: NonNullable<FieldPolicyOptions['timestamp']>): TimestampPolicy | null {
  if (option === false) return null;
  if (option === true) return { precisionMs: 0, unit: 's' };
  if (typeof option === 'string') return { precisionMs: PRECISION_MS[option], unit: 's' };
  const precision = option.precision ?? 'ms';
  return {
    precisionMs: typeof precision === 'number' ? precision : PRECISION_MS[precision],
    unit: option.unit ?? 's',
  };
}
