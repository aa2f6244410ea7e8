import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import type { Row, SourceRow } from '../../core/row';
import { ConfigError } from '../../errors/config-error';
import { SourceError } from '../../errors/source-error';
import type { ReadSampleOptions } from '../read-sample';
import { createCollector, MAX_LISTED_BAD_ROWS, recordError } from '../sample-collector';
import { isRejection, type RecordTable } from '../record-table';
import type { BadRow, SampleResult } from '../sample-result';
import type { SampleOptions, SourceOptions } from '../source-options';
import { uniqueKeys } from '../unique-keys';
import { columnTypeOf } from './duckdb-column-type';
import { describeRelation, FILE_COLUMN, hasGlob, isDirectory, quoteIdentifier, quoteLiteral, ROW_COLUMN, type DuckdbRelation } from './duckdb-relation';
import { createDuckdbTable, type DuckdbColumn, type DuckdbRecord } from './duckdb-table';
import { createValueConverter, type ValueConverter } from './duckdb-values';
import { loadDuckdb } from './load-duckdb';
import { existsSync } from 'node:fs';

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

/** Where a Parquet row is: its global 1-based row number from its file and its row number in that file. */
interface RowPlace {
  /** The row's number across all files (files in name order). */
  lineOf(record: DuckdbRecord): number;
  /** The same, from the row's file and its 0-based row number in it. */
  lineAt(file: unknown, row: unknown): number;
  /** Rows in all files (from the Parquet footers: no scan). */
  total: number;
}

async function rowNumbering(connection: DuckDBConnection, relation: Extract<DuckdbRelation, { kind: 'parquet' }>, fileAt: number): Promise<RowPlace> {
  // The footers list the files in the order the scan reads them, which is what a row's file index counts.
  const metadata = await connection.runAndReadAll(`SELECT num_rows FROM parquet_file_metadata(${quoteLiteral(relation.files)})`);
  const offsets: number[] = [];
  let total = 0;
  for (const [rows] of metadata.getRows()) {
    offsets.push(total);
    total += Number(rows);
  }
  const lineAt = (file: unknown, row: unknown): number => (offsets[Number(file)] ?? 0) + Number(row) + 1;
  return { total, lineAt, lineOf: (record) => lineAt(record[fileAt], record[fileAt + 1]) };
}

/**
 * Calls `visit` with every row of a streamed result, chunk by chunk, reading the chunk's column vectors (several times
 * faster than the client's row arrays on wide strings); `visit` may keep the record.
 */
async function forEachRecord(result: DuckDBResult, visit: (record: DuckdbRecord) => void): Promise<void> {
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return;
    const vectors = Array.from({ length: chunk.columnCount }, (_, c) => chunk.getColumnVector(c));
    for (let i = 0; i < chunk.rowCount; i++) visit(vectors.map((vector) => vector.getItem(i)));
  }
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

/** What reading a Parquet source by position needs. */
interface ParquetScan {
  connection: DuckDBConnection;
  relation: Extract<DuckdbRelation, { kind: 'parquet' }>;
  source: SourceOptions;
  /** Every column of the source, at its position in `SELECT *`. */
  columns: DuckdbColumn[];
  /** The table of whole rows (`SELECT *`). */
  table: RecordTable<DuckdbRecord>;
  convert: ValueConverter;
  place: RowPlace;
}

/**
 * `key-hash`, `stratified` and pinned keys on Parquet: streams only the columns sampling needs (keys, the stratify
 * column, columns with a configured type) with each row's position past the harness's samplers, then reads the
 * chosen rows again whole, by position. The same rows as streaming everything, at a fraction of the conversion cost.
 */
async function sampleByPosition(scan: ParquetScan, sample: SampleOptions, options: ReadSampleOptions): Promise<SampleResult> {
  const { connection, relation, source, place } = scan;
  const stratifyBy = sample.method === 'stratified' ? sample.stratifyBy : null;
  const needed = new Set([...source.key, ...(stratifyBy === null ? [] : [stratifyBy]), ...Object.keys(source.types)]);
  // Positions 0 and 1 of a narrow record hold the row's file and its row number in it.
  const narrow = scan.columns.filter((column) => needed.has(column.name)).map((column, i) => ({ ...column, at: i + 2 }));
  const narrowTable = createDuckdbTable(relation.label, { ...source, label: null }, stratifyBy, narrow, scan.convert);
  const table: RecordTable<DuckdbRecord> = {
    admit: (record, recordNumber) => narrowTable.admit(record, recordNumber),
    finish: () => scan.table.finish(),
    toValues: () => {
      throw new Error('narrow records are loaded whole by position');
    },
  };
  const collector = createCollector<DuckdbRecord>({ ...source, path: relation.label }, sample, options, 'row');
  const select = [FILE_COLUMN, ROW_COLUMN, ...narrow.map((column) => quoteIdentifier(column.name))].join(', ');
  const result = await connection.stream(`SELECT ${select} FROM ${relation.from}`);
  await forEachRecord(result, (record) => collector.record(table, record, place.lineAt(record[0], record[1]), ''));
  return collector.finishLoading(table, (records) => loadByPosition(scan, records));
}

/** The whole rows at the positions of narrow records (file, row number), typed, in the order given. */
async function loadByPosition(scan: ParquetScan, records: DuckdbRecord[]): Promise<Row[]> {
  const { connection, relation, place } = scan;
  if (records.length === 0) return [];
  await connection.run('CREATE OR REPLACE TABLE skew_chosen (f BIGINT, r BIGINT)');
  const appender = await connection.createAppender('skew_chosen');
  for (const record of records) {
    appender.appendBigInt(BigInt(record[0] as bigint | number));
    appender.appendBigInt(BigInt(record[1] as bigint | number));
    appender.endRow();
  }
  appender.closeSync();
  const byLine = new Map<number, Row>();
  const result = await connection.stream(
    `SELECT t.*, t.${FILE_COLUMN}, t.${ROW_COLUMN} FROM ${relation.from} t SEMI JOIN skew_chosen c ON t.${FILE_COLUMN} = c.f AND t.${ROW_COLUMN} = c.r`,
  );
  await forEachRecord(result, (record) => byLine.set(place.lineOf(record), scan.table.toValues(record)));
  return records.map((record) => byLine.get(place.lineAt(record[0], record[1]))!);
}

/** A drawn sample with pinned rows added (those it did not draw, marked pinned-only), in row order, keys unique. */
function withPinnedRows(drawn: SampleResult, pinned: SourceRow[]): SampleResult {
  const taken = new Set(drawn.rows.map((row) => row.line));
  const extra = pinned.filter((row) => !taken.has(row.line));
  const all = [...drawn.rows.map((row) => ({ row, pinnedOnly: false })), ...extra.map((row) => ({ row, pinnedOnly: true }))].sort((a, b) => a.row.line - b.row.line);
  // Unique within each part already; a key in both parts (a duplicate key in the file) gets its suffix here.
  const keys = uniqueKeys(all.map(({ row }) => row.key));
  const rows = all.map(({ row }, i) => ({ ...row, key: keys[i]! }));
  return { ...drawn, rows, pinnedOnly: rows.filter((_, i) => all[i]!.pinnedOnly).map((row) => row.key) };
}

/** `reservoir` on Parquet: the sample is drawn by DuckDB; rows with an empty key are bad rows, as in CSV. */
async function sampleInDuckdb(
  connection: DuckDBConnection,
  relation: Extract<DuckdbRelation, { kind: 'parquet' }>,
  source: SourceOptions,
  sample: SampleOptions,
  table: RecordTable<DuckdbRecord>,
  place: RowPlace,
  options: ReadSampleOptions,
): Promise<SampleResult> {
  const file = relation.label;
  const badRows: BadRow[] = [];
  let badRowCount = 0;
  const bad = (line: number, problem: string, configPath?: string): void => {
    if (source.onBadRow === 'error') throw recordError(file, 'row', line, problem, { configPath });
    badRowCount += 1;
    if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ line, message: problem });
  };

  // A key column that is null or empty makes the row bad wherever it is, sampled or not (as CSV reads every row).
  const emptyKey = source.key.map((name) => `(${quoteIdentifier(name)} IS NULL OR CAST(${quoteIdentifier(name)} AS VARCHAR) = '')`);
  let from = `(SELECT ${relation.select} FROM ${relation.from})`;
  if (emptyKey.length > 0) {
    const which = `CASE ${emptyKey.map((test, k) => `WHEN ${test} THEN ${k}`).join(' ')} END`;
    const limit = source.onBadRow === 'error' ? 1 : MAX_LISTED_BAD_ROWS;
    const found = await connection.runAndReadAll(
      `SELECT ${FILE_COLUMN}, ${ROW_COLUMN}, ${which} AS k, count(*) OVER () AS n FROM ${relation.from} WHERE ${emptyKey.join(' OR ')} LIMIT ${limit}`,
    );
    const badKeys = found.getRows().map(([f, r, k, n]) => ({ line: place.lineAt(f, r), key: source.key[Number(k)]!, n: Number(n) }));
    badKeys.sort((a, b) => a.line - b.line);
    for (const { line, key } of badKeys) bad(line, `key column ${JSON.stringify(key)} is empty`);
    badRowCount = badKeys[0]?.n ?? 0;
    from = `(SELECT ${relation.select} FROM ${relation.from} WHERE NOT (${emptyKey.join(' OR ')}))`;
  }

  // REPEATABLE takes a non-negative seed; the run's seed is mapped onto one the same way every time.
  const seed = sample.seed >>> 0;
  const result = await connection.stream(`SELECT * FROM ${from} USING SAMPLE reservoir(${sample.size} ROWS) REPEATABLE (${seed})`);
  const chosen: Array<{ line: number; key: string; record: DuckdbRecord }> = [];
  await forEachRecord(result, (record) => {
    const line = place.lineOf(record);
    const admitted = table.admit(record, line);
    if (isRejection(admitted)) bad(line, admitted.problem, admitted.configPath);
    else chosen.push({ line, key: admitted.key, record });
  });
  chosen.sort((a, b) => a.line - b.line);
  const columns = table.finish();
  const keys = uniqueKeys(chosen.map((c) => c.key));
  const rows: SourceRow[] = chosen.map((c, i) => ({ key: keys[i]!, line: c.line, values: table.toValues(c.record) }));
  options.onProgress?.(place.total);
  return { rows, columns, rowsRead: place.total, badRows, badRowCount, strata: null, pinnedOnly: [] };
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
