import type { ColumnType } from '../core/row';

/** How a source is read: CSV and JSON Lines are streamed by the harness, Parquet and SQL through DuckDB. */
export type SourceFormat = 'csv' | 'jsonl' | 'parquet' | 'sql';

/** How to read a data source. Resolved: every property set (see the config resolver for defaults). */
export interface SourceOptions {
  /**
   * Absolute path of the file; for Parquet also a glob (`/data/*.parquet`) or a Hive-partitioned directory; for an
   * SQL source the directory its relative file names are resolved against (the config file's directory).
   */
  path: string;
  /** Source format (from the path unless configured): `parquet` and `sql` are read through DuckDB. */
  format: SourceFormat;
  /** The query of an SQL source (`format: 'sql'`), run by DuckDB; unset for files. */
  sql?: string | undefined;
  /** Key column(s); empty means rows are keyed by their 1-based record number. */
  key: string[];
  /** Label column, if any: read, typed and kept, but never sent to serving. */
  label: string | null;
  /** Column type overrides; other columns are inferred from the data. */
  types: Record<string, ColumnType>;
  /** CSV cells that mean null (compared exactly, before type inference). Default `['']`. */
  nullValues: string[];
  /** CSV field delimiter. Default `,`. */
  delimiter: string;
  /** Malformed records: stop with an error naming file and line, or skip them and list them in the report. */
  onBadRow: 'error' | 'skip';
}

/** How to draw rows from the source. */
export interface SampleOptions {
  /**
   * - `reservoir`: uniform over the file, seeded (memory proportional to the sample);
   * - `stratified`: reservoir per value of `stratifyBy`, sample split proportionally (each stratum ≥ 1 row);
   * - `key-hash`: the `size` rows whose keys hash lowest (the same keys every run as the file grows);
   * - `all`: every row.
   */
  method: 'reservoir' | 'stratified' | 'key-hash' | 'all';
  /** Rows to draw (ignored by `all`). */
  size: number;
  /** Seed for `reservoir`, `stratified` and `key-hash`. */
  seed: number;
  /** Column to stratify by (`stratified` only). */
  stratifyBy: string | null;
}
