import fc from 'fast-check';
import {
  computeBackoffMs,
  computeRetryDelayMs,
  parseRetryAfterMs,
  RETRY_AFTER_CAP_FACTOR,
} from '../../../harness/adapters/serving/backoff';
import { createRandom } from '../../../harness/core/random';

describe('computeBackoffMs (exponential, full jitter)', () => {
  const bounds = { initialMs: 100, maxMs: 2000 };

  it('stays within [0, min(maxMs, initialMs × 2^retry))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (retry, r, initialMs, maxMs) => {
          const delay = computeBackoffMs(retry, { initialMs, maxMs }, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(maxMs, initialMs * 2 ** retry));
        },
      ),
    );
  });

  it('doubles the ceiling per retry until maxMs', () => {
    const top = (retry: number): number => computeBackoffMs(retry, bounds, () => 0.999999);
    expect([0, 1, 2, 3, 4, 5, 10].map(top)).toEqual([99, 199, 399, 799, 1599, 1999, 1999]);
    expect(computeBackoffMs(3, bounds, () => 0)).toBe(0);
  });

  it('is reproducible with a seeded random', () => {
    const run = (): number[] => {
      const random = createRandom(42);
      return [0, 1, 2, 3].map((retry) => computeBackoffMs(retry, bounds, random.next));
    };
    expect(run()).toEqual(run());
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('1.5', now)).toBe(1500);
  });
  it('reads an HTTP date, never negative', () => {
    expect(parseRetryAfterMs('Wed, 01 May 2024 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-3', now)).toBeUndefined();
  });
});

describe('computeRetryDelayMs', () => {
  const bounds = { initialMs: 10, maxMs: 100 };
  it('prefers Retry-After over backoff', () => {
    expect(computeRetryDelayMs({ retry: 0, bounds, random: () => 0.5, retryAfterMs: 250 })).toBe(250);
  });
  it(`caps Retry-After at ${RETRY_AFTER_CAP_FACTOR} × maxMs`, () => {
    expect(computeRetryDelayMs({ retry: 0, bounds, random: () => 0.5, retryAfterMs: 3_600_000 })).toBe(400);
  });
  it('falls back to jittered backoff', () => {
    expect(computeRetryDelayMs({ retry: 2, bounds, random: () => 0.5 })).toBe(20);
  });
});
