import type { AbortLike } from './abort-scope';

/**
 * Waits `ms` milliseconds. Resolves `true` when the time passed, `false` as soon as `signal` aborts (never
 * rejects), so retry loops can stop waiting the moment a run is interrupted.
 */
export function sleep(ms: number, signal?: AbortLike): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
