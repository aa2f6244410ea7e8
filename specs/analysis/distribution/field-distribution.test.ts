import type { AnalysisInput, AnalysisRow } from '../../../harness/analysis/analysis-input';
import {
  compareCategorical,
  diffHistogramFor,
  distributionFor,
  scatterFor,
} from '../../../harness/analysis/distribution';

/** Compared rows of one field: offline and online values, and whether the row mismatched on it. */
function input(pairs: Array<[offline: unknown, online: unknown, mismatched?: boolean]>, field = 'f'): AnalysisInput {
  const rows: AnalysisRow[] = pairs.map(([offline, online, mismatched], i) => ({
    key: `r${i}`,
    inputs: {},
    offline: offline === undefined ? {} : { [field]: offline },
    online: online === undefined ? {} : { [field]: online },
    mismatched: new Set(mismatched ?? offline !== online ? [field] : []),
  }));
  return { rows, columns: [], profile: { rows: rows.length, columns: [] }, offlineOnly: [], onlineOnly: [] };
}

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('distributionFor', () => {
  it('numeric fields: PSI and JS over bins of the offline values, 0 when both sides agree', () => {
    const same = input(range(100, (i) => [i, i] as [number, number]));
    expect(distributionFor('f', same)).toEqual({ count: 100, psi: 0, jensenShannon: 0, lInfinity: null });
  });

  it('numeric fields: a clock skew (online much larger on every row) is a large PSI', () => {
    const skewed = input(range(100, (i) => [i, i + 1000] as [number, number]));
    const stats = distributionFor('f', skewed)!;
    expect(stats.psi!).toBeGreaterThan(1);
    expect(stats.jensenShannon!).toBeGreaterThan(0.5);
  });

  it('nulls imputed differently (null offline, 0 online) show as drift through the null bin', () => {
    const imputed = input(range(100, (i) => (i % 5 === 0 ? [null, 0] : [i, i]) as [unknown, unknown]));
    const stats = distributionFor('f', imputed)!;
    expect(stats.psi!).toBeGreaterThan(0.2);
  });

  it('categorical fields: L∞ of the category shares over the union of categories', () => {
    const cats = input([
      ['a', 'a'],
      ['a', 'a'],
      ['b', 'a'],
      ['b', 'c'],
    ]);
    expect(distributionFor('f', cats)).toEqual({ count: 4, psi: null, jensenShannon: null, lInfinity: 0.5 });
  });

  it('treats a number sent as a string, or a boolean as text, as different categories', () => {
    expect(distributionFor('f', input([[true, 'true'], [false, 'false']]))!.lInfinity).toBe(0.5);
    expect(distributionFor('f', input([[1, '1'], [1, '1']]))!.lInfinity).toBe(1);
  });

  it('is null for objects and arrays, and counts rows where the field is on either side', () => {
    expect(distributionFor('f', input([[{ a: 1 }, { a: 1 }]]))).toBeNull();
    expect(distributionFor('f', input([[[1, 2], [1, 2]]]))).toBeNull();
    expect(distributionFor('f', input([[1, undefined], [undefined, undefined], [2, 2]]))!.count).toBe(2);
  });
});

describe('compareCategorical', () => {
  it('names the category that moved most and the categories the reference never has', () => {
    const result = compareCategorical(['basic', 'basic', 'pro', null], ['basic', 'gold', 'gold', 'silver']);
    expect(result.largestShift).toEqual({ category: '"gold"', reference: 0, current: 0.5 });
    expect(result.unseen).toEqual({ categories: 2, share: 0.75, top: [{ category: '"gold"', count: 2 }, { category: '"silver"', count: 1 }] });
    expect(result.reference.missing).toBe(1);
    expect(result.lInfinity).toBe(0.5);
  });
});

describe('diffHistogramFor', () => {
  it('histograms online − offline over mismatching numeric rows only', () => {
    const offset = input([...range(10, (i) => [i, i + 3600] as [number, number]), [5, 5]]);
    expect(diffHistogramFor('f', offset)).toEqual({ edges: [3600, 3600], counts: [10] });
    const mixed = input(range(40, (i) => [i, i + (i % 2 === 0 ? 1 : -1)] as [number, number]));
    const h = diffHistogramFor('f', mixed)!;
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(h.edges[0]).toBe(-1);
    expect(h.edges[h.edges.length - 1]).toBe(1);
  });

  it('is null when no mismatching row has two numbers', () => {
    expect(diffHistogramFor('f', input([[1, 1], [2, 2]]))).toBeNull();
    expect(diffHistogramFor('f', input([['a', 'b']]))).toBeNull();
    expect(diffHistogramFor('f', input([[1, null]]))).toBeNull();
  });
});

describe('scatterFor', () => {
  it('lists mismatching pairs first, then matching ones', () => {
    const data = input([
      [1, 1],
      [2, 3],
      [4, 4],
      [5, 7],
    ]);
    expect(scatterFor('f', data)).toEqual([
      [2, 3],
      [5, 7],
      [1, 1],
      [4, 4],
    ]);
  });

  it('sub-samples deterministically, evenly through the sample, mismatching rows taking the room first', () => {
    const data = input(range(1000, (i) => [i, i % 4 === 0 ? i + 1 : i] as [number, number]));
    const first = scatterFor('f', data, 300)!;
    expect(first).toHaveLength(300);
    expect(scatterFor('f', data, 300)).toEqual(first);
    expect(first.slice(0, 250).every(([a, b]) => a !== b)).toBe(true);
    expect(first.slice(250).every(([a, b]) => a === b)).toBe(true);
    expect(first[249]![0]).toBeGreaterThan(900);
    const few = scatterFor('f', data, 100)!;
    expect(few.every(([a, b]) => a !== b)).toBe(true);
    expect(few[99]![0]).toBeGreaterThan(900);
  });

  it('is null for non-numeric fields and skips rows without two finite numbers', () => {
    expect(scatterFor('f', input([['a', 'b']]))).toBeNull();
    expect(scatterFor('f', input([[1, null], [2, 2]]))).toEqual([[2, 2]]);
  });
});
