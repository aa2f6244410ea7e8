import type { CompareOptions } from '../core/compare-policy';
import type { ChecksConfig } from './checks-config';
import type { ImpactConfig } from './impact-config';
import type { LogsConfig } from './logs-config';
import type { ColumnContractOptions } from '../core/input-contract';
import type { ColumnType, FeatureVector, Row } from '../core/row';
import type { ServingConfig } from './serving-config';

export type { ServingConfig, StartConfig } from './serving-config';

/**
 * The configuration as users write it in `skew.config.ts` (or `.js` / `.json`). Everything that has a default
 * is optional; `resolveConfig` fills the defaults (documented on each property) and validates, naming the
 * config path of the first problem.
 *
 * @example
 * ```ts
 * import { defineConfig } from 'skew-harness';
 *
 * export default defineConfig({
 *   source: { path: 'data/training.csv', key: 'customer_id', label: 'churned' },
 *   offline: { command: ['python3', 'pipeline/features.py'] },
 *   serving: {
 *     url: 'http://127.0.0.1:${port}/features',
 *     start: { command: ['node', 'serving/server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
 *   },
 *   compare: { fields: { spend_log: { abs: 1e-6 } } },
 *   targets: { staging: { serving: { url: '${env.STAGING_URL}/features', start: null } } },
 * });
 * ```
 */
export interface UserConfig {
  /** Where the training rows come from. */
  source: SourceConfig;
  /** How many rows to draw and how. */
  sample?: SampleConfig;
  /** The offline feature pipeline (one of module, command or precomputed columns). */
  offline: OfflineConfig;
  /** The serving endpoint. */
  serving: ServingConfig;
  /** Per-field comparison policies, renames and ignored fields. */
  compare?: CompareOptions;
  /** Which checks run. */
  checks?: ChecksConfig;
  /** Failure memory: failing cases replayed first on the next run. */
  failures?: FailuresConfig;
  /** Golden files: features of a fixed row set kept for regression (the `golden` check). Off unless set. */
  golden?: GoldenConfig | false;
  /** When a run is conclusive. */
  budget?: BudgetConfig;
  /**
   * Sharded runs (`--shard i/n`): `total`, the number of shards, for engines that give only the index
   * (`JOB_COMPLETION_INDEX`, `AWS_BATCH_JOB_ARRAY_INDEX`); `--shard-total` wins.
   */
  shard?: { total?: number };
  /** Where reports go and which reporters run. */
  report?: ReportConfig;
  /** Prediction impact: how much each skewed field moves a model's prediction (ranks skewed fields). Off unless set. */
  impact?: ImpactConfig;
  /** A serving log for `skew logs`: logged features against the offline pipeline, logged inputs against training. */
  logs?: LogsConfig;
  /** Named overrides selected with `--target NAME` (e.g. staging): merged over the rest; `null` removes a setting. */
  targets?: Record<string, TargetConfig>;
}

/** A named target: any part of the config, partially. */
export type TargetConfig = DeepPartial<Omit<UserConfig, 'targets'>>;

/** Recursively optional, with `null` allowed to remove a setting (`serving.start: null`). */
export type DeepPartial<T> = { [K in keyof T]?: DeepPartialValue<T[K]> };

/** One value of {@link DeepPartial}: distributes over unions, so `StartConfig | null` becomes partial too. */
export type DeepPartialValue<V> = V extends (...args: never[]) => unknown
  ? V
  : V extends readonly unknown[]
    ? V | null
    : V extends object
      ? DeepPartial<V> | null
      : V | null;

/** The `source` section. */
export interface SourceConfig {
  /**
   * CSV, JSON Lines or Parquet, relative to the config file. For Parquet also a glob (`data/*.parquet`) or a
   * Hive-partitioned directory (`data/train`, with `year=2024/` folders becoming columns). Required unless `sql` is set.
   */
  path?: string;
  /**
   * A query run by DuckDB instead of a file (`"SELECT * FROM read_parquet('train.parquet') JOIN …"`): joins,
   * filters, `read_parquet`, `read_csv`; relative file names resolve against the config file's directory. Not with
   * `path`. Needs `@duckdb/node-api`.
   */
  sql?: string;
  /**
   * File format. Default: from the path (`.jsonl`, `.ndjson` → jsonl; `.parquet`, a glob or a directory of Parquet
   * files → parquet; otherwise csv). Parquet is read through DuckDB (`@duckdb/node-api`).
   */
  format?: 'csv' | 'jsonl' | 'parquet';
  /** Key column(s) identifying a row in every output. Default: none (rows are numbered). */
  key?: string | string[];
  /** Label column: read, never sent to serving. Default: none. */
  label?: string;
  /** Column type overrides (`{ zip: 'string' }`). Default: inferred from the data. */
  types?: Record<string, ColumnType>;
  /** CSV cells that mean null. Default `['']`. */
  nullValues?: string[];
  /** CSV delimiter. Default `','`. */
  delimiter?: string;
  /** Malformed records: `'error'` stops with file and line; `'skip'` counts and lists them. Default `'error'`. */
  onBadRow?: 'error' | 'skip';
  /**
   * The input contract, per input column: what valid input looks like. Learned from the sample (always present or
   * not, ever null or not, type and format); these options widen or narrow it. Generated rows stay inside it; the
   * `input-contract` check probes just outside it. Key and label columns have none. Default: `{}` (all learned).
   */
  contract?: Record<string, ColumnContractOptions>;
}

/** The `sample` section. */
export interface SampleConfig {
  /** Rows to draw. Default `1000`. */
  size?: number;
  /** Seed. Default `1`. */
  seed?: number;
  /** Sampling method. Default `'reservoir'` (`'stratified'` when `stratifyBy` is set). */
  method?: 'reservoir' | 'stratified' | 'key-hash' | 'all';
  /** Column to stratify by. */
  stratifyBy?: string;
}

/** Offline features from a TS/JS module exporting a batch function `(rows) => features[]` (may be async). */
export interface ModuleOfflineConfig {
  /** Module path relative to the config file (`.ts`, `.js`, `.mjs`, `.cjs`). */
  module: string;
  /** Export to call. Default `'computeFeatures'`, then the default export. */
  export?: string;
  /** Rows per call. Default `1000`. */
  batchSize?: number;
  /** A call that takes longer fails the run (exit 2) instead of hanging it. Default `300000` (5 min). */
  timeoutMs?: number;
}

/**
 * Offline features from a command speaking JSON Lines: one row object per stdin line, one feature object (or
 * `{"$error": "why"}`) per stdout line, in order. A process per batch (a warm spare started ahead); a pipeline that
 * answers line by line also keeps one long-lived process for single rows. A batch the pipeline fails as a whole is
 * split to find the rows responsible, which become row errors; the run goes on.
 */
export interface CommandOfflineConfig {
  /** argv array, run without a shell; `node_modules/.bin` is on PATH. */
  command: string[];
  /** Working directory, relative to the config file. Default: the config file's directory. */
  cwd?: string;
  /** Extra environment variables (values may use `${env.NAME}`). */
  env?: Record<string, string>;
  /** A process that prints no line for this long is stopped and its batch failed (then split). Default `300000`. */
  timeoutMs?: number;
  /** Pipeline processes at once while isolating failing rows or computing single rows. Default: the number of cores. */
  concurrency?: number;
  /**
   * How the pipeline answers: `'auto'` (default) finds out on one probe row; `'stream'`: it writes each row's line
   * before reading the next (flushing); `'batch'`: it reads all its input before writing.
   */
  mode?: 'auto' | 'stream' | 'batch';
  /**
   * For a pipeline that reads and writes files: put `${input}` and/or `${output}` in `command`
   * (`['python', 'features.py', '--input', '${input}', '--output', '${output}']`); each batch is written to a temporary
   * `${input}` file and its features read from the `${output}` file the command writes, one row per input row, in
   * order. Their formats: `'csv'` (default; a header row) or `'jsonl'`.
   */
  files?: { input?: 'csv' | 'jsonl'; output?: 'csv' | 'jsonl' };
}

/** Offline features already in the source: precomputed columns, chosen by list or by prefix. */
export interface ColumnsOfflineConfig {
  /** Feature columns. */
  columns?: string[];
  /** Or every column starting with this prefix. */
  prefix?: string;
  /** Strip the prefix from feature names (`feat_tenure` → `tenure`). Default `true`. */
  stripPrefix?: boolean;
}

/**
 * Offline features from a batch HTTP endpoint: rows POSTed in batches (`{"rows": [...]}` → `{"features": [...]}` in
 * row order, unless mapped), through the same HTTP client as serving (keep-alive, retries with backoff on network
 * errors, 429 and 5xx). A batch the endpoint fails because of its rows (400, 500, a body that does not map to one
 * vector per row) is resent row by row — a batch of one to the same URL — so only the rows responsible become row
 * errors. An endpoint down as a whole (10 failed requests in a row) stops the run (exit 2), as a crashed pipeline does.
 */
export interface HttpOfflineConfig {
  /** Batch endpoint. May use `${env.NAME}`. */
  url: string;
  /** HTTP method. Default `'POST'`. */
  method?: 'POST' | 'PUT';
  /** Request headers; values may use `${env.NAME}`. Never printed. */
  headers?: Record<string, string>;
  /** Body for a batch. Default `{ rows: [...] }`; `{ wrap }` changes the property name; or a function. */
  request?: ((rows: Row[]) => unknown) | { wrap?: string };
  /** Features out of a response. Default the `features` property, an array in row order; `{ path }`, or a function. */
  response?: ((body: unknown, rows: Row[]) => FeatureVector[]) | { path?: string };
  /** Rows per request. Default `256`. */
  batchSize?: number;
  /** Deadline of one request attempt in milliseconds. Default `60000`. */
  timeoutMs?: number;
  /** Retries on network errors, timeouts, 429 and 5xx. Default `3`. */
  retries?: number;
  /** Requests in flight at once. Default `2`. */
  concurrency?: number;
  /** Largest response body read, in bytes. Default `16777216` (16 MiB). */
  maxResponseBytes?: number;
}

/** The `offline` section: exactly one of the four kinds. */
export type OfflineConfig = ModuleOfflineConfig | CommandOfflineConfig | ColumnsOfflineConfig | HttpOfflineConfig;

/** The `golden` section. */
export interface GoldenConfig {
  /** Directory of golden files, relative to the config file. Default `'golden'`. */
  dir?: string;
  /** Suite name: the file is `<dir>/<suite>.golden.jsonl`. Default: the config file's directory name. */
  suite?: string;
  /**
   * The fixed row set: a number of rows chosen by key hash (stable as the data grows), or a list of keys.
   * Default `50`.
   */
  rows?: number | string[];
  /** Seed of the key-hash choice. Default `1`. */
  seed?: number;
  /** Columns with personal data: replaced by `[redacted]` in stored inputs. Default `[]`. */
  redact?: string[];
}

/** Where failing cases are remembered between runs. */
export interface FailuresConfig {
  /** Directory, relative to the config file. Default `'.skew/failures'`. */
  dir?: string;
  /** Remember failures and replay them first next run. Default `true`. */
  remember?: boolean;
}

/** The `budget` section. */
export interface BudgetConfig {
  /** Largest share of rows that may fail (per side) before the run is inconclusive. Default `0.01`. */
  errorRate?: number;
  /** Fewest rows that must be compared for a conclusive run. Default `1`. */
  minCompared?: number;
}

/** Reporter names. */
export type ReporterName = 'terminal' | 'json' | 'markdown' | 'html' | 'junit' | 'github';

/** A reporter, by name or as a `[name, options]` tuple (`['json', { file: 'out/skew.json' }]`). */
export type ReporterChoice = ReporterName | [ReporterName, Record<string, unknown>];

/** The `report` section. */
export interface ReportConfig {
  /** Directory for report files, relative to the config file. Default `'reports'`. */
  dir?: string;
  /**
   * Reporters. Default `['terminal', 'json']`. File reporters take `{ file }`: `json` (default
   * `<dir>/skew-report.json`), `markdown` (`skew-report.md`), `html` (`skew-report.html`), `junit`
   * (`skew-junit.xml`); `github` prints annotations and appends to `GITHUB_STEP_SUMMARY`.
   */
  reporters?: ReporterChoice[];
  /** Mismatch examples kept per field. Default `5`. */
  examples?: number;
  /** A previous JSON report to compare with: new, resolved, worse and better skews. Default: none. */
  baseline?: string;
}
