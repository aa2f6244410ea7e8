import fc from 'fast-check';
import { PrefetchingArbitrary } from '../../../harness/checks/generated/prefetching-arbitrary';

describe('PrefetchingArbitrary', () => {
  it('property: shrinking through it finds the same counterexample and path as the bare arbitrary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 1000 }), async (seed, threshold) => {
        const arb = fc.record({ a: fc.integer({ min: -5000, max: 5000 }), b: fc.array(fc.nat(100), { maxLength: 5 }) });
        const failing = (v: { a: number; b: number[] }) => v.a > threshold || v.b.length > 3;
        const bare = await fc.check(fc.asyncProperty(arb, async (v) => !failing(v)), { seed, numRuns: 200 });
        const prefetching = new PrefetchingArbitrary(arb, 8);
        let taken = 0;
        const wrapped = await fc.check(
          fc.asyncProperty(prefetching, async (v) => {
            taken += prefetching.takePending().length;
            return !failing(v);
          }),
          { seed, numRuns: 200 },
        );
        expect(wrapped.failed).toBe(bare.failed);
        expect(wrapped.counterexample).toEqual(bare.counterexample);
        expect(wrapped.counterexamplePath).toBe(bare.counterexamplePath);
        // A failure was shrunk: the candidates of its steps were handed out ahead of fast-check asking for them.
        if (bare.failed && bare.numShrinks > 0) expect(taken).toBeGreaterThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it('replays a path exactly as the bare arbitrary does', async () => {
    const arb = fc.integer({ min: 0, max: 10_000 });
    const found = await fc.check(fc.asyncProperty(arb, async (v) => v < 777), { seed: 42 });
    expect(found.failed).toBe(true);
    const replay = await fc.check(fc.asyncProperty(new PrefetchingArbitrary(arb), async (v) => v < 777), { seed: 42, path: found.counterexamplePath!, endOnFailure: true });
    expect(replay.counterexample).toEqual(found.counterexample);
  });
});
