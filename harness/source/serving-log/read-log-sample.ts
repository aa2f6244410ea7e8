import type { Row } from '../../core/row';
import { readSample, type ReadSampleOptions } from '../read-sample';
import type { BadRow } from '../sample-result';
import type { SampleOptions } from '../source-options';
import { isJsonObject, valueAtPath } from './log-path';
import { parseLogTime } from './log-time';
import type { LogRecord, ServingLogOptions } from './serving-log-options';

/** A sample of a serving log's records, with what was learned while streaming it. */
export interface LogSample {
  /** Sampled records in the time window, in log order (deterministic for a given seed and log). */
  records: LogRecord[];
  /** Records read (bad ones and those outside the time window included). */
  recordsRead: number;
  /** Records in the time window: the population the sample was drawn from. */
  recordsInWindow: number;
  /** Records skipped as malformed (`onBadRow: 'skip'`), the first 100. */
  badRows: BadRow[];
  /** All records skipped as malformed. */
  badRowCount: number;
  /** Earliest and latest time among the sampled records (epoch ms), or null when none was sampled. */
  timeRange: { first: number; last: number } | null;
}

/** How a {@link readLogSample} call is run. */
export type ReadLogOptions = Pick<ReadSampleOptions, 'signal' | 'onProgress'>;

/**
 * Streams a serving log once and returns a seeded sample of the records served inside the time window, filtered
 * before sampling (so `--since`/`--until` draw the whole sample from the window). Memory is proportional to the
 * sample, whatever the size of the log. Every record must carry an object of inputs, an object of features and a
 * time; one that does not is a bad row (`log.jsonl:12: inputs field "inputs" is missing; check logs.fields.inputs`),
 * stopping the read or — with `onBadRow: 'skip'` — counted and listed.
 *
 * The JSON Lines reading (gzip, UTF-8 checks, line and column in errors) is the source layer's own; another log
 * format plugs in here as a further case that yields the same records.
 */
export async function readLogSample(log: ServingLogOptions, sample: SampleOptions, options: ReadLogOptions = {}): Promise<LogSample> {
  const { fields } = log;
  const problem = (what: string, name: string, setting: string, issue: string) => ({
    problem: `${what} field ${JSON.stringify(name)} ${issue}`,
    configPath: `logs.fields.${setting}`,
  });
  const where = (values: Row, line: number): boolean | { problem: string; configPath: string } => {
    const time = valueAtPath(values, fields.time);
    if (time === undefined || time === null) return problem('time', fields.time, 'time', 'is missing');
    const at = parseLogTime(time);
    if (at === null) return problem('time', fields.time, 'time', `is not an ISO 8601 instant or epoch number (got ${JSON.stringify(time)})`);
    const inputs = valueAtPath(values, fields.inputs);
    if (!isJsonObject(inputs)) return problem('inputs', fields.inputs, 'inputs', inputs === undefined ? 'is missing' : 'is not a JSON object');
    const features = valueAtPath(values, fields.features);
    if (!isJsonObject(features)) return problem('features', fields.features, 'features', features === undefined ? 'is missing' : 'is not a JSON object');
    if (log.keys !== null) {
      const key = fields.key === null ? undefined : keyText(valueAtPath(values, fields.key));
      if (!log.keys.has(key ?? `line ${line}`)) return false;
    }
    return (log.since === null || at >= log.since) && (log.until === null || at < log.until);
  };
  const result = await readSample(
    // Records are numbered, not keyed, here: a logged key repeats (one customer, many requests) and may be nested.
    { path: log.path, format: log.format, key: [], label: null, types: {}, nullValues: [''], delimiter: ',', onBadRow: log.onBadRow },
    log.keys === null ? sample : { ...sample, method: 'all' },
    { ...options, pathSetting: 'logs.path', where },
  );
  const records = result.rows.map((row): LogRecord => {
    const values = row.values;
    const key = fields.key === null ? undefined : valueAtPath(values, fields.key);
    return {
      line: row.line,
      key: keyText(key) ?? null,
      // Checked by `where` before the record was offered to the sampler.
      time: parseLogTime(valueAtPath(values, fields.time))!,
      inputs: valueAtPath(values, fields.inputs) as Record<string, unknown>,
      features: valueAtPath(values, fields.features) as Record<string, unknown>,
      label: fields.label === null ? undefined : valueAtPath(values, fields.label),
    };
  });
  let first = Infinity;
  let last = -Infinity;
  for (const r of records) {
    first = Math.min(first, r.time);
    last = Math.max(last, r.time);
  }
  return {
    records,
    recordsRead: result.rowsRead,
    recordsInWindow: result.rowsMatched ?? result.rowsRead,
    badRows: result.badRows,
    badRowCount: result.badRowCount,
    timeRange: records.length === 0 ? null : { first, last },
  };
}

/** A logged key as text (strings as they are, other values as JSON), or undefined for none. */
function keyText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
