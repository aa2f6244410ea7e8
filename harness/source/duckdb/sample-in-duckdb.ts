import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceRow } from '../../core/row';
import type { ReadSampleOptions } from '../read-sample';
import { isRejection, type RecordTable } from '../record-table';
import { MAX_LISTED_BAD_ROWS, recordError } from '../sample-collector';
import type { BadRow, SampleResult } from '../sample-result';
import type { SampleOptions, SourceOptions } from '../source-options';
import { uniqueKeys } from '../unique-keys';
import { FILE_COLUMN, quoteIdentifier, ROW_COLUMN, type DuckdbRelation } from './duckdb-relation';
import { forEachRecord, type RowPlace } from './duckdb-scan';
import type { DuckdbRecord } from './duckdb-table';

/** A drawn sample with pinned rows added (those it did not draw, marked pinned-only), in row order, keys unique. */
export function withPinnedRows(drawn: SampleResult, pinned: SourceRow[]): SampleResult {
  const taken = new Set(drawn.rows.map((row) => row.line));
  const extra = pinned.filter((row) => !taken.has(row.line));
  const all = [...drawn.rows.map((row) => ({ row, pinnedOnly: false })), ...extra.map((row) => ({ row, pinnedOnly: true }))].sort((a, b) => a.row.line - b.row.line);
  // Unique within each part already; a key in both parts (a duplicate key in the file) gets its suffix here.
  const keys = uniqueKeys(all.map(({ row }) => row.key));
  const rows = all.map(({ row }, i) => ({ ...row, key: keys[i]! }));
  return { ...drawn, rows, pinnedOnly: rows.filter((_, i) => all[i]!.pinnedOnly).map((row) => row.key) };
}

/** `reservoir` on Parquet: the sample is drawn by DuckDB; rows with an empty key are bad rows, as in CSV. */
export async function sampleInDuckdb(
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
