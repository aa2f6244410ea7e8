/**
 * Where a skewed field's mismatches concentrate: its mismatch rate by the values of the input columns that best
 * separate mismatching from matching rows. Pure data, JSON-serialisable; computed after a comparing check.
 */
export interface FieldSegments {
  /** Rows the segments were counted on: the field's compared rows (an even subset when there are very many). */
  rows: number;
  /** Of those, rows where the field mismatched. */
  mismatched: number;
  /** Set when `rows` is an even subset of more compared rows: how many there were. */
  sampledFrom?: number;
  /** The best-separating columns (at most three), best first; empty when no column separates. */
  splits: SegmentSplit[];
}

/**
 * How a column's values are grouped: `category` (its most frequent values), `quantile` (five equal-count bins of a
 * number), `month` (month of a date, as written), `hour` (three-hour ranges of a timestamp's time of day, as written).
 */
export type SegmentBasis = 'category' | 'quantile' | 'month' | 'hour';

/** The field's mismatch rate in every segment of one column. The segments' rows add up to {@link FieldSegments.rows}. */
export interface SegmentSplit {
  /** Input column. */
  column: string;
  /** How its values are grouped. */
  basis: SegmentBasis;
  /** Information gain about "mismatched" from knowing the segment, in bits (the separation score). */
  gain: number;
  /** Every segment, in the column's natural order (bins ascending, months Jan–Dec, categories by frequency). */
  segments: Segment[];
}

/** One segment of a column: `(null)` for null or absent values, `(other)` for the values not listed. */
export interface Segment {
  /** The value, bin (`[10, 25)`), month (`Mar`) or hour range (`00–02h`). */
  label: string;
  /** Rows in the segment. */
  rows: number;
  /** Of those, rows where the field mismatched. */
  mismatched: number;
  /** mismatched / rows. */
  rate: number;
}
