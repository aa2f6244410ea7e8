/**
 * The `logs` section: a serving log to check with `skew logs` — what serving computed for real requests, against
 * what the offline pipeline computes from the same logged inputs, and the logged inputs' distributions against
 * the training sample.
 *
 * @example
 * ```ts
 * logs: {
 *   path: 'logs/serving.jsonl',             // records {"time": …, "key": …, "inputs": {…}, "features": {…}}
 *   referenceTimeColumn: 'reference_date', // the pipeline's "as of" input, filled from each record's time
 *   drift: { psi: 0.2, fail: false },
 * }
 * ```
 */
export interface LogsConfig {
  /** The serving log, relative to the config file: JSON Lines, plain or gzip-compressed (`.jsonl.gz`). */
  path: string;
  /** Log format. Default `'jsonl'`. */
  format?: 'jsonl';
  /** Where each part of a record is: property names or dotted paths (`request.body`). */
  fields?: LogFieldsConfig;
  /**
   * The input column the offline pipeline reads as "now" (`reference_date`): set on every logged request from the
   * record's time, written as the training data writes that column (a date, or a date-time as its values are
   * written), so a pipeline computes as of the moment the request was served. Default: none.
   */
  referenceTimeColumn?: string;
  /** Only records served at or after this ISO 8601 instant (`--since`). Default: no lower bound. */
  since?: string;
  /** Only records served before this ISO 8601 instant (`--until`). Default: no upper bound. */
  until?: string;
  /** How many logged records to check, and how they are drawn. Defaults: the `sample` section's size and seed. */
  sample?: { size?: number; seed?: number; method?: 'reservoir' | 'all' };
  /** Malformed records: `'error'` stops with file and line; `'skip'` counts and lists them. Default `'error'`. */
  onBadRow?: 'error' | 'skip';
  /** Covariate and label shift: thresholds, and whether a shift fails the run. */
  drift?: LogsDriftConfig;
}

/** Where the parts of a log record are. */
export interface LogFieldsConfig {
  /** The request's input columns (an object). Default `'inputs'`. */
  inputs?: string;
  /** The features serving computed (an object). Default `'features'`. */
  features?: string;
  /** When it was served: ISO 8601, or epoch seconds or milliseconds. Default `'time'`. */
  time?: string;
  /** The row key, shown in examples; `null` for none (records are then named by line). Default `'key'`. */
  key?: string | null;
  /** A label joined to the record later: compared with the training label for label shift. Default: none. */
  label?: string | null;
}

/** Thresholds of covariate shift (per input column) and label shift. */
export interface LogsDriftConfig {
  /** Numeric columns shift when PSI exceeds this. Default `0.2`. */
  psi?: number;
  /** Numeric columns shift when the Jensen–Shannon divergence (base 2) exceeds this. Default `0.1`. */
  jensenShannon?: number;
  /** Categorical columns shift when the L∞ distance of category shares exceeds this. Default `0.1`. */
  lInfinity?: number;
  /** `true`: a shift fails the run (exit 1). Default `false`: shifts are warnings. */
  fail?: boolean;
}
