import type { FieldOutcome } from '../core/diff';
import type { SideResult, SourceRow } from '../core/row';

/** One row as a check saw it: both sides' results and, when both produced features, the field outcomes. */
export interface RowComparison {
  /** The source row. */
  row: SourceRow;
  /** Offline result. */
  offline: SideResult;
  /** Online result. */
  online: SideResult;
  /** Field outcomes; empty unless both sides are `ok`. */
  outcomes: FieldOutcome[];
}
