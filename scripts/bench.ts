/**
 * `npm run bench`: speed and memory as ratios against references measured in the same run, on this machine.
 * Never run by `npm test`. Results go to stdout as a Markdown table; BENCHMARKS.md records them.
 *
 * 1. Sampling memory and speed: a 1,000,000-row CSV made on the fly in a temp dir; 1,000 rows drawn by the
 *    reservoir sampler in a fresh process (peak RSS), against a process that only reads the bytes and one that
 *    runs csv-parse alone.
 * 2. Serving throughput: the example server (clean) and a trivial one, each in its own process; the harness's
 *    adapter vs autocannon, a raw keep-alive http.request loop and undici alone (single rows), vs raw http and undici
 *    on the same batches; each process sends the rows twice (fresh code, then optimized).
 * 3. Offline throughput: the example's Python pipeline through the command adapter vs a raw pipe.
 * 4. Start-up cost: the default full run on the example with a pipeline that sleeps 0.5 s at start-up vs without,
 *    and the offline processes each run starts.
 * 5. Diff engine: diffFeatures into the field statistics vs a hand-written loop on the same rows (fields/s).
 * 6. Cold start: `skew --help` vs `node -e 0` and yargs alone, and the up-to-date build check of `npm run demo`.
 * 7. Memory in the sample size: peak RSS of a real `skew run` at 10k / 100k / 1M sampled rows (`BENCH_MEMORY_ROWS`).
 * 8. Parquet: 10,000 rows sampled from a 10,000,000-row Parquet file (made by DuckDB, cached in the OS temp dir)
 *    vs DuckDB's own `USING SAMPLE` in a bare node process; peak RSS against a file a tenth the size.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { makeBigCsv } from './bench/make-big-csv';
import { measureInChild } from './bench/measure-child';
import { benchOffline } from './bench/offline-bench';
import { formatServingBench } from './bench/format-serving';
import { benchServing, DEFAULT_SERVING_BENCH } from './bench/serving-bench';
import { benchStartup } from './bench/startup-bench';
import { benchDiff, formatDiffBench } from './bench/diff-bench';
import { benchColdStart, formatColdStartBench } from './bench/cold-start-bench';
import { benchSampleMemory, formatSampleMemoryBench } from './bench/sample-memory-bench';
import { benchParquet, formatParquetBench } from './bench/parquet-bench';

const root = path.resolve(__dirname, '..', '..');
const worker = path.join(__dirname, 'bench', 'bench-worker.js');
const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

async function main(): Promise<void> {
  const rows = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'skew-bench-'));
  const lines: string[] = [];
  try {
    const file = path.join(dir, 'big.csv');
    const bytes = await makeBigCsv(file, rows);
    process.stderr.write(`bench: made ${fmt(rows, 0)} rows (${fmt(bytes / 2 ** 20)} MiB) in ${dir}\n`);
    const raw = await measureInChild(worker, ['read-raw', file]);
    const csv = await measureInChild(worker, ['csv-parse', file]);
    const sample = await measureInChild(worker, ['sample', file, '1000']);
    const rps = (m: { result: Record<string, number> }) => (rows / (m.result['ms'] ?? 1)) * 1000;
    lines.push(
      `## Sampling 1,000 of ${fmt(rows, 0)} CSV rows (${fmt(bytes / 2 ** 20)} MiB)`,
      '',
      '| process | time (s) | rows/s | peak RSS (MiB) |',
      '|---|---:|---:|---:|',
      `| reference: read the bytes only | ${fmt(raw.result['ms']! / 1000, 2)} | — | ${fmt(raw.peakRssMiB)} |`,
      `| reference: csv-parse alone | ${fmt(csv.result['ms']! / 1000, 2)} | ${fmt(rps(csv), 0)} | ${fmt(csv.peakRssMiB)} |`,
      `| skew-harness readSample (reservoir, 1,000) | ${fmt(sample.result['ms']! / 1000, 2)} | ${fmt(rps(sample), 0)} | ${fmt(sample.peakRssMiB)} |`,
      '',
      `- peak RSS of sampling ÷ file size: **${fmt(sample.peakRssMiB / (bytes / 2 ** 20), 2)}** (the file is never loaded whole)`,
      `- peak RSS of sampling ÷ peak RSS of reading the bytes: **${fmt(sample.peakRssMiB / raw.peakRssMiB, 2)}**`,
      `- sampling time ÷ csv-parse alone: **${fmt(sample.result['ms']! / csv.result['ms']!, 2)}** (what inference, keys and sampling add to the parser)`,
      '',
    );

    const training = parse(readFileSync(path.join(root, 'examples', 'churn', 'data', 'training.csv'), 'utf8'), { columns: true, cast: true }) as Array<Record<string, unknown>>;
    const inputs = training.map(({ churned: _label, ...row }) => row);
    const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
    const serving = await benchServing(root, inputs, dir, { ...DEFAULT_SERVING_BENCH, rounds });
    lines.push(...formatServingBench(serving, rounds));

    const offlineRows = Array.from({ length: 60_000 }, (_, i) => training[i % training.length]!);
    const offline = await benchOffline(root, offlineRows);
    lines.push(
      `## Offline throughput: the example's Python pipeline (${fmt(offline.rows, 0)} rows)`,
      '',
      '| path | rows/s |',
      '|---|---:|',
      `| reference: raw pipe (all input at once, output drained unparsed) | ${fmt(offline.rawPerSecond, 0)} |`,
      `| skew-harness command adapter (streamed, backpressure, every line parsed) | ${fmt(offline.harnessPerSecond, 0)} |`,
      '',
      `- harness ÷ raw: **${fmt(offline.harnessPerSecond / offline.rawPerSecond, 2)}**`,
      '',
    );

    const startup = await benchStartup(root);
    lines.push(
      `## Start-up cost: the default full run on the example (every check), pipeline plain vs sleeping ${startup.sleepSeconds} s at start-up`,
      '',
      '| pipeline | wall time (s, median of ' + startup.rounds + ') | offline processes started |',
      '|---|---:|---:|',
      `| reference: plain | ${fmt(startup.plainSeconds, 2)} | ${startup.plainProcesses} |`,
      `| sleeps ${startup.sleepSeconds} s before reading | ${fmt(startup.slowSeconds, 2)} | ${startup.slowProcesses} |`,
      '',
      `- slow ÷ plain: **${fmt(startup.slowSeconds / startup.plainSeconds, 2)}** (+${fmt(startup.slowSeconds - startup.plainSeconds, 2)} s)`,
      '',
    );

    lines.push(...formatDiffBench(await benchDiff()));
    lines.push(...formatColdStartBench(await benchColdStart(root)));
    const memoryRows = (process.env['BENCH_MEMORY_ROWS'] ?? '10000,100000,1000000').split(',').map(Number);
    lines.push(...formatSampleMemoryBench(await benchSampleMemory(root, memoryRows, 1), 1));
    const parquetRows = Number(process.env['BENCH_PARQUET_ROWS'] ?? 10_000_000);
    lines.push(...formatParquetBench(await benchParquet(root, { rows: parquetRows, size: 10_000, rounds, keyHash: true })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
