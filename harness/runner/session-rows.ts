import type { ResolvedConfig } from '../config/resolved-config';
import type { SourceRow } from '../core/row';
import { ConfigError } from '../errors/config-error';
import { UsageError } from '../errors/usage-error';
import { readSample, type SampleResult } from '../source';

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
  const options = { ...(signal ? { signal } : {}), pinned, pathSetting: 'source.path' };
  const sample = await readSample(config.source, config.sample, options);
  if (keys) {
    const found = new Set(sample.rows.map((row) => row.key));
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length > 0) throw new UsageError(`--keys: no row with key ${missing.map((k) => JSON.stringify(k)).join(', ')} in ${config.source.path}`);
  }
  return sample;
}

/** The golden row set: the configured keys, or the rows whose keys hash lowest (stable as the data grows). */
export async function readGoldenRows(config: ResolvedConfig, signal: AbortSignal | undefined): Promise<SourceRow[]> {
  const g = config.golden;
  const keys = Array.isArray(g.rows) ? g.rows : null;
  const sample = await readSample(
    config.source,
    { method: 'key-hash', size: typeof g.rows === 'number' ? g.rows : 1, seed: g.seed, stratifyBy: null },
    { ...(signal ? { signal } : {}), ...(keys ? { pinned: { only: new Set(keys) } } : {}), pathSetting: 'source.path' },
  );
  if (keys) {
    const found = new Set(sample.rows.map((r) => r.key));
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length > 0) throw new ConfigError('golden.rows', `names key ${missing.map((k) => JSON.stringify(k)).join(', ')}, which ${config.source.path} does not have`);
  }
  return sample.rows;
}

