import type { Row } from '../core/row';
import { ConfigError } from '../errors/config-error';
import { readCsvRecords } from './csv-records';
import { createCsvTable } from './csv-table';
import { readJsonlRecords, type JsonObject } from './jsonl-records';
import { createJsonlTable } from './jsonl-table';
import { readDuckdbSample } from './duckdb/read-duckdb-sample';
import type { RecordTable } from './record-table';
import { createCollector } from './sample-collector';
import type { SampleResult } from './sample-result';
import type { PinnedKeys } from './sampling/pinned-keys';
import type { SampleOptions, SourceOptions } from './source-options';

/** How a {@link readSample} call is run (as opposed to what it reads). */
export interface ReadSampleOptions {
  /** Stops the read: the file is closed and the call rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Called with the number of records read so far, every {@link PROGRESS_EVERY} records and once at the end. */
  onProgress?: ((rowsRead: number) => void) | undefined;
  /** Keys that bypass sampling: `only` these rows, or these rows `always` in addition to the sample. */
  pinned?: PinnedKeys | undefined;
  /**
   * The config setting `source.path` came from (`source.path`), named in errors about the file itself (missing, a
   * directory, not CSV or JSON Lines at all). Unset for paths given on the command line. A setting ending `.path`
   * also names its siblings `.format` and `.delimiter` in errors of a file read in the wrong format or with the wrong
   * delimiter.
   */
  pathSetting?: string | undefined;
  /**
   * A second sample drawn in the same pass (the golden row set beside the run's sample), so the file is read once:
   * returned as {@link SampleResult.also}, keyed and typed as a sample of its own.
   */
  also?: { sample: SampleOptions; pinned?: PinnedKeys | undefined } | undefined;
  /**
   * Filters records before sampling (a time window over a serving log): called with the values of every admitted
   * record as JSON gives them (configured types applied; JSON Lines sources only — CSV cells are typed only after the
   * whole file was read); `false` leaves the record out of the sample (it still counts as read, and in type inference),
   * a `{ problem }` makes it a bad row (stopping the read, or skipped with `onBadRow: 'skip'`). Format-independent:
   * every reader hands its records through the same collector.
   */
  where?: ((values: Row, line: number) => boolean | { problem: string; configPath?: string | undefined }) | undefined;
}

export { MAX_LISTED_BAD_ROWS, PROGRESS_EVERY } from './sample-collector';

/**
 * Streams a CSV or JSON Lines file once and returns a sample of its rows, typed, in file order, with the
 * columns and their types (inferred over every row read, or configured), the number of records read and the
 * bad rows skipped. The file is never loaded whole: memory is proportional to the sample.
 *
 * The sample is deterministic: the same file, options and seed give the same rows. Row keys are the key
 * column values joined with `|` (the 1-based record number without a key column); a key that occurs again in
 * the sample gets a `#2`, `#3`… suffix, in file order.
 *
 * Rejects with a {@link SourceError} (`file:line: problem`) for input it cannot read (see `onBadRow` for the
 * per-record problems that can be skipped instead), a {@link ConfigError} for invalid sample options, and the
 * abort reason when `options.signal` aborts.
 *
 * @example
 * const { rows, columns } = await readSample(
 *   { path: '/data/train.csv', format: 'csv', key: ['customer_id'], label: 'churned', types: {}, nullValues: [''], delimiter: ',', onBadRow: 'error' },
 *   { method: 'reservoir', size: 1000, seed: 1, stratifyBy: null },
 * );
 */
export async function readSample(source: SourceOptions, sample: SampleOptions, options: ReadSampleOptions = {}): Promise<SampleResult> {
  checkSampleOptions(sample);
  const file = source.path;
  const { signal, pathSetting } = options;
  const stratifyBy = sample.method === 'stratified' ? sample.stratifyBy : null;
  // The format and delimiter are set beside the path (`source.path` → `source.format`, `source.delimiter`).
  const beside = (name: string): string | undefined => (pathSetting?.endsWith('.path') ? `${pathSetting.slice(0, -'path'.length)}${name}` : undefined);
  const settings = { format: beside('format'), delimiter: beside('delimiter') };

  switch (source.format) {
    case 'csv': {
      if (options.where !== undefined) throw new ConfigError(settings.format ?? 'source.format', 'a record filter needs a JSON Lines source');
      const collector = createCollector<string[]>(source, sample, options);
      let table: RecordTable<string[]> | undefined;
      await readCsvRecords(file, { delimiter: source.delimiter, signal, pathSetting }, {
        header: (names, line) => {
          table = createCsvTable({ file, names, line }, source, stratifyBy, settings);
        },
        // The reader calls `header` before any record, and fails on a file without one.
        record: (cells, line, text) => collector.record(table!, cells, line, text),
        bad: (line, problem, column) => collector.bad(line, problem, column),
      });
      return collector.finish(table!);
    }
    case 'jsonl': {
      const collector = createCollector<JsonObject>(source, sample, options);
      const table = createJsonlTable(file, source, stratifyBy);
      await readJsonlRecords(file, { signal, pathSetting, formatSetting: settings.format }, {
        record: (record, line, text) => collector.record(table, record, line, text),
        bad: (line, problem, column) => collector.bad(line, problem, column),
      });
      return collector.finish(table);
    }
    case 'parquet':
    case 'sql':
      return readDuckdbSample(source, sample, options);
  }
}

/** Sample options are validated by the config resolver; this guards direct callers with the same messages. */
function checkSampleOptions(sample: SampleOptions): void {
  if (sample.method === 'all') return;
  if (!Number.isSafeInteger(sample.size) || sample.size < 1) {
    throw new ConfigError('sample.size', `must be a positive integer, got ${sample.size}`);
  }
  if (!Number.isSafeInteger(sample.seed)) throw new ConfigError('sample.seed', `must be an integer, got ${sample.seed}`);
  if (sample.method === 'stratified' && !sample.stratifyBy) {
    throw new ConfigError('sample.stratifyBy', 'is required when sample.method is "stratified"');
  }
}
