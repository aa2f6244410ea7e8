import fc from 'fast-check';
import { binIndex, numericBins } from '../../../harness/analysis/distribution';

const anyNumber = fc.double({ noNaN: true });
const sample = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 60 });

describe('numericBins', () => {
  it('cuts at the quantiles of the reference, as values of the reference', () => {
    expect(numericBins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([3, 5, 7, 9]);
    expect(numericBins([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5)).toEqual([3, 5, 7, 9]);
    expect(numericBins(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual([11, 21, 31, 41, 51, 61, 71, 81, 91]);
  });

  it('deduplicates the edges of discrete data: one bin per frequent value', () => {
    expect(numericBins([0, 0, 0, 0, 0, 0, 0, 1, 1, 1])).toEqual([0, 1]);
    expect(numericBins(Array.from({ length: 50 }, () => 4))).toEqual([4]);
  });

  it('gives no edges (one bin for everything) for an empty reference, and ignores NaN and ±Infinity', () => {
    expect(numericBins([])).toEqual([]);
    expect(numericBins([NaN, Infinity, -Infinity])).toEqual([]);
    expect(numericBins([1, 2, NaN, 3, 4, Infinity], 2)).toEqual([3]);
  });

  it('rejects a bin count that is not a positive integer', () => {
    expect(() => numericBins([1], 0)).toThrow(RangeError);
    expect(() => numericBins([1], 2.5)).toThrow(RangeError);
  });

  it('property: edges strictly increase, and every number lands in exactly the bin whose bounds hold it', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 20 }), anyNumber, (reference, bins, value) => {
        const edges = numericBins(reference, bins);
        expect(edges.length).toBeLessThanOrEqual(bins - 1);
        for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
        const i = binIndex(edges, value);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThanOrEqual(edges.length);
        if (i > 0) expect(value).toBeGreaterThanOrEqual(edges[i - 1]!);
        if (i < edges.length) expect(value).toBeLessThan(edges[i]!);
      }),
    );
  });

  it('property: bins of continuous data hold roughly equal shares of the reference', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 100, maxLength: 300 }), (reference) => {
        const edges = numericBins(reference, 10);
        expect(edges).toHaveLength(9);
        const counts = new Array<number>(10).fill(0);
        for (const v of reference) counts[binIndex(edges, v)]! += 1;
        for (const c of counts) expect(Math.abs(c - reference.length / 10)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
