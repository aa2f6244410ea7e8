import type { SegmentBasis } from '../../core/field-segments';

/**
 * One way of grouping the analysed rows: a column, how its values are grouped, the segments' labels in natural
 * order, and the segment of every row. Built once per analysis input and shared by every field.
 */
export interface Segmenter {
  /** Input column. */
  column: string;
  /** How its values are grouped. */
  basis: SegmentBasis;
  /** Segment labels, in natural order. */
  labels: readonly string[];
  /** Segment index (into `labels`) of each analysed row, in row order. */
  segmentOf: Uint16Array;
}

/** The label of null or absent values. */
export const NULL_SEGMENT = '(null)';
/** The label of the values no segment of their own lists. */
export const OTHER_SEGMENT = '(other)';
