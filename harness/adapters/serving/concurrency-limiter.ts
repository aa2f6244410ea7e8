import type { AbortLike } from './abort-scope';

/** Releases a permit taken from a {@link ConcurrencyLimiter}. Calling it twice has no further effect. */
export type ReleasePermit = () => void;

/** A counting semaphore: at most `max` holders at once, waiters served first come, first served. */
export interface ConcurrencyLimiter {
  /** Waits for a permit. Resolves `null` (and takes nothing) if `signal` aborts first. */
  acquire(signal?: AbortLike): Promise<ReleasePermit | null>;
  /** A permit now if one is free (no waiter can be ahead: a released permit goes straight to the first waiter), else `null`. */
  tryAcquire(): ReleasePermit | null;
  /** Permits currently held. */
  readonly active: number;
}

interface Waiter {
  grant: (release: ReleasePermit) => void;
  cancelled: boolean;
}

/**
 * Creates a {@link ConcurrencyLimiter}. Our own rather than p-limit: p-limit is ESM-only, and we need abortable
 * waits (an interrupted run must not wait for a permit it will never use).
 */
export function createConcurrencyLimiter(max: number): ConcurrencyLimiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be a positive integer (got ${max})`);
  let active = 0;
  const waiters: Waiter[] = [];
  let head = 0;

  const makeRelease = (): ReleasePermit => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Hand the permit straight to the next live waiter, so `active` never dips and lets a newcomer jump the queue.
      while (head < waiters.length) {
        const next = waiters[head]!;
        waiters[head++] = undefined as unknown as Waiter;
        if (head > 1024 && head * 2 > waiters.length) {
          waiters.splice(0, head);
          head = 0;
        }
        if (!next.cancelled) {
          next.grant(makeRelease());
          return;
        }
      }
      waiters.length = 0;
      head = 0;
      active--;
    };
  };

  return {
    get active() {
      return active;
    },
    tryAcquire() {
      if (active >= max) return null;
      active++;
      return makeRelease();
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(null);
      if (active < max) {
        active++;
        return Promise.resolve(makeRelease());
      }
      return new Promise((resolve) => {
        const onAbort = (): void => {
          waiter.cancelled = true;
          resolve(null);
        };
        const waiter: Waiter = {
          cancelled: false,
          grant: (release) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
        };
        waiters.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
