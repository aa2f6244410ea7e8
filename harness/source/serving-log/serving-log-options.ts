/** Where each part of a logged serving request is found in a log record: property names or dotted paths. */
export interface ServingLogFields {
  /** The request's input columns, an object (`inputs`). */
  inputs: string;
  /** The features serving computed for it, an object (`features`). */
  features: string;
  /** When it was served: an ISO 8601 instant or epoch seconds / milliseconds (`time`). */
  time: string;
  /** The row key (`key`); a record without one is keyed by its line. Null: no key field. */
  key: string | null;
  /** The label joined to the request later, if any (null: no label field). */
  label: string | null;
}

/** How to read a serving log. Resolved: every property set (see the config resolver for defaults). */
export interface ServingLogOptions {
  /** Absolute path of the log. */
  path: string;
  /**
   * Log format. JSON Lines (plain or gzip) is read by the source layer's streaming reader; other formats (Parquet
   * through DuckDB) plug in as further cases of {@link readLogSample}, yielding the same {@link LogRecord}s.
   */
  format: 'jsonl';
  /** Where the parts of a record are. */
  fields: ServingLogFields;
  /** Only records served at or after this instant (epoch ms), or null. */
  since: number | null;
  /** Only records served before this instant (epoch ms), or null. */
  until: number | null;
  /** Malformed records: stop with an error naming the line, or skip them (counted and listed). */
  onBadRow: 'error' | 'skip';
  /**
   * Only the records of these keys (the logged key as text, or `line 12` for a record without one), every one in the
   * window, instead of a sample: how a row of a report is reproduced. Null: sample as configured.
   */
  keys: ReadonlySet<string> | null;
}

/** One logged request, as the log says it was served. */
export interface LogRecord {
  /** 1-based line of the record in the log. */
  line: number;
  /** The logged key as text, or null when the record has none. */
  key: string | null;
  /** When it was served (epoch ms). */
  time: number;
  /** The request's input columns, as logged. */
  inputs: Record<string, unknown>;
  /** The features serving logged for it. */
  features: Record<string, unknown>;
  /** The joined label; `undefined` when the record has none (not joined yet, or no label field). */
  label: unknown;
}
