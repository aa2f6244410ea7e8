import type { InputContractDetails } from './contract-probe';
import type { DriftColumn, DriftThresholds } from './drift-report';
import type { FieldStats } from './field-stats';
import type { Mismatch } from './mismatch';
import type { ImpactDetails } from './prediction-impact';
import type { Row, Side } from './row';

/**
 * Outcome of one named check. `error`: the check itself could not finish (an exception inside it — not a broken
 * config, source or pipeline, which stop the run); its reason is the summary, and the other checks still run.
 */
export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'inconclusive' | 'error';

/** A row one side failed to produce features for: counted as an error, never as a match or a mismatch. */
export interface RowError {
  /** Row key. */
  key: string;
  /** The side that failed. */
  side: Side;
  /** Why (HTTP status, timeout, exception message), one line. */
  message: string;
  /** More of what the side said for this row alone (a pipeline's stderr tail), when there is more. */
  detail?: string;
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
  /**
   * Of the errors counted above, those where both computations rejected the row alike (offline a pipeline's `$error`
   * or a failure on that row alone; online a 4xx other than 408/429): the sides agree the row is invalid, so these do
   * not count against the error budget. Per side, as counted in `offlineErrors` / `onlineErrors`. Absent when none.
   */
  agreedRejections?: { offline: number; online: number };
  /**
   * Remembered failing rows replayed apart from this check's rows (parity, generated-parity): in none of the counts
   * above nor in the rates. Absent when none were replayed.
   */
  replayed?: number;
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
  /**
   * What the check compares: offline with serving (`offline-online`, the default: its failed fields are skew),
   * or a side with itself under a change (`same-side`: determinism, batch and label invariance — a failure is a
   * finding about one side, not skew between them).
   */
  compares?: 'offline-online' | 'same-side';
  /** Milliseconds the check took. */
  durationMs?: number;
  /**
   * What the two compared sides are, when they are not offline and serving (determinism compares a side with
   * itself, batch-invariance "in batch" with "alone"): reporters use these as column headings.
   */
  labels?: { offline: string; online: string };
  /** Minimal counterexamples (generated-parity): one per distinct failing field. */
  counterexamples?: Counterexample[];
  /** Remembered failures that pass again, and were dropped from the failure memory. */
  fixed?: RememberedFailure[];
  /** Command that reruns exactly this check's failure, when it has one of its own. */
  reproduce?: string;
  /** The golden check's details. */
  golden?: GoldenDetails;
  /**
   * Findings worth a look that do not fail the check (it can pass with warnings): listed by every reporter and
   * counted in the verdict line, never changing the exit code.
   */
  warnings?: CheckWarning[];
  /** The input-contract check's details: the contract, and how each side reacted to each probe. */
  inputContract?: InputContractDetails;
  /** Prediction impact of the skewed fields (parity, when `impact` is configured); per-field numbers on `fields[].impact`. */
  impact?: ImpactDetails;
  /** The shift checks' details (`skew logs`: covariate-shift, label-shift): every column compared, with its numbers. */
  shift?: ShiftDetails;
}

/** What a shift check of `skew logs` compared: training's distributions against the log's, per column. */
export interface ShiftDetails {
  /** `covariate`: the input columns, P(X); `label`: the joined label, P(Y). */
  kind: 'covariate' | 'label';
  /** The thresholds each column was held to. */
  thresholds: DriftThresholds;
  /** Every column compared (as `skew drift` reports it): metrics, status, bins or category shares. */
  columns: DriftColumn[];
  /** Input columns of training the logged requests do not carry (keys, label and the reference time left out). */
  onlyInTraining: string[];
  /** Logged input columns training does not have. */
  onlyInLog: string[];
  /** Rows of each sample the distributions come from. */
  rows: { training: number; log: number };
}

/** A finding that does not fail its check (see {@link CheckResult.warnings}). */
export interface CheckWarning {
  /** Stable kind, for grouping and tools (`serving-computes`). */
  kind: string;
  /** One line for people: what was seen, where. */
  message: string;
  /** Rows it concerns. */
  count: number;
  /** Keys of those rows (the first few). */
  keys: string[];
  /** One example, when it helps: the row's change and what each side said. */
  detail?: string;
  /** The row itself, when the warning is about one row (a generated row a side fails on). */
  row?: Row;
  /** The command that replays exactly what the warning is about, when it is one case. */
  reproduce?: string;
}

/** What the golden check found and did. */
export interface GoldenDetails {
  /** Golden file, relative to the working directory. */
  file: string;
  /** Update mode of the run. */
  mode: 'none' | 'missing' | 'changed' | 'all';
  /** Changed fields by row (the first 200), with the side that changed and old → new values. */
  changes: Array<{ key: string; field: string; side: 'offline' | 'online' | 'both-alike' | 'both-different'; offline?: { old: unknown; new: unknown }; online?: { old: unknown; new: unknown } }>;
  /** All changes, counted. */
  changeCount: number;
  /** Rows without a golden record. */
  newKeys: string[];
  /** Golden records of rows that left the row set (within this run's manifest). */
  obsoleteKeys: string[];
  /** Rows whose input changed since recording. */
  inputChanged: string[];
  /** Rows a side could not compute in this run: not compared, and nothing stored for them. */
  incomplete: number;
  /** What was written to the golden file, or null when nothing was. */
  written: { added: number; rewritten: number; removed: number } | null;
  /** Where the would-be golden file was written with `--propose`, or null. */
  proposed: string | null;
}

/** A failing generated row, shrunk by fast-check to the most typical row with the fewest, simplest changes. */
export interface Counterexample {
  /** The field that differs. */
  field: string;
  /** The shrunk row's mismatch in that field. */
  mismatch: Mismatch;
  /** Key of the sampled row it was derived from. */
  baseKey: string;
  /** What was changed relative to the base row, and why that value was chosen (empty: fails on a typical row). */
  changes: Array<{ column: string; from: unknown; to: unknown; reason: string }>;
  /** The whole row as the offline side received it (`undefined` values mean the column was left out). */
  row: Row;
  /** One line describing the changes. */
  description: string;
  /** fast-check seed and path that replay exactly this case. */
  seed: number;
  path: string;
  /** The command that replays it. */
  reproduce: string;
  /** Rows generated before the first failure, and shrink steps taken. */
  runs: number;
  shrinks: number;
}

/** A failure kept in the failure memory (`.skew/failures`), keyed by data: check + field + row key or content. */
export interface RememberedFailure {
  /** Check that failed. */
  check: string;
  /** Field that differed. */
  field: string;
  /** Row key (training rows) or content hash (generated rows). */
  key: string;
}
