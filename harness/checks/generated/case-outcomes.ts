import type { Row } from '../../core/row';
import { ROW_FIELD, type RowEvaluation } from './evaluate-rows';

/** A field of a generated row, evaluated: the failure memory's view of a generated case. */
export interface GeneratedCaseOutcome {
  /** The field, or `(row)` for the row contract. */
  field: string;
  /** `gen:<hash>` of the row, or a remembered row's stored key. */
  key: string;
  /** The row as sent. */
  row: Row;
  /** Whether the field differed (or exactly one side rejected the row). */
  failed: boolean;
}

/**
 * The cases of an evaluated row, under `key`: each field both sides computed and the `(row)` contract. None when a side
 * failed as infrastructure would: the row was not evaluated, so a remembered case of it is neither fixed nor failing.
 */
export function caseOutcomes(e: RowEvaluation, key: string): GeneratedCaseOutcome[] {
  if (e.infraError) return [];
  const fields = new Set([...e.compared, ...e.failing.keys(), ROW_FIELD]);
  return [...fields].map((field) => ({ field, key, row: e.row.values, failed: e.failing.has(field) }));
}
