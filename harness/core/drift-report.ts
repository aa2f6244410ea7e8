import type { ColumnType } from './row';

/** The distribution distances a column is held to, and the level above which each counts as drift. */
export interface DriftThresholds {
  /** Numeric columns drift when PSI exceeds this. Default 0.2 (rule of thumb: < 0.1 stable, 0.1–0.2 moderate, > 0.2 significant). */
  psi: number;
  /** Numeric columns drift when the Jensen–Shannon divergence (base 2) exceeds this. Default 0.1. */
  jensenShannon: number;
  /** Categorical columns drift when the L∞ distance of category shares exceeds this. Default 0.1. */
  lInfinity: number;
}

/** Names of the metrics a column can exceed. */
export type DriftMetric = keyof DriftThresholds;

/**
 * Outcome for one column: `stable` (within every threshold), `drift` (a distance over its threshold),
 * `type_changed` (numeric, date, categorical or JSON in one file and another kind in the other — a contract
 * change, counted as drift), `not_compared` (JSON objects or arrays in both files).
 */
export type DriftColumnStatus = 'stable' | 'drift' | 'type_changed' | 'not_compared';

/** How a column's distribution moved between the baseline and the current file. */
export interface DriftColumn {
  /** Column name (present in both files). */
  column: string;
  /** How it was compared: numeric (numbers and dates, by quantile bins) or categorical (by category share); null if not compared. */
  kind: 'numeric' | 'categorical' | null;
  /** Column type in each file (inferred over every row read). */
  types: { baseline: ColumnType; current: ColumnType };
  /** Rows of each sample. */
  rows: { baseline: number; current: number };
  /** Share of rows where the column is null, absent or NaN, in each sample. */
  nullRate: { baseline: number; current: number };
  /** Numeric: PSI over 10 quantile bins of the baseline plus a null bin. */
  psi: number | null;
  /** Numeric: Jensen–Shannon divergence (base 2, in [0, 1]) over the same bins. */
  jensenShannon: number | null;
  /** Categorical: L∞ distance between the category shares (null a category of its own), in [0, 1]. */
  lInfinity: number | null;
  /** Verdict for the column. */
  status: DriftColumnStatus;
  /** Metrics over their threshold (empty unless `status` is `drift`). */
  exceeded: DriftMetric[];
  /** Numeric: bin cut points (baseline quantiles; dates as epoch milliseconds), counts per bin and nulls, medians. */
  numeric: {
    edges: number[];
    counts: { baseline: number[]; current: number[] };
    nulls: { baseline: number; current: number };
    median: { baseline: number | null; current: number | null };
  } | null;
  /** Categorical: the category that moved most, and categories of the current file the baseline never has. */
  categorical: {
    largestShift: { category: string; baseline: number; current: number } | null;
    unseen: { categories: number; share: number; top: Array<{ category: string; count: number }> };
  } | null;
}

/** One of the two files, as read. */
export interface DriftFile {
  /** The path as given on the command line. */
  path: string;
  format: 'csv' | 'jsonl';
  /** Data records in the file. */
  rowsRead: number;
  /** Rows in the sample the distributions are computed from. */
  rowsSampled: number;
  /** Malformed records skipped (`--skip-bad-rows`). */
  badRowCount: number;
}

/** Overall outcome: exit 0 `stable`, 1 `drift`, 3 `nothing_comparable`. */
export type DriftStatus = 'stable' | 'drift' | 'nothing_comparable';

/** Everything `skew drift` found; the terminal table, the JSON file and the exit code all derive from it. */
export interface DriftReport {
  baseline: DriftFile;
  current: DriftFile;
  /** How each file was sampled. */
  sample: { method: 'reservoir' | 'all'; size: number | null; seed: number };
  thresholds: DriftThresholds;
  /** Columns in both files (keys and ignored columns left out), in baseline order. */
  columns: DriftColumn[];
  /** Columns only the baseline has. */
  onlyInBaseline: string[];
  /** Columns only the current file has. */
  onlyInCurrent: string[];
  /** Columns left out by `--key` and `--ignore` (those present in either file). */
  excluded: string[];
  verdict: { status: DriftStatus; exitCode: 0 | 1 | 3; drifted: string[]; summary: string };
}

/** A distance with three decimals (enough to compare with thresholds like 0.1 and 0.2). */
export function formatMetric(value: number): string {
  return value.toFixed(3);
}
