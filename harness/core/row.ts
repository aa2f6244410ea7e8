/**
 * A row of the source as typed values, keyed by column name. CSV cells arrive as
 * `string | number | boolean | null` after type inference; JSON Lines rows may hold any JSON value.
 */
export type Row = Record<string, unknown>;

/** Features computed for one row by one side (offline pipeline or serving endpoint), keyed by feature name. */
export type FeatureVector = Record<string, unknown>;

/** The column types skew-harness infers from data, and which config may override. */
export type ColumnType = 'integer' | 'number' | 'boolean' | 'date' | 'string' | 'json';

/** The part a column plays in a run. */
export type ColumnRole = 'key' | 'label' | 'input' | 'offline_feature';

/** One column of the source, as inferred (or overridden) and assigned a role. */
export interface ColumnInfo {
  /** Header name. */
  name: string;
  /** Type after inference and config overrides. */
  type: ColumnType;
  /** Whether the type came from the data or from config. */
  typeSource: 'inferred' | 'config';
  /** Role in the run: keys identify rows, labels are never sent to serving, offline features are not inputs. */
  role: ColumnRole;
}

/** A row drawn from the source, with its identity and where it came from. */
export interface SourceRow {
  /** Row identity: the key column values joined with `|` (the 1-based record number if no key is configured). */
  key: string;
  /** 1-based line number in the source file where the record starts (for messages). */
  line: number;
  /** All columns of the row, typed. */
  values: Row;
}

/**
 * What one side returned for one row: features; an error that keeps the row from being compared (counted
 * against the error budget); or `skipped` when the row was never attempted (run interrupted, serving declared
 * unavailable, a value serving's protocol cannot carry), which is neither an error nor a comparison.
 */
export type SideResult =
  | { kind: 'ok'; features: FeatureVector }
  /**
   * `detail`: what the side printed for this row alone (a pipeline's stderr tail), when there is more to show.
   * `scope: 'batch'`: the row's batch failed and the row was never run alone (isolation stopped at its limit), so the
   * error says nothing about the row itself: it counts against the error budget but never as the row's rejection.
   * `dropped`: serving closed the connection without answering this one row's request (reset, or closed while it was
   * sent) — what a server whose handler crashes on the request does, where a framework would have answered 500.
   */
  | { kind: 'error'; message: string; status?: number | undefined; detail?: string | undefined; scope?: 'row' | 'batch' | undefined; dropped?: true | undefined }
  /**
   * `unsendable`: the row could not be made into a request — a preset refused a value its protocol cannot carry (a
   * null in a tensor), or a `{column}` of the URL template has no value — so it was never sent and never will be as
   * configured: not compared, not serving's error either. (A request mapper that throws is the row's error instead.)
   */
  | { kind: 'skipped'; reason: string; unsendable?: true | undefined };

/** Replaces secrets (env-provided header values, URL credentials) in text meant for output. */
export type Redactor = (text: string) => string;

/** The two sides of a comparison. */
export type Side = 'offline' | 'online';
