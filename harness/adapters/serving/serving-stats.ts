import { createLatencyHistogram, type LatencySummary } from './latency-histogram';
import type { TransportFailureKind } from './transport-failure';

/** What the serving adapter did, for the report: how hard it pushed and how the endpoint answered. */
export interface ServingStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Of those, how many were retries. */
  retries: number;
  /** Responses per HTTP status (`{ "200": 980, "503": 20 }`), every attempt counted. */
  statuses: Record<string, number>;
  /** Attempts that got no response, per failure kind (`{ "timeout": 3, "refused": 10 }`). */
  failures: Partial<Record<TransportFailureKind, number>>;
  /** Latency of the attempts that got a response, or `null` if none did. */
  latencyMs: LatencySummary | null;
  /**
   * With `serving.batch`: batch requests sent, and how many failed as a whole and were resent row by row (with the
   * first one's error). Most of them resent means the batch mapping is wrong, not the rows.
   */
  batches?: { sent: number; resentRowByRow: number; firstResendReason: string | null };
  /**
   * Distinct rows a preset could not make into a request (a null in a tensor, a URL column with no value), never sent;
   * the first one's reason. Absent when none.
   */
  unsendable?: { rows: number; firstReason: string };
}

/** Accumulates {@link ServingStats}; one per adapter, across `compute` calls. */
export interface ServingStatsCollector {
  /** An attempt got a response with `status` after `latencyMs`. */
  recordResponse(status: number, latencyMs: number, isRetry: boolean): void;
  /** An attempt got no response. */
  recordFailure(kind: TransportFailureKind, isRetry: boolean): void;
  /** A copy of the numbers so far. */
  snapshot(): ServingStats;
}

/** Creates an empty {@link ServingStatsCollector}. */
export function createServingStats(): ServingStatsCollector {
  let requests = 0;
  let retries = 0;
  const statuses: Record<string, number> = {};
  const failures: Partial<Record<TransportFailureKind, number>> = {};
  const latency = createLatencyHistogram();

  const countAttempt = (isRetry: boolean): void => {
    requests++;
    if (isRetry) retries++;
  };

  return {
    recordResponse(status, latencyMs, isRetry) {
      countAttempt(isRetry);
      statuses[status] = (statuses[status] ?? 0) + 1;
      latency.record(latencyMs);
    },
    recordFailure(kind, isRetry) {
      // An abort by us is not something the endpoint did; the request may not even have been sent.
      if (kind === 'aborted') return;
      countAttempt(isRetry);
      failures[kind] = (failures[kind] ?? 0) + 1;
    },
    snapshot() {
      return { requests, retries, statuses: { ...statuses }, failures: { ...failures }, latencyMs: latency.summary() };
    },
  };
}
