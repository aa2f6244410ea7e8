import { spawn } from 'node:child_process';

/** What a measured child process reported, plus its peak resident memory. */
export interface ChildMeasurement {
  /** The JSON object the child printed on its last stdout line. */
  result: Record<string, number>;
  /** Peak RSS of the child in MiB (from the kernel's accounting, `process.resourceUsage().maxRSS`). */
  peakRssMiB: number;
}

/**
 * Runs `node bench-worker.js <args>` in a fresh process, so each measurement has its own heap and its peak RSS
 * is its own. The worker prints one JSON line with its results and `maxRssKiB`.
 */
export function measureInChild(worker: string, args: string[]): Promise<ChildMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench worker ${args.join(' ')} exited with ${code}`));
      const last = out.trim().split('\n').pop() ?? '{}';
      const result = JSON.parse(last) as Record<string, number>;
      resolve({ result, peakRssMiB: (result['maxRssKiB'] ?? 0) / 1024 });
    });
  });
}
