import { sleep } from './abortable-sleep';
import { computeRetryDelayMs, parseRetryAfterMs, type BackoffBounds } from './backoff';
import type { ConcurrencyLimiter } from './concurrency-limiter';
import type { HttpClient, HttpOutcome, HttpRequest } from './http-client';
import { isRetryableFailure, isRetryableStatus } from './is-retryable';
import type { RateLimiter } from './rate-limiter';
import type { ServingStatsCollector } from './serving-stats';

/** What the retry loop needs, shared by every request of one adapter. */
export interface RetryContext {
  client: HttpClient;
  limiter: ConcurrencyLimiter;
  rate: RateLimiter;
  stats: ServingStatsCollector;
  /** Retries after the first attempt. */
  retries: number;
  backoff: BackoffBounds;
  /** Float in [0, 1) for jitter. */
  random: () => number;
}

/** The last attempt's outcome, and how many attempts it took. */
export type FinalOutcome = HttpOutcome & { attempts: number };

const ABORTED: HttpOutcome = { kind: 'failure', failure: { kind: 'aborted', code: 'ERR_CANCELED', detail: 'aborted' } };

/**
 * Sends `request` until it gets a non-retryable outcome or runs out of retries. Each attempt holds a concurrency
 * permit and a rate slot only while it is on the wire — a row waiting out its backoff leaves both to other rows.
 * Returns the last outcome (a 2xx, a non-retryable status, the last retryable one, or an abort).
 */
export async function sendWithRetries(context: RetryContext, request: HttpRequest): Promise<FinalOutcome> {
  const { signal } = request;
  for (let attempt = 1; ; attempt++) {
    // A free permit and no rate limit (the common case) are taken without waiting on a promise: two microtask turns
    // less per request, measurable at 10k+ requests/s.
    const release = (signal?.aborted ? null : context.limiter.tryAcquire()) ?? (await context.limiter.acquire(signal));
    if (!release) return withAttempts(ABORTED, attempt - 1);
    let outcome: HttpOutcome;
    try {
      const admitted = context.rate.unlimited ? !signal?.aborted : await context.rate.acquire(signal);
      if (!admitted) return withAttempts(ABORTED, attempt - 1);
      outcome = await context.client.send(request);
    } finally {
      release();
    }

    const isRetry = attempt > 1;
    if (outcome.kind === 'response') context.stats.recordResponse(outcome.status, outcome.latencyMs, isRetry);
    else context.stats.recordFailure(outcome.failure.kind, isRetry);

    const retryable =
      outcome.kind === 'response' ? isRetryableStatus(outcome.status) : isRetryableFailure(outcome.failure.kind);
    if (!retryable || attempt > context.retries) return withAttempts(outcome, attempt);

    const delay = computeRetryDelayMs({
      retry: attempt - 1,
      bounds: context.backoff,
      random: context.random,
      retryAfterMs: outcome.kind === 'response' ? retryAfterOf(outcome) : undefined,
    });
    if (!(await sleep(delay, signal))) return withAttempts(outcome, attempt);
  }
}

/**
 * The outcome with its attempt count, as an object literal: a spread (`{ ...outcome, attempts }`) cost ~3 µs a
 * request here (measured in-process against a stub transport: 9.5 → 6.5 µs of client CPU per request, 21 → 18 µs
 * before the code is optimized).
 */
function withAttempts(outcome: HttpOutcome, attempts: number): FinalOutcome {
  if (outcome.kind === 'failure') return { kind: 'failure', failure: outcome.failure, attempts };
  const { status, body, invalidUtf8At, retryAfter, location, latencyMs } = outcome;
  return { kind: 'response', status, body, invalidUtf8At, retryAfter, location, latencyMs, attempts };
}

// RFC 9110 allows Retry-After on 503 as well as 429; both mean "come back then", so both are honoured.
function retryAfterOf(outcome: Extract<HttpOutcome, { kind: 'response' }>): number | undefined {
  if (outcome.status !== 429 && outcome.status !== 503) return undefined;
  return parseRetryAfterMs(outcome.retryAfter, Date.now());
}
