import { createConcurrencyLimiter } from '../../../harness/adapters/serving/concurrency-limiter';
import { createRateLimiter, createStartSpacing } from '../../../harness/adapters/serving/rate-limiter';
import { createCircuitBreaker } from '../../../harness/adapters/serving/circuit-breaker';

describe('createConcurrencyLimiter', () => {
  it('never grants more than max permits, and serves waiters in order', async () => {
    const limiter = createConcurrencyLimiter(2);
    const order: number[] = [];
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const release = await limiter.acquire();
        order.push(i);
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setImmediate(resolve));
        active--;
        release!();
        release!(); // a second release changes nothing
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(limiter.active).toBe(0);
  });

  it('gives up a wait on abort without taking a permit', async () => {
    const limiter = createConcurrencyLimiter(1);
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
    held!();
    expect(limiter.active).toBe(0);
    const next = await limiter.acquire();
    expect(limiter.active).toBe(1);
    next!();
  });
});

describe('createStartSpacing', () => {
  it('spaces starts 1000 / rate ms apart, without a burst', () => {
    const spacing = createStartSpacing(10);
    expect([0, 0, 0, 0].map(() => spacing.reserve(0))).toEqual([0, 100, 200, 300]);
    // A caller arriving after a quiet spell starts at once.
    expect(spacing.reserve(1000)).toBe(0);
    expect(spacing.reserve(1010)).toBe(90);
  });
});

describe('createRateLimiter', () => {
  it('lets everything through without a limit', async () => {
    const limiter = createRateLimiter(null);
    expect(await Promise.all([limiter.acquire(), limiter.acquire()])).toEqual([true, true]);
  });

  it('gives up a slot on abort', async () => {
    const limiter = createRateLimiter(1);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
  });
});

describe('createCircuitBreaker', () => {
  it('opens after max consecutive failures; a success restarts the count; it never closes', () => {
    const breaker = createCircuitBreaker(3);
    expect([breaker.recordFailure('a'), breaker.recordFailure('b')]).toEqual([false, false]);
    breaker.recordSuccess();
    expect([breaker.recordFailure('c'), breaker.recordFailure('d'), breaker.recordFailure('e')]).toEqual([false, false, true]);
    // The threshold is reached; the caller decides (the endpoint still answers a known row: reset; else open).
    expect(breaker.openReason).toBeNull();
    breaker.open();
    expect(breaker.openReason).toBe('serving unavailable: 3 consecutive requests failed; last: e');
    breaker.recordSuccess();
    expect(breaker.openReason).not.toBeNull();
  });

  it('restarts the streak when reset at the threshold, and reaches it again only after as many failures', () => {
    const breaker = createCircuitBreaker(2);
    expect([breaker.recordFailure('a'), breaker.recordFailure('b')]).toEqual([false, true]);
    breaker.reset();
    expect(breaker.openReason).toBeNull();
    expect([breaker.recordFailure('c'), breaker.recordFailure('d')]).toEqual([false, true]);
  });

  it('is disabled by 0', () => {
    const breaker = createCircuitBreaker(0);
    for (let i = 0; i < 100; i++) expect(breaker.recordFailure('x')).toBe(false);
    expect(breaker.openReason).toBeNull();
  });
});
