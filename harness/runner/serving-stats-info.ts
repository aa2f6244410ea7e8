import type { ServingAdapter } from '../adapters/serving';
import type { ServingStatsInfo } from '../core/report';

/** The serving adapter's request statistics, in the report's shape. */
export function servingStatsInfo(adapter: ServingAdapter): ServingStatsInfo | null {
  const s = adapter.stats;
  if (!s) return null;
  // Failures that never got a response (refused, reset, timed out) are counted by kind under `network:<kind>`.
  const network = Object.fromEntries(Object.entries(s.failures).map(([kind, n]) => [`network:${kind}`, n ?? 0]));
  const latencyMs = s.latencyMs ? { p50: s.latencyMs.p50, p95: s.latencyMs.p95, max: s.latencyMs.max } : null;
  return { requests: s.requests, retries: s.retries, statuses: { ...s.statuses, ...network }, latencyMs };
}
