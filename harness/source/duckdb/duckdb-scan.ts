import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import type { RecordTable } from '../record-table';
import type { SourceOptions } from '../source-options';
import { quoteLiteral, type DuckdbRelation } from './duckdb-relation';
import type { DuckdbColumn, DuckdbRecord } from './duckdb-table';
import type { ValueConverter } from './duckdb-values';

/** What reading a Parquet source by position needs. */
export interface ParquetScan {
  /** The open DuckDB connection. */
  connection: DuckDBConnection;
  /** The scan, as SQL. */
  relation: Extract<DuckdbRelation, { kind: 'parquet' }>;
  /** The source's options (keys, types, bad-row policy). */
  source: SourceOptions;
  /** Every column of the source, at its position in `SELECT *`. */
  columns: DuckdbColumn[];
  /** The table of whole rows (`SELECT *`). */
  table: RecordTable<DuckdbRecord>;
  /** DuckDB values → row values. */
  convert: ValueConverter;
  /** Row numbers from positions. */
  place: RowPlace;
}

/** Where a Parquet row is: its global 1-based row number from its file and its row number in that file. */
export interface RowPlace {
  /** The row's number across all files (files in name order). */
  lineOf(record: DuckdbRecord): number;
  /** The same, from the row's file and its 0-based row number in it. */
  lineAt(file: unknown, row: unknown): number;
  /** Rows in all files (from the Parquet footers: no scan). */
  total: number;
}

/** Numbers the rows of a Parquet scan from its files' footers (no scan of the data). */
export async function rowNumbering(connection: DuckDBConnection, relation: Extract<DuckdbRelation, { kind: 'parquet' }>, fileAt: number): Promise<RowPlace> {
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
export async function forEachRecord(result: DuckDBResult, visit: (record: DuckdbRecord) => void): Promise<void> {
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) return;
    const vectors = Array.from({ length: chunk.columnCount }, (_, c) => chunk.getColumnVector(c));
    for (let i = 0; i < chunk.rowCount; i++) visit(vectors.map((vector) => vector.getItem(i)));
  }
}
