import { hash53 } from './hash';

/**
 * Seed of the shard hash. Fixed forever: changing it would move rows between shards of runs already in flight (a
 * retried shard must own the rows it owned before). Distinct from the sampling seeds, so which rows are sampled and
 * which shard runs them are independent.
 */
export const SHARD_SEED = 0x5ea4d;

/** One shard of a run: `index` 0-based (shown 1-based, `--shard 2/4`), `total` shards in all. */
export interface Shard {
  /** 0-based index, `0 ≤ index < total`. */
  index: number;
  /** Number of shards (≥ 1). */
  total: number;
}

/** The 0-based shard that owns a row: `hash53(key, SHARD_SEED) % total`. The same on every machine and Node version. */
export function shardOfKey(key: string, total: number): number {
  return hash53(key, SHARD_SEED) % total;
}

/** Whether `shard` owns the row with this key (every row is owned by exactly one shard of a run). */
export function ownsKey(shard: Shard, key: string): boolean {
  return shard.total <= 1 || shardOfKey(key, shard.total) === shard.index;
}

/** The shard as the CLI shows it: `2/4` for index 1 of 4. */
export function formatShard(shard: Shard): string {
  return `${shard.index + 1}/${shard.total}`;
}

/**
 * The shard that runs a check that cannot be divided by rows (it runs whole on one shard): the checks are dealt
 * round-robin in run order, so their work spreads over the shards. `position` is the check's place among the
 * undivided checks of the run.
 */
export function shardOfWholeCheck(position: number, total: number): number {
  return position % Math.max(1, total);
}

/**
 * A share of a total for one of `total` shards: a rate divides (`rate / n`), a concurrency takes
 * `max(1, floor(c / n))` (so with fewer slots than shards every shard still sends one request at a time).
 */
export function shardShare(shard: Shard, serving: { ratePerSecond: number | null; concurrency: number }): { ratePerSecond: number | null; concurrency: number } {
  const n = Math.max(1, shard.total);
  return {
    ratePerSecond: serving.ratePerSecond === null ? null : serving.ratePerSecond / n,
    concurrency: Math.max(1, Math.floor(serving.concurrency / n)),
  };
}
