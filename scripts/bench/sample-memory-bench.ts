import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Peak memory and time of one sampled-run size. */
export interface SampleMemoryPoint {
  /** Rows sampled (every row of a file of this many rows). */
  rows: number;
  /** Median peak RSS of the CLI process, MiB, and the range over rounds. */
  peakRssMiB: number;
  rangeMiB: [number, number];
  /** Median wall time, seconds. */
  seconds: number;
  /** Rows compared by parity (from the JSON report), as a check that the run did the work. */
  compared: number;
}

/**
 * Peak RSS of a real `skew run` (every check but golden) on the bundled example scaled to `sizes` rows: the example's
 * training rows repeated under fresh keys, every row sampled, the example's TypeScript pipeline in-process and its
 * server (bugs on, so parity finds skew on most rows) answering batches of 256. A fresh CLI process per measurement;
 * its peak RSS is the kernel's (`/usr/bin/time -f %M`).
 */
export async function benchSampleMemory(root: string, sizes: readonly number[], rounds = 1): Promise<SampleMemoryPoint[]> {
  const example = path.join(root, 'examples', 'churn');
  const dir = mkdtempSync(path.join(tmpdir(), 'skew-bench-memory-'));
  const points: SampleMemoryPoint[] = [];
  try {
    for (const rows of sizes) {
      const data = path.join(dir, `training-${rows}.csv`);
      await scaleTraining(path.join(example, 'data', 'training.csv'), data, rows);
      const config = path.join(dir, `skew-${rows}.json`);
      writeFileSync(
        config,
        JSON.stringify({
          source: { path: data, key: 'customer_id', label: 'churned' },
          sample: { size: rows, seed: 7 },
          offline: { module: path.join(example, 'pipeline', 'features.ts'), batchSize: 4096 },
          serving: {
            url: 'http://127.0.0.1:${port}/features',
            concurrency: 8,
            batch: { size: 256 },
            start: { command: ['jiti', 'serving/server.ts'], cwd: example, readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
          },
          failures: { remember: false },
          compare: { fields: { spend_log: { rel: 1e-12 } } },
          report: { dir: path.join(dir, 'reports') },
        }),
      );
      const rss: number[] = [];
      const seconds: number[] = [];
      let compared = 0;
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        rss.push(await runMeasured(root, config, dir));
        seconds.push((performance.now() - started) / 1000);
        const report = JSON.parse(readFileSync(path.join(dir, 'reports', 'skew-report.json'), 'utf8')) as { accounting: { rowsCompared: number } };
        compared = report.accounting.rowsCompared;
      }
      rmSync(data, { force: true });
      points.push({ rows, peakRssMiB: median(rss), rangeMiB: [Math.min(...rss), Math.max(...rss)], seconds: median(seconds), compared });
      process.stderr.write(`bench: ${rows} rows: ${median(rss).toFixed(0)} MiB, ${median(seconds).toFixed(1)} s\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return points;
}

/** Writes the example's training rows, repeated under fresh keys, until `rows` data rows. */
async function scaleTraining(from: string, to: string, rows: number): Promise<void> {
  const [header, ...lines] = readFileSync(from, 'utf8').trimEnd().split('\n');
  const out = createWriteStream(to);
  out.write(`${header}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const line = lines[i % lines.length]!;
    chunk += `C${String(i + 1).padStart(8, '0')}${line.slice(line.indexOf(','))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
}

/** Runs the CLI under `/usr/bin/time` and returns its peak RSS in MiB. Exit 0 or 1 (skew found) are both a run. */
function runMeasured(root: string, config: string, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = ['-f', 'maxrss=%M', process.execPath, path.join(root, 'bin', 'skew.js'), 'run', '--config', config, '--reporter', 'json'];
    const child = spawn('/usr/bin/time', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /maxrss=(\d+)/.exec(stderr);
      if ((code !== 0 && code !== 1) || !match) return reject(new Error(`skew run exited ${code}: ${stderr.slice(-800)}`));
      resolve(Number(match[1]) / 1024);
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The memory benchmark as Markdown: peak RSS per sample size and the ratios the issue asks for. */
export function formatSampleMemoryBench(points: readonly SampleMemoryPoint[], rounds: number): string[] {
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
  const base = points[0];
  const lines = [
    `## Memory in the sample size: \`skew run\` on the example scaled up, every row sampled (${rounds} round${rounds === 1 ? '' : 's'}, median (range))`,
    '',
    '| rows sampled | peak RSS (MiB) | ÷ smallest | wall time (s) | rows compared |',
    '|---:|---:|---:|---:|---:|',
    ...points.map(
      (p) =>
        `| ${fmt(p.rows)} | ${fmt(p.peakRssMiB)} (${fmt(p.rangeMiB[0])}–${fmt(p.rangeMiB[1])}) | ${base ? fmt(p.peakRssMiB / base.peakRssMiB, 2) : '—'} | ${fmt(p.seconds, 1)} | ${fmt(p.compared)} |`,
    ),
    '',
  ];
  return lines;
}

/** `node dist/scripts/bench/sample-memory-bench.js [ROWS…]` (default 10000 100000 1000000; `BENCH_ROUNDS`, default 1). */
if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 1);
  void benchSampleMemory(path.resolve(__dirname, '..', '..', '..'), sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000], rounds).then(
    (points) => process.stdout.write(`${formatSampleMemoryBench(points, rounds).join('\n')}\n`),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
