/**
 * The rules that decide which columns a field's segments are shown for. Exported so tests and tools can read the
 * rules behind a choice.
 */

/** At most this many columns per field. */
export const MAX_SPLITS = 3;
/** Categories listed by name (the most frequent); the rest are one `(other)` segment. */
export const MAX_CATEGORIES = 8;
/** A number column with at most this many distinct values is grouped by value, not into quantile bins. */
export const MAX_DISTINCT_NUMBERS = 8;
/** Quantile bins of a number column (equal-count: quintiles). */
export const QUANTILE_BINS = 5;
/** Width of the hour ranges of a timestamp's time of day. */
export const HOURS_PER_SEGMENT = 3;
/** Rows counted at most; more compared rows are thinned evenly (every k-th row), so a field costs O(this). */
export const MAX_ROWS = 100_000;
/** A category needs this share of the rows (and at least {@link MIN_SEGMENT_ROWS}) to be listed by name. */
export const MIN_SEGMENT_SHARE = 0.01;
/** Fewest rows of a category listed by name. */
export const MIN_SEGMENT_ROWS = 5;
/** A split must remove at least this share of the uncertainty about "mismatched" (its information gain / entropy). */
export const MIN_RELATIVE_GAIN = 0.05;
/**
 * A split must also be unlikely by chance: its G statistic (2·N·ln 2 · gain) above the χ² quantile for its degrees
 * of freedom at this z (3.09 ≈ p < 0.001), so a distractor column's chance unevenness is not shown.
 */
export const SIGNIFICANCE_Z = 3.09;
