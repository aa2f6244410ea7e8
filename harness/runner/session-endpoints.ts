import type { LocalServer } from '../adapters/serving';
import type { ResolvedConfig } from '../config/resolved-config';
import { shardShare, type Shard } from '../core/shard';

/** The serving endpoint and the impact model a session talks to, with what only the run knows filled in. */
export interface SessionEndpoints {
  serving: ResolvedConfig['serving'];
  impactModel: NonNullable<ResolvedConfig['impact']>['model'] | null;
}

/**
 * Fills in what the config cannot know before the run: the local server's port (`${port}` in the serving URLs and the
 * impact model's), a placeholder port for a replay (no server is started, and the origin is not part of a cassette's
 * key), and a shard's share of the rate and concurrency (they are totals: serving sees the configured load whatever
 * the number of shards).
 */
export function sessionEndpoints(config: ResolvedConfig, server: LocalServer | null, replaying: boolean, shard: Shard | null): SessionEndpoints {
  let serving = config.serving;
  if (server) {
    serving = { ...serving, url: server.resolveUrl(serving.url), batch: serving.batch ? { ...serving.batch, url: server.resolveUrl(serving.batch.url) } : null };
  }
  // The impact model may live on the local server too (`${port}`).
  const model = config.impact?.model ?? null;
  const impactModel = model && server ? { ...model, url: server.resolveUrl(model.url), batch: model.batch ? { ...model.batch, url: server.resolveUrl(model.batch.url) } : null } : model;
  if (replaying && config.start) {
    const noPort = (url: string): string => url.replace(/\$\{port\}/g, '0');
    serving = { ...serving, url: noPort(serving.url), batch: serving.batch ? { ...serving.batch, url: noPort(serving.batch.url) } : null };
  }
  if (shard && shard.total > 1) serving = { ...serving, ...shardShare(shard, serving) };
  return { serving, impactModel };
}
