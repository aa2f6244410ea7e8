/** Bounds of the exponential backoff between retries. */
export interface BackoffBounds {
  /** Ceiling of the first retry's delay. */
  initialMs: number;
  /** Largest ceiling any retry's delay may have. */
  maxMs: number;
}

/**
 * A server's `Retry-After` is honoured, but only up to this multiple of `backoff.maxMs`: a misconfigured server
 * saying `Retry-After: 3600` must not stall a nightly run for an hour.
 */
export const RETRY_AFTER_CAP_FACTOR = 4;

/**
 * Delay before retry number `retry` (0 for the first retry): exponential backoff with full jitter, i.e. uniform in
 * `[0, min(maxMs, initialMs × 2^retry))`. Full jitter spreads the retries of many concurrent rows, so a server that
 * hiccupped is not hit by all of them at the same instant again.
 *
 * @param random - a source of floats in [0, 1): `Math.random` in production, a seeded one in tests.
 */
export function computeBackoffMs(retry: number, bounds: BackoffBounds, random: () => number): number {
  const ceiling = Math.min(bounds.maxMs, bounds.initialMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * Math.max(0, ceiling));
}

/**
 * Reads a `Retry-After` header value: delay-seconds (`"120"`) or an HTTP date. Returns milliseconds from `nowMs`
 * (never negative), or `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names its month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone would take "-3" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Everything that decides how long to wait before a retry. */
export interface RetryDelayInput {
  /** 0 for the first retry. */
  retry: number;
  /** Backoff bounds from the serving options. */
  bounds: BackoffBounds;
  /** Float in [0, 1). */
  random: () => number;
  /** What the server asked for via `Retry-After`, if anything. */
  retryAfterMs?: number | undefined;
}

/**
 * Delay before a retry: the server's `Retry-After` when it sent one (capped at
 * {@link RETRY_AFTER_CAP_FACTOR} × `maxMs`), otherwise {@link computeBackoffMs}.
 */
export function computeRetryDelayMs(input: RetryDelayInput): number {
  if (input.retryAfterMs !== undefined) {
    return Math.min(input.retryAfterMs, input.bounds.maxMs * RETRY_AFTER_CAP_FACTOR);
  }
  return computeBackoffMs(input.retry, input.bounds, input.random);
}
