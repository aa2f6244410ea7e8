import { formatCountOf } from '../core/plural';
import type { ServingAdapter } from '../adapters/serving';
import type { ServingStatsInfo } from '../core/report';

/** The serving adapter's request statistics, in the report's shape. */
export function servingStatsInfo(adapter: ServingAdapter): ServingStatsInfo | null {
  const s = adapter.stats;
  if (!s) return null;
  // Failures that never got a response (refused, reset, timed out) are counted by kind under `network:<kind>`.
  const network = Object.fromEntries(Object.entries(s.failures).map(([kind, n]) => [`network:${kind}`, n ?? 0]));
  const latencyMs = s.latencyMs ? { p50: s.latencyMs.p50, p95: s.latencyMs.p95, max: s.latencyMs.max } : null;
  return { requests: s.requests, retries: s.retries, statuses: { ...s.statuses, ...network }, latencyMs, ...(s.batches ? { batches: { ...s.batches } } : {}), ...(s.unsendable ? { unsendable: { ...s.unsendable } } : {}) };
}

/**
 * A warning when most batches failed as a whole and were resent row by row: every row may still be answered (the
 * single-row endpoint takes them), but at many times the requests, and the batch endpoint itself went untested —
 * usually `serving.batch.request` or `.response` does not fit it. A few resent batches are what the fallback is for
 * (one row the endpoint refuses) and get no warning. Pure.
 */
export function batchResendWarning(stats: ServingStatsInfo | null): string | null {
  const batches = stats?.batches;
  if (!batches || batches.resentRowByRow < 2 || batches.resentRowByRow * 2 < batches.sent) return null;
  const first = batches.firstResendReason === null ? '' : ` (first: ${batches.firstResendReason})`;
  return `serving.batch: ${batches.resentRowByRow} of ${batches.sent} batches failed as a whole and were resent row by row${first}; the batch endpoint went untested and every batch cost a request per row: check serving.batch.request and serving.batch.response against what it takes and answers`;
}

/**
 * A warning when rows could not be made into a request: they were not sent and not compared (nor counted as serving's
 * errors — the server never saw them), and the way to compare them is a `serving.request` mapper that encodes them the
 * way the production client does. Pure.
 */
export function unsendableWarning(stats: ServingStatsInfo | null): string | null {
  const unsendable = stats?.unsendable;
  if (!unsendable) return null;
  return `serving: ${formatCountOf(unsendable.rows, 'row')} could not be made into a request, so ${unsendable.rows === 1 ? 'it was' : 'they were'} not sent and not compared (first: ${unsendable.firstReason}); to compare such rows, encode those values in a serving.request function (or fill the URL column) the way your production client does`;
}
