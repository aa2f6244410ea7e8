import type { Row, SourceRow } from '../core/row';
import { SourceError } from '../errors/source-error';
import type { ReadSampleOptions } from './read-sample';
import { isRejection, type RecordTable } from './record-table';
import type { BadRow, SampleResult, SourceColumn } from './sample-result';
import { createSampler } from './sampling/create-sampler';
import { withPinnedKeys } from './sampling/pinned-keys';
import type { Candidate } from './sampling/sampler';
import type { SampleOptions, SourceOptions } from './source-options';
import { uniqueKeys } from './unique-keys';

/** Records between two `onProgress` calls. */
export const PROGRESS_EVERY = 10_000;

/** Bad rows listed in {@link SampleResult.badRows}; all of them are counted in `badRowCount`. */
export const MAX_LISTED_BAD_ROWS = 100;

/** Counts, checks and samples records as a reader hands them over, then builds the result. */
export interface Collector<R> {
  /** A parsed record: admitted (and offered to the sampler) or bad. `text` is the record as written. */
  record(table: RecordTable<R>, record: R, line: number, text: string): void;
  /** A record the reader could not parse (`column` within the line, when known). */
  bad(line: number, problem: string, column?: number): void;
  /** The result, after the last record. */
  finish(table: RecordTable<R>): SampleResult;
  /**
   * The result, after the last record, with the chosen records' values loaded in one go by `load` (in the order given)
   * instead of by `table.toValues`: for readers that stream only the columns sampling needs and read the chosen rows
   * again whole.
   */
  finishLoading(table: RecordTable<R>, load: (records: R[]) => Promise<Row[]>): Promise<SampleResult>;
}

/** Where a record is, in messages: `file:12: …` for text files, `file: row 12: …` for tables without lines. */
export type RecordPlace = 'line' | 'row';

/** A {@link SourceError} about the record at `line` (a line of a text file, or a 1-based row number). */
export function recordError(file: string, place: RecordPlace, line: number, problem: string, options: { column?: number | undefined; configPath?: string | undefined } = {}): SourceError {
  return place === 'line' ? new SourceError(file, line, problem, options) : new SourceError(file, undefined, `row ${line}: ${problem}`, { configPath: options.configPath });
}

/** The part of reading a sample that is the same for every format: counting, bad rows, sampling, typing. */
export function createCollector<R>(source: SourceOptions, sample: SampleOptions, options: ReadSampleOptions, place: RecordPlace = 'line'): Collector<R> {
  const file = source.path;
  const { onProgress, where } = options;
  let offered = 0;
  const inner = createSampler<R>(sample, (candidate: Candidate<R>, max: number): never => {
    const column = JSON.stringify(sample.stratifyBy);
    throw recordError(file, place, candidate.line, `stratify column ${column} has more than ${max} distinct values (too many strata)`, {
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
    if (source.onBadRow === 'error') throw recordError(file, place, line, problem, { column, configPath });
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
      const candidate = { index, line, key: admitted.key, stratum: admitted.stratum, record: table.pack ? table.pack(record) : record };
      sampler.offer(candidate);
      also?.offer(candidate);
    },
    bad(line: number, problem: string, column?: number): void {
      count();
      bad(line, problem, column);
    },
    finish(table: RecordTable<R>): SampleResult {
      const columns = table.finish();
      const chosen = sampler.take();
      const alsoChosen = also?.take() ?? null;
      const raw = (record: R): R => (table.unpack ? table.unpack(record) : record);
      const alsoValues = alsoChosen && alsoChosen.map((candidate) => table.toValues(raw(candidate.record)));
      // Each raw record is let go once typed (after the second sample, which may share it): a large sample's raw
      // cells need not outlive its typed rows.
      const values = chosen.map((candidate) => {
        const typed = table.toValues(raw(candidate.record));
        (candidate as { record: R | null }).record = null;
        return typed;
      });
      return build(columns, chosen, values, alsoValues, alsoChosen ?? []);
    },
    async finishLoading(table: RecordTable<R>, load: (records: R[]) => Promise<Row[]>): Promise<SampleResult> {
      const columns = table.finish();
      const chosen = sampler.take();
      const alsoChosen = also?.take() ?? [];
      const values = await load([...chosen, ...alsoChosen].map((candidate) => (table.unpack ? table.unpack(candidate.record) : candidate.record)));
      return build(columns, chosen, values.slice(0, chosen.length), also ? values.slice(chosen.length) : null, alsoChosen);
    },
  };

  function build(columns: SourceColumn[], chosen: Array<Candidate<R>>, values: Row[], alsoValues: Row[] | null, alsoChosen: Array<Candidate<R>> = []): SampleResult {
    const toRows = (list: Array<Candidate<R>>, listValues: Row[]): SourceRow[] => {
      const keys = uniqueKeys(list.map((candidate) => candidate.key));
      return list.map((candidate, i) => ({ key: keys[i]!, line: candidate.line, values: listValues[i]! }));
    };
    const rows = toRows(chosen, values);
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
      ...(alsoValues ? { also: toRows(alsoChosen, alsoValues) } : {}),
    };
  }
}
