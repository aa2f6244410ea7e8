import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * The serving log of the example endpoint: one JSON line per served row, in the record format `skew logs` reads by
 * default —
 *
 *   {"time":"2023-12-31T00:00:00.000Z","key":"C000002","inputs":{…},"features":{…}}
 *
 * `time` is when the request was served *as of*: the example's requests carry their as-of date as `reference_date`
 * (the traffic is a replay of history), so that date is the time, and it is left out of `inputs` — `skew logs` puts
 * it back from `time` (`logs.referenceTimeColumn`). A live service logs the wall clock at the request instead.
 */
export interface RequestLog {
  /** Logs one served row and the features it got. */
  write(row: Record<string, unknown>, features: Record<string, unknown>): void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/** Opens (appends to) the log at `path`. */
export function openRequestLog(path: string): RequestLog {
  const out: WriteStream = createWriteStream(path, { flags: 'a' });
  return {
    write(row, features) {
      const { reference_date: asOf, ...inputs } = row;
      const asOfMs = typeof asOf === 'string' ? Date.parse(asOf.length === 10 ? `${asOf}T00:00:00Z` : asOf) : NaN;
      const time = Number.isNaN(asOfMs) ? new Date().toISOString() : new Date(asOfMs).toISOString();
      out.write(`${JSON.stringify({ time, key: row.customer_id ?? null, inputs, features })}\n`);
    },
    close: () => new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))),
  };
}
