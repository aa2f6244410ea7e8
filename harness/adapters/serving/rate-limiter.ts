import { sleep } from './abortable-sleep';
import type { AbortLike } from './abort-scope';

/** Spaces out request starts. */
export interface RateLimiter {
  /** Waits for the next start slot. Resolves `false` (slot given up) if `signal` aborts first. */
  acquire(signal?: AbortLike): Promise<boolean>;
  /** True when there is no limit: `acquire` would only check the signal (callers may skip the wait). */
  readonly unlimited: boolean;
}

/** Hands out start times `1000 / ratePerSecond` ms apart; the clock-free core of {@link createRateLimiter}. */
export interface StartSpacing {
  /** Reserves the next slot for a caller asking at `now` (ms) and returns how long it must wait. */
  reserve(now: number): number;
}

/**
 * Creates a {@link StartSpacing}: a token bucket of depth one. No burst on purpose — "staging is never overrun"
 * should hold for every second of the run, including the first.
 */
export function createStartSpacing(ratePerSecond: number): StartSpacing {
  if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be positive (got ${ratePerSecond})`);
  const interval = 1000 / ratePerSecond;
  let nextSlot = -Infinity;
  return {
    reserve(now) {
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      return slot - now;
    },
  };
}

/**
 * Creates a {@link RateLimiter} that starts at most `ratePerSecond` requests per second, or none at all when
 * `ratePerSecond` is `null`. Slots are reserved synchronously, so concurrent callers get distinct slots in call order.
 *
 * @param now - clock in milliseconds (injectable for tests).
 */
export function createRateLimiter(
  ratePerSecond: number | null,
  now: () => number = () => performance.now(),
): RateLimiter {
  if (ratePerSecond === null) return { unlimited: true, acquire: (signal) => Promise.resolve(!signal?.aborted) };
  const spacing = createStartSpacing(ratePerSecond);
  return {
    unlimited: false,
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(false);
      return sleep(spacing.reserve(now()), signal);
    },
  };
}
