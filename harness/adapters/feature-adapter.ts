import type { OfflineProcesses } from '../core/report';
import type { Row, Side, SideResult } from '../core/row';
import type { SkewError } from '../errors/skew-error';

/** A row as handed to an adapter: its key and the columns that side may see. */
export interface AdapterRow {
  /** Row key (for messages and request templating). */
  key: string;
  /** The columns for this side: every column for offline pipelines, inputs only (no label) for serving. */
  fields: Row;
}

/** Options for one `compute` call. */
export interface ComputeOptions {
  /** Aborts outstanding work (Ctrl-C, serving declared unavailable). */
  signal?: AbortSignal;
  /** Called as soon as the result for `rows[index]` is known (progress bars, streaming comparison). */
  onResult?: (index: number, result: SideResult) => void;
  /**
   * Every result goes to `onResult`, and the caller needs them nowhere else: an adapter that streams (serving) hands
   * each over once and keeps none, and `compute` resolves to an empty array — memory flat in the rows of the call,
   * features garbage as soon as the caller is done with them. Adapters may ignore it and return every result as well;
   * a caller asking for it takes a row's result from `onResult`, or from the array when `onResult` never had it.
   * Default false.
   */
  streamResults?: boolean;
  /**
   * These rows need no process of their own: a long-lived pipeline process may serve them after other rows (shrinking
   * candidates). Unset, a multi-row call is one batch in a fresh process, as in training. Default false.
   */
  reuseProcess?: boolean;
}

/**
 * One side of the comparison: turns rows into feature vectors. Offline pipelines (module, command, columns) and
 * the serving endpoint all implement it, so checks are written once against this interface.
 *
 * `compute` resolves to one result per row, in row order. A failure that concerns one row (an HTTP 503 after
 * retries, a pipeline's per-row error) is a `{ kind: 'error' }` result; a failure of the whole side (the pipeline
 * crashed) rejects with a {@link SkewError}.
 */
export interface FeatureAdapter {
  /** Which side this is. */
  readonly side: Side;
  /** Human description for reports: `python3 pipeline/features.py`, `POST http://127.0.0.1:8080/features`. */
  readonly description: string;
  /** Computes features for `rows`, one result per row, in order. */
  compute(rows: readonly AdapterRow[], options?: ComputeOptions): Promise<SideResult[]>;
  /**
   * Optional: proves the side runs on a few sample rows before anything else is touched (an offline pipeline that
   * fails to import stops the run before the first serving request) and learns how it answers. Rejects with a
   * {@link SkewError} only when the side is broken as a whole.
   */
  warmUp?(rows: readonly AdapterRow[], signal?: AbortSignal): Promise<void>;
  /** For process-based pipelines: how it answers and how many processes were started so far. */
  readonly processes?: OfflineProcesses;
  /** Releases processes, sockets and agents. Safe to call twice. */
  close(): Promise<void>;
}
