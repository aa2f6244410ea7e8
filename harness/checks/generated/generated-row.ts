import type { Row } from '../../core/row';
import type { Missing } from './missing';

/** One column of a generated row that differs from its base row. */
export interface Change {
  /** The base row's value ({@link MISSING} if the base row has no such key). */
  from: unknown | Missing;
  /** The generated value ({@link MISSING}: the key is absent from {@link GeneratedRow.row}). */
  value: unknown | Missing;
  /** Why this value was chosen (`unseen category`, `negative`, `in range`, `pinned`…). */
  reason: string;
}

/**
 * A generated row: a sampled training row (its base) with a few columns changed. When a generated row shows
 * skew, fast-check shrinks it to the most typical base with the fewest changes, each as simple as still fails.
 */
export interface GeneratedRow {
  /** Index of the base row in the `baseRows` the arbitrary was made from (0 is the most typical). */
  base: number;
  /** The columns that differ from the base row, in profile column order; empty for the base row itself. */
  changes: Record<string, Change>;
  /** The row to send: the base row with the changes applied (a {@link MISSING} change removes the key). */
  row: Row;
}
