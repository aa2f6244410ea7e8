/**
 * Segments: for a skewed field, its mismatch rate by the values of the input columns that best separate
 * mismatching from matching rows. Pure (imports only `core` and `analysis`). `segmentsForField` is the entry point.
 */
export type { SegmentCounts } from './split-score';
export type { Segmenter } from './segmenter';
export { segmentsForField } from './segments-for-field';
export { buildSegmenters, minSegmentRows } from './build-segmenters';
export { chiSquareQuantile, entropy, informationGain, separates } from './split-score';
export { NULL_SEGMENT, OTHER_SEGMENT } from './segmenter';
export {
  HOURS_PER_SEGMENT,
  MAX_CATEGORIES,
  MAX_DISTINCT_NUMBERS,
  MAX_ROWS,
  MAX_SPLITS,
  MIN_RELATIVE_GAIN,
  MIN_SEGMENT_ROWS,
  MIN_SEGMENT_SHARE,
  QUANTILE_BINS,
  SIGNIFICANCE_Z,
} from './segment-thresholds';
