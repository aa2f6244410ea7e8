import type { FieldSegments } from './field-segments';

/**
 * What the report says about a skewed (or drifting) field beyond counts: the likely cause, how the two sides'
 * distributions differ, and the data for charts. Pure data, JSON-serialisable; computed after a comparing check.
 */
export interface FieldAnalysis {
  /** Likely causes, strongest first; empty when nothing fits. */
  hints: Hint[];
  /** Offline vs online distribution of the field over the compared rows; null for non-scalar fields. */
  distribution: DistributionStats | null;
  /** Histogram of online − offline over mismatching numeric rows; null when there are none. */
  diffHistogram: Histogram | null;
  /** Up to 500 (offline, online) numeric pairs, mismatching rows first; null for non-numeric fields. */
  scatter: Array<[offline: number, online: number]> | null;
  /** Skewed fields: the mismatch rate by the input columns that best separate mismatching rows; absent otherwise. */
  segments?: FieldSegments;
}

/** The kinds of cause a hint can name. */
export type HintKind =
  | 'constant_offset'
  | 'timezone_offset'
  | 'constant_ratio'
  | 'affine'
  | 'rounding'
  | 'float32_widening'
  | 'sign_flip'
  | 'null_input'
  | 'category'
  | 'unseen_category'
  | 'boundary'
  | 'grows_with_age'
  | 'rename'
  | 'type'
  | 'offset_by_segment'
  | 'clipping'
  | 'math_domain'
  | 'vocabulary_order'
  | 'absent';

/** A likely cause of a field's skew, with the evidence that points to it. */
export interface Hint {
  /** What kind of cause. */
  kind: HintKind;
  /** One sentence for people: "online is offline + 3600 on every mismatching row: a time zone (1 h)". */
  message: string;
  /** The numbers behind it: "412 of 412 mismatching rows, offset 3600 ± 0". */
  evidence: string;
  /** How well the evidence fits, in [0, 1] (share of mismatching rows explained, or a correlation). */
  strength: number;
}

/** Distribution distance between the offline and online values of one field. */
export interface DistributionStats {
  /** Number of value pairs compared. */
  count: number;
  /** Numeric fields: Population Stability Index over 10 quantile bins of the offline values. */
  psi: number | null;
  /** Numeric fields: Jensen–Shannon divergence (base 2, in [0, 1]) over the same bins. */
  jensenShannon: number | null;
  /** Categorical fields: L∞ distance between the two category frequency vectors, in [0, 1]. */
  lInfinity: number | null;
}

/** A histogram: `counts[i]` values fell in [`edges[i]`, `edges[i+1]`) (the last bin closed). */
export interface Histogram {
  edges: number[];
  counts: number[];
}
