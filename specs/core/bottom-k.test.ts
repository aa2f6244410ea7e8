import fc from 'fast-check';
import { BottomK } from '../../harness/core/bottom-k';
import { hash53 } from '../../harness/core/hash';

const keep = (keys: readonly string[], k: number) => {
  const sample = new BottomK<string>(k);
  for (const key of keys) sample.offer(key, () => key);
  return sample.items();
};

describe('BottomK', () => {
  const distinctKeys = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 200 });

  it('keeps the k keys that hash lowest, in offer order, whatever order they are offered in', () => {
    fc.assert(
      fc.property(distinctKeys, fc.nat(60), fc.nat(), (keys, k, seed) => {
        const lowest = new Set([...keys].sort((a, b) => hash53(a) - hash53(b)).slice(0, k));
        expect(keep(keys, k)).toEqual(keys.filter((key) => lowest.has(key)));
        // A shuffled offer keeps the same set: the subsample depends on the keys alone.
        const shuffled = [...keys].sort((a, b) => hash53(a, seed + 1) - hash53(b, seed + 1));
        expect(new Set(keep(shuffled, k))).toEqual(lowest);
      }),
    );
  });

  it('keeps every item when no more than k are offered, and builds only the kept ones', () => {
    fc.assert(
      fc.property(distinctKeys, fc.nat(20), (keys, extra) => {
        expect(keep(keys, keys.length + extra)).toEqual(keys);
        let built = 0;
        const sample = new BottomK<number>(5);
        keys.forEach((key, i) => sample.offer(key, () => (built++, i)));
        expect(sample.items().length).toBe(Math.min(5, keys.length));
        expect(sample.offered).toBe(keys.length);
        expect(built).toBeLessThanOrEqual(keys.length);
      }),
    );
  });
});
