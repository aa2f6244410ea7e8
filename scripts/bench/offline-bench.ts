import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createCommandAdapter } from '../../harness/adapters/offline/command-adapter';
import { resolveInterpreterShim } from '../../harness/adapters/offline/resolve-shim';

/** Rows per second of the example's Python pipeline, through the harness and through a raw pipe. */
export interface OfflineBenchResult {
  /** Rows per run. */
  rows: number;
  /** Reference: the whole input written to the process's stdin at once, stdout drained, nothing parsed. */
  rawPerSecond: number;
  /** The harness's command adapter: streamed with backpressure, every line parsed into a result. */
  harnessPerSecond: number;
}

/** Measures the example's Python pipeline both ways, best of three, alternating. */
export async function benchOffline(root: string, rows: Array<Record<string, unknown>>): Promise<OfflineBenchResult> {
  const cwd = path.join(root, 'examples', 'churn');
  const command = ['python3', 'pipeline/features.py'];
  const input = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  const adapterRows = rows.map((fields, i) => ({ key: String(i), fields }));
  let raw = 0;
  let harness = 0;
  for (let round = 0; round < 3; round++) {
    // The reference runs the same interpreter the adapter runs (a pyenv shim resolved), so only the plumbing differs.
    raw = Math.max(raw, await rawPipe(resolveInterpreterShim({ command, cwd, env: {} }).command, cwd, input, rows.length));
    const adapter = createCommandAdapter({ command, cwd, env: {} });
    // The probe that learns how the pipeline answers happens once per run, before the first batch: not throughput.
    await adapter.warmUp(adapterRows.slice(0, 4));
    const started = performance.now();
    const results = await adapter.compute(adapterRows);
    harness = Math.max(harness, (rows.length / (performance.now() - started)) * 1000);
    await adapter.close();
    if (results.some((r) => r.kind !== 'ok')) throw new Error('offline bench: the pipeline failed on some rows');
  }
  return { rows: rows.length, rawPerSecond: raw, harnessPerSecond: harness };
}

function rawPipe(command: string[], cwd: string, input: string, rows: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || lines !== rows) return reject(new Error(`raw pipe: exit ${code}, ${lines} lines for ${rows} rows`));
      resolve((rows / (performance.now() - started)) * 1000);
    });
    child.stdin.end(input);
  });
}
