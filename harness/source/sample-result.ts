import type { ColumnType, SourceRow } from '../core/row';

/** A malformed record that was skipped (`onBadRow: 'skip'`). */
export interface BadRow {
  /** 1-based line where the record starts. */
  line: number;
  /** What was wrong with it. */
  message: string;
}

/** A column as read from the source: its name and type (inferred over every row read, or configured). */
export interface SourceColumn {
  /** Header name (CSV) or property name (JSON Lines, first-seen order). */
  name: string;
  /** Type after inference and overrides. */
  type: ColumnType;
  /** Whether the type came from the data or from config. */
  typeSource: 'inferred' | 'config';
}

/** Rows drawn from a source, with what was learned while streaming it. */
export interface SampleResult {
  /** Sampled rows, typed, in file order (deterministic for a given seed and file). */
  rows: SourceRow[];
  /** Columns, in header order. */
  columns: SourceColumn[];
  /** Data records read (header excluded, bad rows included). */
  rowsRead: number;
  /** Records skipped as malformed (only with `onBadRow: 'skip'`), the first 100. */
  badRows: BadRow[];
  /** Total number of skipped records (may exceed `badRows.length`). */
  badRowCount: number;
  /** Stratified sampling only: rows read and sampled per stratum value. */
  strata: Record<string, { rows: number; sampled: number }> | null;
  /** Keys of rows present only because they were pinned (`always`): not part of the random sample. */
  pinnedOnly?: string[];
  /** The second sample drawn in the same pass, when one was asked for (`ReadSampleOptions.also`). */
  also?: SourceRow[];
  /** With a `where` filter: records it kept (the population the sample was drawn from). */
  rowsMatched?: number;
}
