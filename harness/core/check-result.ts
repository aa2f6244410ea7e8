import type { FieldStats } from './field-stats';
import type { Side } from './row';

/** Outcome of one named check. */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'inconclusive';

/** A row one side failed to produce features for: counted as an error, never as a match or a mismatch. */
export interface RowError {
  /** Row key. */
  key: string;
  /** The side that failed. */
  side: Side;
  /** Why (HTTP status, timeout, exception message). */
  message: string;
}

/** Row accounting of a check. */
export interface CheckRows {
  /** Rows the check set out to compare. */
  total: number;
  /** Rows where both sides produced features and the features were compared. */
  compared: number;
  /** Rows the offline side failed on. */
  offlineErrors: number;
  /** Rows the serving side failed on. */
  onlineErrors: number;
  /** Rows never attempted (the run was interrupted or serving was declared unavailable). */
  notRun: number;
}

/**
 * The result of one check (`parity`, `determinism`, …): one type for all checks, so reporters and the verdict
 * need not know which check produced it.
 */
export interface CheckResult {
  /** Stable name, also the config key that switches the check (`parity`). */
  name: string;
  /** Outcome. */
  status: CheckStatus;
  /** One line: why it failed, was skipped or is inconclusive; a summary when it passed. */
  summary: string;
  /** Row accounting. */
  rows: CheckRows;
  /** Per-field statistics, in feature order. */
  fields: FieldStats[];
  /** The first row errors, as examples. */
  errors: RowError[];
}
