import fc from 'fast-check';
import { compareNumeric, jensenShannon, lInfinity, psi, PSI_EPSILON } from '../../../harness/analysis/distribution';

/** Two count vectors over the same bins, each with something in it. */
const counts = (n: number) => fc.array(fc.nat(1000), { minLength: n, maxLength: n }).filter((v) => v.some((c) => c > 0));
const pair = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(counts(n), counts(n)));
const categories = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'null', '"x"'), fc.nat(100), { minKeys: 1 }).map((d) => new Map(Object.entries(d)));

describe('psi', () => {
  it('matches hand-computed values (natural log)', () => {
    // 0.1·ln(0.6/0.5) + (−0.1)·ln(0.4/0.5)
    expect(psi([50, 50], [60, 40])).toBeCloseTo(0.0405, 4);
    // (−.15)ln(.1/.25) + (−.05)ln(.2/.25) + (.05)ln(.3/.25) + (.15)ln(.4/.25)
    expect(psi([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.2282, 4);
  });

  it('floors empty bins at the documented epsilon instead of exploding', () => {
    expect(PSI_EPSILON).toBe(1e-4);
    // The empty bin: (0.01 − 0.0001)·ln(0.01 / 0.0001); the other: (−0.01)·ln(0.49 / 0.5).
    expect(psi([0.5, 0.5, 0], [0.5, 0.49, 0.01])).toBeCloseTo(0.0099 * Math.log(100) - 0.01 * Math.log(0.98), 10);
    expect(psi([1, 0], [0, 1])).toBeCloseTo(2 * (1 - PSI_EPSILON) * Math.log(1 / PSI_EPSILON), 10);
    expect(psi([5, 0, 5], [5, 0, 5])).toBe(0);
  });

  it('rejects vectors over different bins and negative counts', () => {
    expect(() => psi([1, 2], [1, 2, 3])).toThrow(RangeError);
    expect(() => psi([1, -1], [1, 1])).toThrow(RangeError);
  });

  it('property: 0 for identical distributions (at any scale), never negative, symmetric', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        expect(psi(p, p)).toBe(0);
        expect(psi(p, p.map((c) => c * 3))).toBeCloseTo(0, 12);
        expect(psi(p, q)).toBeGreaterThanOrEqual(0);
        expect(psi(p, q)).toBeCloseTo(psi(q, p), 12);
      }),
    );
  });
});

describe('jensenShannon', () => {
  it('matches hand-computed values (base 2)', () => {
    expect(jensenShannon([1, 0], [0, 1])).toBe(1);
    // ½·log2(4/3) + ½·(½·log2(2/3) + ½·log2(2))
    expect(jensenShannon([1, 0], [1, 1])).toBeCloseTo(0.31128, 5);
    expect(jensenShannon([3, 1], [3, 1])).toBe(0);
  });

  it('property: in [0, 1], 0 for identical distributions, symmetric, 1 for disjoint ones', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        const js = jensenShannon(p, q);
        expect(js).toBeGreaterThanOrEqual(0);
        expect(js).toBeLessThanOrEqual(1);
        expect(jensenShannon(p, p)).toBe(0);
        expect(js).toBeCloseTo(jensenShannon(q, p), 12);
        expect(jensenShannon([...p, 0], [...p.map(() => 0), 1])).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('lInfinity', () => {
  it('is the largest change in one category share, over the union of categories', () => {
    expect(lInfinity(new Map([['a', 8], ['b', 2]]), new Map([['a', 5], ['c', 5]]))).toBeCloseTo(0.5, 12);
    expect(lInfinity(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(1);
    expect(lInfinity(new Map([['a', 2], ['b', 2]]), new Map([['b', 5], ['a', 5]]))).toBe(0);
  });

  it('property: in [0, 1], 0 for identical frequencies, symmetric', () => {
    fc.assert(
      fc.property(categories, categories, (p, q) => {
        const d = lInfinity(p, q);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(lInfinity(p, p)).toBe(0);
        expect(d).toBe(lInfinity(q, p));
      }),
    );
  });
});

describe('distances of a shifted sample', () => {
  const spread = fc.uniqueArray(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 80 });

  it('property: a sample moved below its own minimum scores higher than the sample itself', () => {
    fc.assert(
      fc.property(spread, fc.double({ min: 1, max: 1e6, noNaN: true }), (xs, gap) => {
        const min = Math.min(...xs);
        const max = Math.max(...xs);
        const shifted = xs.map((x) => x - (max - min) - gap);
        const same = compareNumeric(xs, xs);
        const moved = compareNumeric(xs, shifted);
        expect(same.psi).toBe(0);
        expect(same.jensenShannon).toBe(0);
        expect(moved.psi).toBeGreaterThan(same.psi);
        expect(moved.jensenShannon).toBeGreaterThan(same.jensenShannon);
      }),
    );
  });

  it('property: nulls where the reference had none always count as drift (the null bin)', () => {
    fc.assert(
      fc.property(spread, fc.integer({ min: 1, max: 10 }), (xs, nulls) => {
        const current = [...xs.slice(nulls), ...new Array<null>(Math.min(nulls, xs.length)).fill(null)];
        const result = compareNumeric(xs, current);
        expect(result.current.missing).toBe(Math.min(nulls, xs.length));
        expect(result.psi).toBeGreaterThan(0);
        expect(result.jensenShannon).toBeGreaterThan(0);
      }),
    );
  });

  it('bins every value, including those outside the reference range and NaN (as missing)', () => {
    const result = compareNumeric([1, 2, 3, 4], [-100, 2.5, 1e9, Infinity, NaN, null, undefined, 'x']);
    expect(result.current.counts.reduce((a, b) => a + b, 0) + result.current.missing).toBe(8);
    expect(result.current.missing).toBe(4);
    expect(result.current.counts[0]).toBe(1);
    expect(result.current.counts[result.current.counts.length - 1]).toBe(2);
  });
});
