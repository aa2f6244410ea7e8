import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ConfigError } from '../../errors/config-error';
import { SourceError } from '../../errors/source-error';
import type { ReadSampleOptions } from '../read-sample';
import type { RecordTable } from '../record-table';
import { createCollector } from '../sample-collector';
import type { SampleResult } from '../sample-result';
import type { SampleOptions, SourceOptions } from '../source-options';
import { columnTypeOf } from './duckdb-column-type';
import { describeRelation, hasGlob, isDirectory, quoteLiteral, type DuckdbRelation } from './duckdb-relation';
import { forEachRecord, rowNumbering, type RowPlace } from './duckdb-scan';
import { createDuckdbTable, type DuckdbColumn, type DuckdbRecord } from './duckdb-table';
import { createValueConverter } from './duckdb-values';
import { loadDuckdb } from './load-duckdb';
import { sampleByPosition } from './sample-by-position';
import { sampleInDuckdb, withPinnedRows } from './sample-in-duckdb';

/**
 * Reads a sample of a Parquet or SQL source through DuckDB (loaded only now), with the rows, columns and counts every
 * other source gives (see `readSample`). Results stream in DuckDB's chunks, so memory follows the sample, not the
 * table:
 *
 * - Parquet, `reservoir` (nothing pinned): the sample is drawn inside DuckDB, `USING SAMPLE reservoir(n ROWS)
 *   REPEATABLE (seed)`, and only the sampled rows reach JavaScript;
 * - Parquet, `key-hash`, `stratified` and pinned keys: only the key and stratify columns stream past the same samplers
 *   as a CSV file's, then the chosen rows are read whole by position — so `key-hash` picks the same keys as on the
 *   same data in CSV, and stratified sampling follows the same rules;
 * - `all`, and every SQL query (whose rows have no position to read them again by): whole rows stream past the
 *   samplers, converted only when chosen.
 *
 * A row's `line` is its 1-based row number: within all files of a Parquet source (files in name order), in the
 * result order of an SQL query (give the query an `ORDER BY` for a sample that does not depend on DuckDB's plan).
 */
export async function readDuckdbSample(source: SourceOptions, sample: SampleOptions, options: ReadSampleOptions): Promise<SampleResult> {
  const duckdb = await loadDuckdb(source);
  const relation = describeRelation(source);
  if (relation.kind === 'parquet' && !hasGlob(source.path) && !isUrl(source.path) && !existsSync(source.path)) {
    throw new SourceError(source.path, undefined, 'file not found', { configPath: 'source.path' });
  }
  const { signal } = options;
  signal?.throwIfAborted();
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const interrupt = (): void => connection.interrupt();
  signal?.addEventListener('abort', interrupt);
  try {
    if (relation.kind === 'sql') {
      await connection.run(`SET file_search_path = ${quoteLiteral(relation.searchPath)}`);
      // Prepared alone first, so a syntax or binder error points into the user's query, not into our wrapping of it.
      (await connection.prepare(relation.query)).destroySync();
    }
    const head = await connection.run(`SELECT ${relation.select} FROM ${relation.from} LIMIT 0`);
    const names = head.columnNames();
    const types = head.columnTypes();
    // A Parquet scan's last two columns are the row's position (file index, row number), not the source's.
    const count = relation.kind === 'parquet' ? names.length - 2 : names.length;
    const columns: DuckdbColumn[] = names.slice(0, count).map((name, at) => ({ name, type: columnTypeOf(types[at]!, duckdb), at }));
    const convert = createValueConverter(duckdb);
    const stratifyBy = sample.method === 'stratified' ? sample.stratifyBy : null;
    const table = createDuckdbTable(relation.label, source, stratifyBy, columns, convert);
    const place = relation.kind === 'parquet' ? await rowNumbering(connection, relation, count) : undefined;
    if (relation.kind === 'sql' || place === undefined || sample.method === 'all') {
      return await streamRows(connection, relation, source, sample, table, place, options);
    }
    const parquet = { connection, relation, source, columns, table, convert, place };
    const pinned = options.pinned ?? {};
    if (sample.method !== 'reservoir' || pinned.only) return await sampleByPosition(parquet, sample, options);
    const drawn = await sampleInDuckdb(connection, relation, source, sample, table, place, options);
    if (!pinned.always || pinned.always.size === 0) return drawn;
    // Remembered rows come on top of the sample, which they must not change: found by key in a pass of their own.
    const extra = await sampleByPosition(parquet, { ...sample, method: 'all' }, { ...options, pinned: { only: pinned.always } });
    return withPinnedRows(drawn, extra.rows);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw describeDuckdbError(error, relation, source);
  } finally {
    signal?.removeEventListener('abort', interrupt);
    connection.closeSync();
    instance.closeSync();
  }
}

/** `s3://…`, `https://…`: a path DuckDB reads through an extension, not a local file. */
function isUrl(file: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(file);
}

/** Every row through the harness's own samplers (only the chosen ones converted whole). */
async function streamRows(
  connection: DuckDBConnection,
  relation: DuckdbRelation,
  source: SourceOptions,
  sample: SampleOptions,
  table: RecordTable<DuckdbRecord>,
  place: RowPlace | undefined,
  options: ReadSampleOptions,
): Promise<SampleResult> {
  const collector = createCollector<DuckdbRecord>({ ...source, path: relation.label }, sample, options, 'row');
  const result = await connection.stream(`SELECT ${relation.select} FROM ${relation.from}`);
  let position = 0;
  await forEachRecord(result, (record) => {
    position += 1;
    collector.record(table, record, place === undefined ? position : place.lineOf(record), '');
  });
  return collector.finish(table);
}

/** One line for what DuckDB refused: the file (not found, not Parquet) or the query (syntax, binder errors). */
function describeDuckdbError(error: unknown, relation: DuckdbRelation, source: SourceOptions): unknown {
  if (error instanceof SourceError || error instanceof ConfigError) return error;
  // Not `instanceof Error`: under jest the native module's errors come from another realm.
  const raw = (error as { message?: unknown } | null)?.message;
  const message = typeof raw === 'string' ? raw : String(error);
  const first = message.split('\n')[0]!.trim();
  if (relation.kind === 'sql') return new ConfigError('source.sql', `failed in DuckDB: ${first}`, { cause: error });
  const file = source.path;
  if (/No files found that match the pattern/i.test(first)) {
    const problem = isDirectory(file) ? 'is a directory with no .parquet files in it' : hasGlob(file) ? 'no file matches this glob' : 'file not found';
    return new SourceError(file, undefined, problem, { configPath: 'source.path', cause: error });
  }
  const notParquet = /No magic bytes found|not a parquet file|too small to be a Parquet file/i.exec(first);
  if (notParquet) {
    const which = /file '([^']+)'/.exec(first)?.[1];
    const problem = `${which && which !== file ? `${which}: ` : ''}is not a Parquet file (${first.replace(/^[A-Za-z ]+Error: /, '')})`;
    return new SourceError(file, undefined, problem, { configPath: 'source.path', cause: error });
  }
  return new SourceError(file, undefined, `DuckDB could not read it: ${first}`, { configPath: 'source.path', cause: error });
}
