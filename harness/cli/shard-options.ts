import { createHash } from 'node:crypto';
import type { Shard } from '../core/shard';
import { UsageError } from '../errors/usage-error';

/** Where a shard's index and total come from: `--shard`, or an engine's environment (first found). */
const ENGINES: ReadonlyArray<{ index: string; total?: string; base: 0 | 1 }> = [
  { index: 'JOB_COMPLETION_INDEX', base: 0 }, // Kubernetes Indexed Job
  { index: 'AWS_BATCH_JOB_ARRAY_INDEX', total: 'AWS_BATCH_JOB_ARRAY_SIZE', base: 0 }, // AWS Batch array job
  { index: 'CI_NODE_INDEX', total: 'CI_NODE_TOTAL', base: 1 }, // GitLab CI parallel
];

const integer = (text: string, min: number): number | null => (/^\d+$/.test(text.trim()) && Number(text) >= min ? Number(text) : null);

/**
 * The shard this process runs: `--shard i/n` (1-based), else an engine's variables (0-based Kubernetes and AWS
 * Batch indexes, 1-based GitLab), the total from the engine, `--shard-total` or the config's `shard.total`. `null`
 * without any. A bad value is a usage error naming the flag or variable.
 */
export function resolveShard(flag: string | undefined, totalFlag: string | undefined, configTotal: number | undefined, env: NodeJS.ProcessEnv): Shard | null {
  let total: number | undefined;
  if (totalFlag !== undefined) {
    const n = integer(totalFlag, 1);
    if (n === null) throw new UsageError(`--shard-total must be a positive integer (got ${JSON.stringify(totalFlag)})`);
    total = n;
  }
  if (flag !== undefined) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(flag);
    const [i, n] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
    if (!m || n < 1 || i < 1 || i > n) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, like 2/4 (got ${JSON.stringify(flag)})`);
    if (total !== undefined && total !== n) throw new UsageError(`--shard ${flag} and --shard-total ${total} disagree on the number of shards`);
    return { index: i - 1, total: n };
  }
  for (const engine of ENGINES) {
    const raw = env[engine.index];
    if (raw === undefined || raw === '') continue;
    const value = integer(raw, engine.base);
    if (value === null) throw new UsageError(`${engine.index} must be an integer ≥ ${engine.base} (got ${JSON.stringify(raw)})`);
    let n = total;
    if (n === undefined && engine.total && env[engine.total]) {
      n = integer(env[engine.total]!, 1) ?? undefined;
      if (n === undefined) throw new UsageError(`${engine.total} must be a positive integer (got ${JSON.stringify(env[engine.total])})`);
    }
    n ??= configTotal;
    if (n === undefined) throw new UsageError(`${engine.index} is set but the number of shards is not: pass --shard-total or set shard.total in the config`);
    const index = value - engine.base;
    if (index >= n) throw new UsageError(`${engine.index}=${raw} is out of range for ${n} shards`);
    return { index, total: n };
  }
  if (total !== undefined) throw new UsageError('--shard-total needs a shard index: --shard i/n, or an engine index variable (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, CI_NODE_INDEX)');
  return null;
}

/**
 * The run id shared by every shard of a run: `--run-id`, `SKEW_RUN_ID`, `GITHUB_RUN_ID`, `CI_PIPELINE_ID` (GitLab),
 * or else a hash of the config hash, the sampling seed and the UTC date (shards started the same day with the same
 * config agree without being told). File-name safe.
 */
export function resolveRunId(flag: string | undefined, env: NodeJS.ProcessEnv, configHash: string, seed: number, now = new Date()): string {
  const given = flag ?? (env['SKEW_RUN_ID'] || env['GITHUB_RUN_ID'] || env['CI_PIPELINE_ID'] || undefined);
  if (given !== undefined) {
    if (!/^[\w.-]{1,64}$/.test(given)) throw new UsageError(`--run-id must be 1-64 letters, digits, . _ - (got ${JSON.stringify(given)})`);
    return given;
  }
  return createHash('sha256').update(`${configHash}:${seed}:${now.toISOString().slice(0, 10)}`).digest('hex').slice(0, 12);
}
