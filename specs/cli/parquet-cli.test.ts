import { copyFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runCli, TempRepo } from './cli-harness';

const CHURN = path.resolve(__dirname, '..', '..', 'examples', 'churn');
const JITI = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'jiti');

/** The example's config with its data at `data`, run from a temp repo (pipeline and server from the example). */
function config(data: string): string {
  return JSON.stringify({
    source: { path: data, key: 'customer_id', label: 'churned' },
    sample: { size: 200, seed: 7, method: 'key-hash' },
    offline: { command: ['python3', path.join(CHURN, 'pipeline', 'features.py')] },
    serving: {
      url: 'http://127.0.0.1:${port}/features',
      concurrency: 16,
      start: { command: [JITI, path.join(CHURN, 'serving', 'server.ts')], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
    },
    compare: { fields: { spend_log: { rel: 1e-12 } } },
  });
}

/** A JSON report without what differs between two runs of the same data: times, paths, the format, the config hash. */
function comparable(file: string): unknown {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  const { startedAt, finishedAt, durationMs, timings, configFile, configHash, ...run } = report.run;
  const { path: sourcePath, format, ...source } = report.source;
  const text = JSON.stringify({ ...report, run, source, sides: undefined }).replace(/"durationMs":\d+/g, '"durationMs":0');
  return JSON.parse(text.replace(/\b(?:line|row) \d+/g, 'row N').replace(/"line":\d+/g, '"line":0')) as unknown;
}

/**
 * Converts a CSV file to Parquet with DuckDB in a child process: DuckDB loaded in a jest worker leaves a handle
 * (its reference reaper) that keeps the worker from exiting gracefully.
 */
async function toParquet(csv: string, parquet: string): Promise<void> {
  const script = `
    const { DuckDBInstance } = require('@duckdb/node-api');
    (async () => {
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      await connection.run(\`COPY (FROM read_csv('\${process.argv[1]}')) TO '\${process.argv[2]}' (FORMAT parquet)\`);
      connection.closeSync();
    })().catch((error) => { console.error(error); process.exit(1); });`;
  await promisify(execFile)(process.execPath, ['-e', script, csv, parquet], { cwd: path.resolve(__dirname, '../..') });
}

describe('skew run on Parquet (the bundled example converted by DuckDB)', () => {
  const repo = new TempRepo();
  afterAll(() => repo.remove());

  it('gives the same JSON report as on the CSV it was converted from', async () => {
    copyFileSync(path.join(CHURN, 'data', 'training.csv'), repo.write('csv/training.csv', ''));
    await toParquet(repo.path('csv/training.csv'), repo.write('parquet/training.parquet', ''));
    repo.write('csv/skew.config.json', config('training.csv'));
    repo.write('parquet/skew.config.json', config('training.parquet'));
    // The same command in two directories, so the reproduce lines in the two reports are the same too.
    const args = ['run', '--config', 'skew.config.json', '--checks', 'parity', '-r', 'json', '--no-remember'];
    const [csv, parquet] = await Promise.all([runCli(args, { cwd: repo.path('csv') }), runCli(args, { cwd: repo.path('parquet') })]);
    expect([csv.code, csv.stderr]).toEqual([1, '']);
    expect([parquet.code, parquet.stderr]).toEqual([1, '']);
    const report = JSON.parse(readFileSync(repo.path('parquet/reports/skew-report.json'), 'utf8')) as { source: { format: string } };
    expect(report.source.format).toBe('parquet');
    expect(comparable(repo.path('parquet/reports/skew-report.json'))).toEqual(comparable(repo.path('csv/reports/skew-report.json')));
  });
});
