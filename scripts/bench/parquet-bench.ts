import { existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { summarize, type RateSummary } from './diff-bench';
import { measureInChild } from './measure-child';

/** Time (ms) and peak RSS (MiB) of one contender over the rounds. */
export interface ParquetMeasure {
  ms: RateSummary;
  rssMiB: RateSummary;
}

/** Sampling from Parquet through skew-harness vs DuckDB's own `USING SAMPLE`, on files DuckDB generated. */
export interface ParquetBenchResult {
  rounds: number;
  /** Rows drawn. */
  size: number;
  /** Rows in the big file and in the small one (the same columns). */
  rows: number;
  smallRows: number;
  /** Reference: DuckDB alone in a bare node process, `USING SAMPLE reservoir(size ROWS) REPEATABLE (1)` on the big file. */
  duckdb: ParquetMeasure;
  /** skew-harness readSample, reservoir (drawn inside DuckDB), on the big file and on the small one. */
  harness: ParquetMeasure;
  harnessSmall: ParquetMeasure;
  /** skew-harness readSample, key-hash (the key column streamed past the harness's sampler, the chosen rows read again by position), on the big file, one round. */
  keyHash: { ms: number; rssMiB: number } | null;
}

/**
 * Makes (or reuses, from an earlier run: it is cached under the OS temp dir by its row count) a Parquet file of
 * `rows` churn-like rows with DuckDB.
 */
export async function makeParquet(rows: number): Promise<string> {
  const file = path.join(tmpdir(), `skew-bench-${rows}.parquet`);
  if (existsSync(file)) return file;
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const partial = `${file}.${process.pid}.tmp`;
  await connection.run(`COPY (
      SELECT 'C' || lpad(i::VARCHAR, 9, '0') AS customer_id,
             DATE '2020-01-01' + (hash(i) % 1500)::INTEGER AS signup_date,
             TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds((hash(i * 7) % 31536000)::BIGINT) AS last_login_at,
             ['basic', 'standard', 'premium'][1 + (hash(i * 3) % 3)::INTEGER] AS plan,
             round((hash(i * 5) % 20000) / 100.0, 2)::DOUBLE AS monthly_spend,
             CASE WHEN i % 13 = 0 THEN NULL ELSE (hash(i * 11) % 60)::BIGINT END AS sessions_last_30d,
             (hash(i * 17) % 2)::BIGINT AS churned
      FROM range(${rows}) t(i)) TO '${partial}' (FORMAT parquet)`);
  connection.closeSync();
  renameSync(partial, file);
  return file;
}

/**
 * `rounds` interleaved rounds, each a fresh process per contender (so the machine's load hits all alike and each
 * peak RSS is its own): DuckDB's own sample on the big file, the harness on the big file and on a file a tenth its
 * size (memory flat in the table size means the two peaks agree), then one key-hash run on the big file.
 */
export async function benchParquet(root: string, options: { rows: number; size: number; rounds: number; keyHash: boolean }): Promise<ParquetBenchResult> {
  const worker = path.join(root, 'dist', 'scripts', 'bench', 'parquet-worker.js');
  const smallRows = Math.max(1, Math.round(options.rows / 10));
  const big = await makeParquet(options.rows);
  const small = await makeParquet(smallRows);
  const size = String(options.size);
  const runs = { duckdb: [] as Array<[number, number]>, harness: [] as Array<[number, number]>, small: [] as Array<[number, number]> };
  const take = async (args: string[]): Promise<[number, number]> => {
    const m = await measureInChild(worker, args);
    return [m.result['ms']!, m.peakRssMiB];
  };
  for (let round = 0; round < options.rounds + 1; round++) {
    const results = { duckdb: await take(['duckdb', big, size]), harness: await take(['sample', big, size, 'reservoir']), small: await take(['sample', small, size, 'reservoir']) };
    // The first round warms the file cache and is not counted.
    if (round > 0) for (const name of ['duckdb', 'harness', 'small'] as const) runs[name].push(results[name]);
  }
  const measure = (values: Array<[number, number]>): ParquetMeasure => ({ ms: summarize(values.map((v) => v[0])), rssMiB: summarize(values.map((v) => v[1])) });
  const keyHash = options.keyHash ? await take(['sample', big, size, 'key-hash']) : null;
  return {
    rounds: options.rounds,
    size: options.size,
    rows: options.rows,
    smallRows,
    duckdb: measure(runs.duckdb),
    harness: measure(runs.harness),
    harnessSmall: measure(runs.small),
    keyHash: keyHash ? { ms: keyHash[0], rssMiB: keyHash[1] } : null,
  };
}

/** The Markdown section BENCHMARKS.md records. */
export function formatParquetBench(r: ParquetBenchResult): string[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const s = (m: RateSummary, digits: number) => `${m.median.toFixed(digits)} | ${m.min.toFixed(digits)}–${m.max.toFixed(digits)}`;
  const row = (name: string, m: ParquetMeasure) => `| ${name} | ${s({ median: m.ms.median / 1000, min: m.ms.min / 1000, max: m.ms.max / 1000 }, 2)} | ${s(m.rssMiB, 0)} |`;
  return [
    `## Sampling ${n(r.size)} of ${n(r.rows)} Parquet rows (${r.rounds} interleaved rounds, a fresh process each)`,
    '',
    '| process | time (s, median) | range | peak RSS (MiB, median) | range |',
    '|---|---:|---:|---:|---:|',
    row(`reference: DuckDB alone, \`USING SAMPLE reservoir(${n(r.size)} ROWS) REPEATABLE (1)\``, r.duckdb),
    row(`skew-harness readSample (reservoir), ${n(r.rows)} rows`, r.harness),
    row(`skew-harness readSample (reservoir), ${n(r.smallRows)} rows`, r.harnessSmall),
    ...(r.keyHash ? [`| skew-harness readSample (key-hash: the key column streamed, chosen rows read again), ${n(r.rows)} rows, 1 run | ${(r.keyHash.ms / 1000).toFixed(2)} | — | ${r.keyHash.rssMiB.toFixed(0)} | — |`] : []),
    '',
    `- harness ÷ DuckDB alone: time **${(r.harness.ms.median / r.duckdb.ms.median).toFixed(2)}**, peak RSS **${(r.harness.rssMiB.median / r.duckdb.rssMiB.median).toFixed(2)}**`,
    `- peak RSS at ${n(r.rows)} rows ÷ at ${n(r.smallRows)} rows: **${(r.harness.rssMiB.median / r.harnessSmall.rssMiB.median).toFixed(2)}** (flat in the table size)`,
    '',
  ];
}

// `node dist/scripts/bench/parquet-bench.js`: this section alone (BENCH_PARQUET_ROWS, BENCH_ROUNDS).
if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', '..');
  const rows = Number(process.env['BENCH_PARQUET_ROWS'] ?? 10_000_000);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
  void benchParquet(root, { rows, size: 10_000, rounds, keyHash: true }).then(
    (result) => process.stdout.write(`${formatParquetBench(result).join('\n')}\n`),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
