import type { Row } from '../core/row';

/**
 * How one case — a check, a field and a row (training row key, or a generated row's content hash) — came out in a
 * run, for the failure memory:
 * - `pass`: evaluated and agreed in that field;
 * - `fail`: evaluated and differed in a field its check failed on;
 * - `tolerated`: evaluated and differed, but within the field's budget (neither fixed nor a new failure).
 * A case absent from a run's outcomes was not evaluated (not sampled, a side errored, the field absent, the check not
 * run): the memory keeps it as it was.
 */
export type CaseResult = 'pass' | 'fail' | 'tolerated';

/** One evaluated case (see {@link CaseResult}). */
export interface CaseOutcome {
  /** Check that evaluated it. */
  check: string;
  /** Field (or `(row)` for a row one side rejected). */
  field: string;
  /** Training row key, or `gen:<hash>` for a generated row. */
  key: string;
  /** The whole row, for generated rows (stored with a new failure: they cannot be read from the source again). */
  row?: Row;
  /** How it came out. */
  result: CaseResult;
}
