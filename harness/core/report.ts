import type { CheckResult, CheckRows } from './check-result';
import type { ColumnInfo } from './row';
import type { Trend } from './trend';
import type { Verdict } from './verdict';
import type { DataProfile } from './data-profile';

/** Version of the JSON report schema. Bumped on any incompatible change; readers should check it. */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * Everything a run found: the source of every report format (terminal, JSON, and those rendered from JSON).
 * Values inside mismatch examples may be NaN, ±Infinity or −0; the JSON writer encodes those losslessly.
 */
export interface SkewReport {
  /** {@link REPORT_SCHEMA_VERSION}. */
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** The harness that wrote it. */
  tool: { name: 'skew-harness'; version: string };
  /** How the run was set up, and how long it took. */
  run: RunInfo;
  /** The source and what was read from it. */
  source: SourceInfo;
  /** The two sides. */
  sides: { offline: { description: string; processes?: OfflineProcesses }; online: { description: string; stats: ServingStatsInfo | null } };
  /** Row accounting across the run. */
  accounting: Accounting;
  /** Profile of the sampled rows, per column (the basis of generated rows). */
  profile: DataProfile;
  /** One result per check, in run order. */
  checks: CheckResult[];
  /** The one verdict, with a one-line summary. */
  verdict: Verdict & { summary: string };
  /** Command that reruns exactly this run. */
  reproduce: string;
  /** Things to know that are not findings: a config pattern that matches no field. */
  warnings?: string[];
  /** Against a previous report (`--baseline`), when one was given. */
  trend?: Trend;
  /** `skew logs` runs: the serving log and the training sample its records were held against. */
  logs?: LogsInfo;
}

/** What a `skew logs` run read: the log (its records, the time window) and the training sample. */
export interface LogsInfo {
  /** The log, relative to the working directory (also `source.path` of such a report). */
  file: string;
  /** Records read from the log. */
  recordsRead: number;
  /** Records served inside the time window (all records when there is none): the population sampled. */
  recordsInWindow: number;
  /** The time window as ISO instants (`since` inclusive, `until` exclusive); null where open. */
  window: { since: string | null; until: string | null };
  /** The earliest and latest time among the sampled records (ISO), or null when none was sampled. */
  sampledTimes: { first: string; last: string } | null;
  /** The input column the records' times were written into, or null. */
  referenceTimeColumn: string | null;
  /** The training sample the shift checks compare the log with. */
  training: { path: string; rowsRead: number; rowsSampled: number };
}

/** Run metadata. */
export interface RunInfo {
  /** ISO time the run started. */
  startedAt: string;
  /** ISO time the run ended. */
  finishedAt: string;
  /** Wall time in ms. */
  durationMs: number;
  /** Config file, relative to the working directory. */
  configFile: string | null;
  /** Hash of the config as written. */
  configHash: string;
  /** Target applied, if any. */
  target: string | null;
  /** Sampling seed. */
  seed: number;
  /** Requested sample size. */
  sampleSize: number;
  /** Sampling method. */
  sampleMethod: string;
  /** Versions of the runtime. */
  versions: { node: string; platform: string };
  /** Milliseconds spent per phase (phases overlap: offline and online run concurrently). */
  timings: { sampleMs: number; offlineMs: number; onlineMs: number; totalMs: number };
}

/** Source information. */
export interface SourceInfo {
  /** Source file, relative to the working directory. */
  path: string;
  /** Format (`parquet` and `sql` are read through DuckDB; for `sql`, `path` is the directory the query runs in). */
  format: 'csv' | 'jsonl' | 'parquet' | 'sql';
  /** Columns with types and roles. */
  columns: ColumnInfo[];
  /** Records skipped as malformed (when skipping is on), the first 100. */
  badRows: Array<{ line: number; message: string }>;
  /** Total skipped records. */
  badRowCount: number;
}

/**
 * Row accounting for the run. Rows are never summed across checks: `rowsCompared`, `offlineErrors`, `onlineErrors`
 * and `notRun` are those of one check — parity (the sampled training rows through both sides) when it ran, otherwise
 * the check that compared the most rows — named by `check`; every check's own numbers are in `checks`.
 */
export interface Accounting {
  /** Data records read from the source. */
  rowsRead: number;
  /** Rows drawn by sampling (remembered failing rows replayed on top included: `rowsSampled − replayed` were drawn at random). */
  rowsSampled: number;
  /**
   * Remembered failing training rows replayed on top of the sample (counted in `rowsSampled`, in no check's rates);
   * each check's own count of replayed rows, generated ones included, is `checks[name].replayed`. Absent in older
   * reports.
   */
  replayed?: number;
  /** The check the four numbers below are from, or null when no check compared rows. */
  check?: string | null;
  /** Rows that check compared (both sides produced features). */
  rowsCompared: number;
  /** Rows of that check the offline side failed on. */
  offlineErrors: number;
  /** Rows of that check the serving side failed on. */
  onlineErrors: number;
  /** Rows of that check never attempted (interrupted, serving unavailable). */
  notRun: number;
  /** Each check's row accounting by check name, as in its result (`checks[].rows`). Absent in reports of 0.1.0. */
  checks?: Record<string, CheckRows>;
}

/** Request statistics of the serving side. */
export interface ServingStatsInfo {
  /** HTTP requests sent (attempts, including retries). */
  requests: number;
  /** Retries among them. */
  retries: number;
  /** Responses by status code (`"200"`, …) and failures without a response by kind (`"network:refused"`, `"network:timeout"`, …). */
  statuses: Record<string, number>;
  /** Latency percentiles in ms. */
  latencyMs: { p50: number; p95: number; max: number } | null;
  /**
   * With `serving.batch`: batch requests sent, how many of them failed as a whole and were resent row by row to
   * `serving.url`, and the first such batch's error. Absent for single-row serving.
   */
  batches?: { sent: number; resentRowByRow: number; firstResendReason: string | null };
  /**
   * Rows that could not be made into a request — the request mapper threw on them (a preset cannot put a null into a
   * tensor), or a URL template column had no value — so they were never sent and not compared; the first one's
   * reason. Absent when every row could be sent.
   */
  unsendable?: { rows: number; firstReason: string };
}

/** How an offline command pipeline was run: how it answers, and how many processes the run started. */
export interface OfflineProcesses {
  /** `stream`: it answers line by line (one long-lived process serves single rows); `batch`: it reads all input first. */
  mode: 'stream' | 'batch' | null;
  /** Processes started in the run (batches, single rows, isolating failing rows, the warm spare). */
  started: number;
  /**
   * Lines the pipeline printed to stdout that are not JSON (`Loading vocabulary…`, `processed 500 rows`): log output
   * in the wrong stream, skipped rather than read as a row's features. Absent when there were none.
   */
  skippedStdout?: { lines: number; first: string };
}
