/**
 * One Parquet benchmark measurement in a fresh process (see measure-child.ts):
 * - `duckdb FILE N`: the reference — DuckDB alone in a bare node process, `SELECT * FROM read_parquet(FILE) USING SAMPLE
 *   reservoir(N ROWS) REPEATABLE (1)`, rows read into JS values;
 * - `sample FILE N METHOD`: skew-harness `readSample` on the same file (`reservoir`: drawn inside DuckDB; `key-hash`:
 *   the key column streamed past the harness's sampler, the chosen rows read again by position).
 * Prints one JSON line: rows returned, rows read, time and peak RSS.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readSample } from '../../harness/source';

async function main(): Promise<Record<string, number>> {
  const [mode, file, size, method] = process.argv.slice(2) as [string, string, string, string?];
  const started = performance.now();
  let count = 0;
  let read = 0;
  switch (mode) {
    case 'duckdb': {
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}') USING SAMPLE reservoir(${Number(size)} ROWS) REPEATABLE (1)`);
      count = reader.getRows().length;
      connection.closeSync();
      break;
    }
    case 'sample': {
      const result = await readSample(
        { path: file, format: 'parquet', key: ['customer_id'], label: 'churned', types: {}, nullValues: [''], delimiter: ',', onBadRow: 'error' },
        { method: method === 'key-hash' ? 'key-hash' : 'reservoir', size: Number(size), seed: 1, stratifyBy: null },
      );
      count = result.rows.length;
      read = result.rowsRead;
      break;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
  return { count, read, ms: performance.now() - started, maxRssKiB: process.resourceUsage().maxRSS };
}

void main().then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
