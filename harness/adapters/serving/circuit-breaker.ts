import { formatUnavailable } from './serving-messages';

/** Counts consecutive requests that failed for good and opens once there are too many. */
export interface CircuitBreaker {
  /** A request's final outcome showed the endpoint working: the streak restarts. */
  recordSuccess(): void;
  /** A request failed for good with `message`. Returns `true` if this failure opened the breaker. */
  recordFailure(message: string): boolean;
  /** Why the breaker is open (`serving unavailable: …`), or `null` while closed. Once open, it stays open. */
  readonly openReason: string | null;
}

/**
 * Creates a {@link CircuitBreaker} that opens after `maxConsecutiveFailures` failures in a row (0 disables it).
 * It never closes again: a run that lost its endpoint is inconclusive, and retrying every remaining row against a
 * dead server would only make the run slow to say so.
 */
export function createCircuitBreaker(maxConsecutiveFailures: number): CircuitBreaker {
  let consecutive = 0;
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
      if (maxConsecutiveFailures > 0 && consecutive >= maxConsecutiveFailures) {
        openReason = formatUnavailable(consecutive, message);
        return true;
      }
      return false;
    },
  };
}
