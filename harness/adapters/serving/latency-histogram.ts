/** Latency percentiles of the requests that got a response. */
export interface LatencySummary {
  /** Requests measured. */
  count: number;
  /** Median, in milliseconds (within ~2%). */
  p50: number;
  /** 95th percentile, in milliseconds (within ~2%). */
  p95: number;
  /** Slowest, in milliseconds (exact). */
  max: number;
}

/** Collects latencies in constant memory and answers percentiles. */
export interface LatencyHistogram {
  /** Adds one measurement in milliseconds. */
  record(ms: number): void;
  /** Percentiles so far, or `null` before the first measurement. */
  summary(): LatencySummary | null;
}

// Log-spaced buckets, 2% apart, from 10 µs: 1000 buckets reach beyond 10 minutes. A 100k-row run keeps one small
// array instead of every sample, and a percentile off by 2% is plenty for a report.
const GROWTH = 1.02;
const FLOOR_MS = 0.01;
const BUCKETS = 1000;

/** Creates an empty {@link LatencyHistogram}. */
export function createLatencyHistogram(): LatencyHistogram {
  const counts = new Uint32Array(BUCKETS);
  let count = 0;
  let max = 0;

  const bucketOf = (ms: number): number => {
    if (ms <= FLOOR_MS) return 0;
    return Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / FLOOR_MS) / Math.log(GROWTH)));
  };
  const upperBound = (bucket: number): number => FLOOR_MS * GROWTH ** bucket;
  const quantile = (q: number): number => {
    const rank = Math.max(1, Math.ceil(q * count));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += counts[b]!;
      if (seen >= rank) return Math.min(max, upperBound(b));
    }
    return max;
  };

  return {
    record(ms) {
      if (!Number.isFinite(ms) || ms < 0) return;
      counts[bucketOf(ms)]!++;
      count++;
      if (ms > max) max = ms;
    },
    summary() {
      if (count === 0) return null;
      const round = (ms: number): number => Math.round(ms * 100) / 100;
      return { count, p50: round(quantile(0.5)), p95: round(quantile(0.95)), max: round(max) };
    },
  };
}
