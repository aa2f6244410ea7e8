import type { ServingAdapter } from '../adapters/serving';
import type { ServingStatsInfo } from '../core/report';

/** The serving adapter's request statistics, in the report's shape. */
export function servingStatsInfo(adapter: ServingAdapter): ServingStatsInfo | null {
  const s = adapter.stats;
  return s ? { requests: s.requests, retries: s.retries, statuses: { ...s.statuses }, latencyMs: s.latencyMs } : null;
}
