import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Wall time of the default full run on the bundled example, with and without a slow-starting pipeline. */
export interface StartupBenchResult {
  /** Seconds per run (medians) of the plain pipeline and of the same pipeline sleeping first. */
  plainSeconds: number;
  slowSeconds: number;
  /** The sleep added at start-up, in seconds. */
  sleepSeconds: number;
  /** Offline processes started per run (from the JSON report). */
  plainProcesses: number;
  slowProcesses: number;
  /** Rounds measured per variant. */
  rounds: number;
}

/**
 * Runs the real CLI with every check on (the demo's job) against the example, in a temp dir so no memory or golden
 * file of the repository is touched, alternating a plain pipeline and the same pipeline that sleeps `sleepSeconds`
 * before reading (as a pandas or torch import does). Each run is a fresh process; medians over `rounds`.
 */
export async function benchStartup(root: string, rounds = 3, sleepSeconds = 0.5): Promise<StartupBenchResult> {
  const example = path.join(root, 'examples', 'churn');
  const dir = mkdtempSync(path.join(tmpdir(), 'skew-bench-startup-'));
  const pipeline = path.join(example, 'pipeline', 'features.py');
  const config = (sleep: number) => ({
    source: { path: path.join(example, 'data', 'training.csv'), key: 'customer_id', label: 'churned' },
    sample: { size: 1000, seed: 7 },
    offline: {
      command: ['python3', '-c', `import runpy, sys, time; time.sleep(${sleep}); sys.argv = [${JSON.stringify(pipeline)}]; runpy.run_path(sys.argv[0], run_name="__main__")`],
      cwd: example,
    },
    serving: {
      url: 'http://127.0.0.1:${port}/features',
      concurrency: 16,
      start: { command: ['jiti', 'serving/server.ts'], cwd: example, readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' },
    },
    golden: { dir: path.join(dir, 'golden'), suite: 'churn', rows: 50 },
    compare: { fields: { spend_log: { rel: 1e-12 } } },
    report: { dir: path.join(dir, 'reports') },
  });
  const files = { plain: path.join(dir, 'plain.json'), slow: path.join(dir, 'slow.json') };
  writeFileSync(files.plain, JSON.stringify(config(0)));
  writeFileSync(files.slow, JSON.stringify(config(sleepSeconds)));
  const times = { plain: [] as number[], slow: [] as number[] };
  const processes = { plain: 0, slow: 0 };
  try {
    // A first run records the golden file (mode `missing`), so every measured run does the same work.
    await runCli(root, files.plain, dir);
    for (let round = 0; round < rounds; round++) {
      for (const variant of ['plain', 'slow'] as const) {
        const started = performance.now();
        await runCli(root, files[variant], dir);
        times[variant].push((performance.now() - started) / 1000);
        const report = JSON.parse(readFileSync(path.join(dir, 'reports', 'skew-report.json'), 'utf8')) as { sides: { offline: { processes?: { started: number } } } };
        processes[variant] = report.sides.offline.processes?.started ?? 0;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { plainSeconds: median(times.plain), slowSeconds: median(times.slow), sleepSeconds, plainProcesses: processes.plain, slowProcesses: processes.slow, rounds };
}

function runCli(root: string, config: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'skew.js'), 'run', '--config', config, '--reporter', 'json'], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    // The example has planted bugs: exit 1 (skew) is the expected outcome; 2 or 3 would mean the run did not happen.
    child.on('close', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`skew run exited ${code}: ${stderr.slice(-500)}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
