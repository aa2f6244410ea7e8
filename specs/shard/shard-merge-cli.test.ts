import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, TempRepo } from '../cli/cli-harness';

const CHURN = path.resolve(__dirname, '..', '..', 'examples', 'churn');
const JITI = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'jiti');

/** The example's config (its buggy server unless `bugs` says none), run from a temp repo. */
function config(bugs: string | null): string {
  return JSON.stringify({
    source: { path: path.join(CHURN, 'data', 'training.csv'), key: 'customer_id', label: 'churned' },
    sample: { size: 120, seed: 7 },
    offline: { command: ['python3', path.join(CHURN, 'pipeline', 'features.py')] },
    serving: {
      url: 'http://127.0.0.1:${port}/features',
      concurrency: 8,
      start: {
        command: [JITI, path.join(CHURN, 'serving', 'server.ts')],
        readyUrl: 'http://127.0.0.1:${port}/healthz',
        port: 'auto',
        ...(bugs ? { env: { EXAMPLE_BUGS: bugs } } : {}),
      },
    },
    compare: { fields: { spend_log: { rel: 1e-12 } } },
    checks: { determinism: { rows: 20 }, batchInvariance: { rows: 20 }, labelInvariance: { rows: 20 } },
    // The example's model scores feature vectors at /score: each shard scores its own lowest-hash skewed rows.
    impact: { model: { url: 'http://127.0.0.1:${port}/score', concurrency: 8 }, threshold: 0.5, maxRows: 30 },
  });
}

/** A JSON report without what may differ between a whole run and merged shards: times, run ids, serving statistics, ports. */
function comparable(file: string): unknown {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  const { startedAt, finishedAt, durationMs, timings, ...run } = report.run;
  // Each process started its own local server: the model endpoint's port differs, nothing else.
  const text = JSON.stringify({ ...report, run, sides: undefined })
    .replace(/"durationMs":\d+/g, '"durationMs":0')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
  return JSON.parse(text) as unknown;
}

const CHECKS = ['--checks', 'determinism,parity,batch-invariance,label-invariance', '--no-remember'];

describe('skew run --shard i/n + skew merge (the bundled example)', () => {
  const repo = new TempRepo();
  afterAll(() => repo.remove());

  // One server (the buggy one: examples, hints and a failing verdict to merge); a clean one would add 20 s.
  it.each([['the buggy server', 'buggy', null, 1]])('4 shards merged give the unsharded JSON report and exit code (%s)', async (_name, dir, bugs, exitCode) => {
    repo.write(`${dir}/skew.config.json`, config(bugs));
    const cwd = repo.path(dir);
    // The shards write only their blobs into the whole run's report directory (any other would do: it is not in the hash).
    const whole = await runCli(['run', '--config', 'skew.config.json', ...CHECKS, '--report-dir', 'whole'], { cwd });
    expect([whole.code, whole.stderr]).toEqual([exitCode, '']);
    const shards = await Promise.all(
      [1, 2, 3, 4].map((i) => runCli(['run', '--config', 'skew.config.json', ...CHECKS, '--report-dir', 'whole', '--shard', `${i}/4`, '--run-id', 'night1'], { cwd })),
    );
    for (const s of shards) expect(s.stderr).toBe('');
    const merged = await runCli(['merge', 'whole', '--reporter', 'json,markdown', '--report-dir', 'merged'], { cwd });
    expect([merged.code, merged.stderr]).toEqual([exitCode, '']);
    expect(comparable(path.join(cwd, 'merged', 'skew-report.json'))).toEqual(comparable(path.join(cwd, 'whole', 'skew-report.json')));
    expect(readFileSync(path.join(cwd, 'merged', 'skew-report.md'), 'utf8')).toContain('parity');
    // The header's counts are the whole night's: offline processes and serving requests summed over the shards.
    const read = (file: string) => JSON.parse(readFileSync(path.join(cwd, file), 'utf8')) as Record<string, any>;
    const shardSides = [1, 2, 3, 4].map((i) => read(`whole/blob-night1-${i}of4.json`).facts.sides);
    const mergedSides = read('merged/skew-report.json').sides;
    expect(mergedSides.offline.processes.started).toBe(shardSides.reduce((n, s) => n + s.offline.processes.started, 0));
    expect(mergedSides.online.stats.requests).toBe(shardSides.reduce((n, s) => n + s.online.stats.requests, 0));
    // Prediction impact was measured (not left out): the merge chose the whole run's rows again among the shards'.
    const parity = (JSON.parse(readFileSync(path.join(cwd, 'merged', 'skew-report.json'), 'utf8')) as { checks: Array<{ name: string; impact?: { status: string; rowsChosen: number; skewedRows: number } }> }).checks.find((c) => c.name === 'parity')!;
    expect(parity.impact).toMatchObject({ status: 'measured', rowsChosen: 30 });
    expect(parity.impact!.skewedRows).toBeGreaterThan(30);
  });

  it('names missing shards (exit 3); a rerun shard overwrites its own blob and the merge is the same', async () => {
    const cwd = repo.path('buggy');
    const blobs = path.join(cwd, 'whole');
    const blob2 = path.join(blobs, 'blob-night1-2of4.json');
    const mtime = statSync(blob2).mtimeMs;
    rmSync(blob2);
    rmSync(path.join(blobs, 'blob-night1-4of4.json'));
    const missing = await runCli(['merge', 'whole'], { cwd });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe('skew: shards 2, 4 of 4 are missing from whole (blob-night1-2of4.json, blob-night1-4of4.json)\n');
    // Rerun shards 2 and 4 (as after a kill): each writes its blob again.
    for (const i of [2, 4]) {
      const rerun = await runCli(['run', '--config', 'skew.config.json', ...CHECKS, '--report-dir', 'whole', '--shard', `${i}/4`, '--run-id', 'night1'], { cwd });
      expect(rerun.stderr).toBe('');
    }
    expect(statSync(blob2).mtimeMs).toBeGreaterThan(mtime);
    expect(readdirSync(blobs).filter((n) => n.startsWith('blob-')).sort()).toEqual([1, 2, 3, 4].map((i) => `blob-night1-${i}of4.json`));
    // The previous night as a directory of blobs: the same night again, so nothing is new, resolved, worse or better.
    const again = await runCli(['merge', 'whole', '-r', 'json', '--report-dir', 'merged', '--baseline', 'whole'], { cwd });
    expect([again.code, again.stderr]).toEqual([1, '']);
    const { trend, ...merged } = JSON.parse(readFileSync(path.join(cwd, 'merged', 'skew-report.json'), 'utf8')) as { trend: { baseline: { file: string }; new: unknown[]; resolved: unknown[]; worse: unknown[]; better: unknown[] } };
    expect(merged).toBeDefined();
    expect(trend.baseline.file).toBe('whole');
    expect([trend.new, trend.resolved, trend.worse, trend.better]).toEqual([[], [], [], []]);
    rmSync(path.join(cwd, 'merged', 'skew-report.json'));
    const plain = await runCli(['merge', 'whole', '-r', 'json', '--report-dir', 'merged'], { cwd });
    expect([plain.code, plain.stderr]).toEqual([1, '']);
    expect(comparable(path.join(cwd, 'merged', 'skew-report.json'))).toEqual(comparable(path.join(cwd, 'whole', 'skew-report.json')));
    // A baseline with a shard missing is refused: a trend against part of a night would call its fields resolved.
    mkdirSync(path.join(cwd, 'lastnight'));
    for (const i of [1, 3, 4]) copyFileSync(path.join(blobs, `blob-night1-${i}of4.json`), path.join(cwd, 'lastnight', `blob-night1-${i}of4.json`));
    const partial = await runCli(['merge', 'whole', '--baseline', 'lastnight'], { cwd });
    expect([partial.code, partial.stderr]).toEqual([2, 'skew: baseline shard 2 of 4 is missing from lastnight (blob-night1-2of4.json): merge a complete run, or pass its report.json\n']);
  });
});
