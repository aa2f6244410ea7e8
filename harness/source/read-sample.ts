import type { Row, SourceRow } from '../core/row';
import { ConfigError } from '../errors/config-error';
import { SourceError } from '../errors/source-error';
import { readCsvRecords } from './csv-records';
import { createCsvTable } from './csv-table';
import { readJsonlRecords, type JsonObject } from './jsonl-records';
import { createJsonlTable } from './jsonl-table';
import { isRejection, type RecordTable } from './record-table';
import type { BadRow, SampleResult } from './sample-result';
import { createSampler } from './sampling/create-sampler';
import { withPinnedKeys, type PinnedKeys } from './sampling/pinned-keys';
import type { Candidate } from './sampling/sampler';
import type { SampleOptions, SourceOptions } from './source-options';
import { uniqueKeys } from './unique-keys';

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

/** Records between two `onProgress` calls. */
export const PROGRESS_EVERY = 10_000;

/** Bad rows listed in {@link SampleResult.badRows}; all of them are counted in `badRowCount`. */
export const MAX_LISTED_BAD_ROWS = 100;

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
  }
}

/** Counts, checks and samples records as a reader hands them over, then builds the result. */
interface Collector<R> {
  /** A parsed record: admitted (and offered to the sampler) or bad. `text` is the record as written. */
  record(table: RecordTable<R>, record: R, line: number, text: string): void;
  /** A record the reader could not parse (`column` within the line, when known). */
  bad(line: number, problem: string, column?: number): void;
  /** The result, after the last record. */
  finish(table: RecordTable<R>): SampleResult;
}

/** The part of {@link readSample} that is the same for every format. */
function createCollector<R>(source: SourceOptions, sample: SampleOptions, options: ReadSampleOptions): Collector<R> {
  const file = source.path;
  const { onProgress, where } = options;
  let offered = 0;
  const inner = createSampler<R>(sample, (candidate: Candidate<R>, max: number): never => {
    const column = JSON.stringify(sample.stratifyBy);
    throw new SourceError(file, candidate.line, `stratify column ${column} has more than ${max} distinct values (too many strata)`, {
      configPath: 'sample.stratifyBy',
    });
  });
  const sampler = withPinnedKeys(inner, options.pinned ?? {});
  const also = options.also ? withPinnedKeys(createSampler<R>(options.also.sample, () => undefined as never), options.also.pinned ?? {}) : null;
  const badRows: BadRow[] = [];
  let badRowCount = 0;
  let rowsRead = 0;

  function count(): number {
    rowsRead += 1;
    if (onProgress !== undefined && rowsRead % PROGRESS_EVERY === 0) onProgress(rowsRead);
    return rowsRead;
  }

  function bad(line: number, problem: string, column?: number, configPath?: string): void {
    if (source.onBadRow === 'error') throw new SourceError(file, line, problem, { column, configPath });
    badRowCount += 1;
    if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ line, message: column === undefined ? problem : `${problem} (column ${column})` });
  }

  return {
    record(table: RecordTable<R>, record: R, line: number, text: string): void {
      const index = count();
      const admitted = table.admit(record, index);
      if (isRejection(admitted)) return bad(line, admitted.problem, admitted.locate?.(text), admitted.configPath);
      if (where !== undefined) {
        const kept = where(table.toValues(record), line);
        if (kept !== true) {
          if (kept !== false) bad(line, kept.problem, undefined, kept.configPath);
          return;
        }
        offered += 1;
      }
      const candidate = { index, line, key: admitted.key, stratum: admitted.stratum, record };
      sampler.offer(candidate);
      also?.offer(candidate);
    },
    bad(line: number, problem: string, column?: number): void {
      count();
      bad(line, problem, column);
    },
    finish(table: RecordTable<R>): SampleResult {
      const columns = table.finish();
      const toRows = (chosen: ReadonlyArray<Candidate<R>>): SourceRow[] => {
        const keys = uniqueKeys(chosen.map((candidate) => candidate.key));
        return chosen.map((candidate, i) => ({ key: keys[i]!, line: candidate.line, values: table.toValues(candidate.record) }));
      };
      const chosen = sampler.take();
      const rows = toRows(chosen);
      onProgress?.(rowsRead);
      const pinnedOnly = rows.filter((_, i) => chosen[i]!.pinnedOnly).map((row) => row.key);
      return {
        rows,
        columns,
        rowsRead,
        badRows,
        badRowCount,
        strata: sampler.strata(),
        pinnedOnly,
        ...(where !== undefined ? { rowsMatched: offered } : {}),
        ...(also ? { also: toRows(also.take()) } : {}),
      };
    },
  };
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
