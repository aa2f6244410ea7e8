import fc from 'fast-check';
import { histogram } from '../../../harness/analysis/distribution';

describe('histogram', () => {
  it('splits the range into equal-width bins, the last one closed', () => {
    expect(histogram([0, 1, 2, 3], 2)).toEqual({ edges: [0, 1.5, 3], counts: [2, 2] });
    expect(histogram([0, 10], 5)).toEqual({ edges: [0, 2, 4, 6, 8, 10], counts: [1, 0, 0, 0, 1] });
  });

  it('has one bin [v, v] when all values are equal, and none without finite values', () => {
    expect(histogram([7, 7, 7])).toEqual({ edges: [7, 7], counts: [3] });
    expect(histogram([])).toEqual({ edges: [], counts: [] });
    expect(histogram([NaN, Infinity])).toEqual({ edges: [], counts: [] });
  });

  it('stays finite when the range overflows a double', () => {
    const h = histogram([-1e308, 0, 1e308], 4);
    expect(h.edges.every(Number.isFinite)).toBe(true);
    expect(h.counts).toEqual([1, 0, 1, 1]);
  });

  it('property: counts every finite value once, inside the edges of its bin', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 80 }), fc.integer({ min: 1, max: 30 }), (values, bins) => {
        const h = histogram(values, bins);
        const finite = values.filter(Number.isFinite);
        expect(h.counts.reduce((a, b) => a + b, 0)).toBe(finite.length);
        if (finite.length === 0) return;
        expect(h.edges).toHaveLength(h.counts.length + 1);
        // Numerically (===): of 0 and -0 either may stand first, as both are the smallest (Math.min says -0, the
        // histogram keeps the first it meets; found by fast-check with [0, -0]).
        expect(h.edges[0] === Math.min(...finite)).toBe(true);
        expect(h.edges[h.edges.length - 1] === Math.max(...finite)).toBe(true);
        for (let i = 1; i < h.edges.length; i++) expect(h.edges[i]!).toBeGreaterThanOrEqual(h.edges[i - 1]!);
      }),
    );
  });
});
