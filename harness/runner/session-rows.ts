import type { ResolvedConfig } from '../config/resolved-config';
import type { SourceRow } from '../core/row';
import { ConfigError } from '../errors/config-error';
import { UsageError } from '../errors/usage-error';
import { readSample, type SampleResult } from '../source';
import type { PinnedKeys } from '../source/sampling/pinned-keys';
import type { SampleOptions } from '../source/source-options';

/**
 * The sample — with the rows of remembered failures added, so they are replayed first — or exactly the rows with
 * the given keys (which must all exist).
 */
export async function readRows(
  config: ResolvedConfig,
  keys: readonly string[] | undefined,
  signal: AbortSignal | undefined,
  remembered: ReadonlySet<string>,
): Promise<SampleResult> {
  const pinned = keys ? { only: new Set(keys) } : { always: remembered };
  // The golden row set is drawn in the same pass over a CSV or JSON Lines file (a run reproducing single rows, and a
  // Parquet or SQL source whose sample DuckDB draws, leave it to the golden check).
  const samePass = config.golden.enabled && !keys && (config.source.format === 'csv' || config.source.format === 'jsonl');
  const also = samePass ? goldenSample(config) : undefined;
  const options = { ...(signal ? { signal } : {}), pinned, pathSetting: 'source.path', ...(also ? { also } : {}) };
  const sample = await readSample(config.source, config.sample, options);
  if (sample.also) checkGoldenRows(config, sample.also);
  if (keys) {
    const found = new Set(sample.rows.map((row) => row.key));
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length > 0) throw new UsageError(`--keys: no row with key ${missing.map((k) => JSON.stringify(k)).join(', ')} in ${config.source.path}`);
  }
  return sample;
}

/** The golden row set: the configured keys, or the rows whose keys hash lowest (stable as the data grows). */
export async function readGoldenRows(config: ResolvedConfig, signal: AbortSignal | undefined): Promise<SourceRow[]> {
  const { sample, pinned } = goldenSample(config);
  const rows = (await readSample(config.source, sample, { ...(signal ? { signal } : {}), ...(pinned ? { pinned } : {}), pathSetting: 'source.path' })).rows;
  return checkGoldenRows(config, rows);
}

/** How the golden row set is drawn: a key-hash sample of `golden.rows` rows, or exactly the keys it lists. */
function goldenSample(config: ResolvedConfig): { sample: SampleOptions; pinned?: PinnedKeys } {
  const g = config.golden;
  const sample: SampleOptions = { method: 'key-hash', size: typeof g.rows === 'number' ? g.rows : 1, seed: g.seed, stratifyBy: null };
  return Array.isArray(g.rows) ? { sample, pinned: { only: new Set(g.rows) } } : { sample };
}

/** The golden rows, once every key `golden.rows` lists is known to be among them. */
function checkGoldenRows(config: ResolvedConfig, rows: SourceRow[]): SourceRow[] {
  const keys = config.golden.rows;
  if (Array.isArray(keys)) {
    const found = new Set(rows.map((r) => r.key));
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length > 0) throw new ConfigError('golden.rows', `names key ${missing.map((k) => JSON.stringify(k)).join(', ')}, which ${config.source.path} does not have`);
  }
  return rows;
}
