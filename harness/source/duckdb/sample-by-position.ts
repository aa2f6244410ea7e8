import type { Row } from '../../core/row';
import type { ReadSampleOptions } from '../read-sample';
import type { RecordTable } from '../record-table';
import { createCollector } from '../sample-collector';
import type { SampleResult } from '../sample-result';
import type { SampleOptions } from '../source-options';
import { forEachRecord, type ParquetScan } from './duckdb-scan';
import { FILE_COLUMN, quoteIdentifier, ROW_COLUMN } from './duckdb-relation';
import { createDuckdbTable, type DuckdbRecord } from './duckdb-table';

/**
 * `key-hash`, `stratified` and pinned keys on Parquet: streams only the columns sampling needs (keys, the stratify
 * column, columns with a configured type) with each row's position past the harness's samplers, then reads the
 * chosen rows again whole, by position. The same rows as streaming everything, at a fraction of the conversion cost.
 */
export async function sampleByPosition(scan: ParquetScan, sample: SampleOptions, options: ReadSampleOptions): Promise<SampleResult> {
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
