import { formatUnavailable } from './serving-messages';

/** Counts consecutive requests that failed for good and opens once there are too many. */
export interface CircuitBreaker {
  /** A request's final outcome showed the endpoint working: the streak restarts. */
  recordSuccess(): void;
  /**
   * A request failed for good with `message`. Returns `true` when this failure reaches the threshold: the caller then
   * either {@link CircuitBreaker.open}s the breaker or, if the endpoint still answers a request it answered before (the
   * failures were the rows' own: a crash on odd input), {@link CircuitBreaker.reset}s the streak.
   */
  recordFailure(message: string): boolean;
  /** Opens the breaker with the streak's last message. */
  open(): void;
  /** The endpoint proved alive: the streak restarts. */
  reset(): void;
  /** Why the breaker is open (`serving unavailable: …`), or `null` while closed. Once open, it stays open. */
  readonly openReason: string | null;
}

/**
 * Creates a {@link CircuitBreaker} that reaches its threshold after `maxConsecutiveFailures` failures in a row (0
 * disables it).
 * It never closes again: a run that lost its endpoint is inconclusive, and retrying every remaining row against a
 * dead server would only make the run slow to say so.
 */
export function createCircuitBreaker(maxConsecutiveFailures: number): CircuitBreaker {
  let consecutive = 0;
  let lastMessage = '';
  let openReason: string | null = null;
  return {
    get openReason() {
      return openReason;
    },
    recordSuccess() {
      if (openReason === null) consecutive = 0;
    },
    recordFailure(message) {
      if (openReason !== null) return false;
      consecutive++;
      lastMessage = message;
      return maxConsecutiveFailures > 0 && consecutive === maxConsecutiveFailures;
    },
    open() {
      openReason ??= formatUnavailable(consecutive, lastMessage);
    },
    reset() {
      if (openReason === null) consecutive = 0;
    },
  };
}
