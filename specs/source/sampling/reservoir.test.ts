import fc from 'fast-check';

import { createRandom } from '../../../harness/core/random';
import { readSample } from '../../../harness/source';
import { createReservoir } from '../../../harness/source/sampling/reservoir';
import { createTempDir, csvSource, numberedCsv, sampling, type TempDir } from '../source-fixtures';

let dir: TempDir;
let bigFile: string;
beforeAll(() => {
  dir = createTempDir();
  bigFile = dir.write('big.csv', numberedCsv(1, 5000));
});
afterAll(() => dir.remove());

const sampleIds = async (seed: number, size = 50): Promise<unknown[]> =>
  (await readSample(csvSource(bigFile, { key: ['id'] }), sampling({ method: 'reservoir', size, seed }))).rows.map((row) => row.values.id);

describe('reservoir sampling', () => {
  it('returns size rows, distinct, in file order', async () => {
    const ids = (await sampleIds(7)) as number[];
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('gives the same rows for the same seed and file, and different rows for another seed', async () => {
    expect(await sampleIds(42)).toEqual(await sampleIds(42));
    expect(await sampleIds(43)).not.toEqual(await sampleIds(42));
  });

  it('returns every row when the file has fewer rows than the sample size', async () => {
    const file = dir.write('small.csv', numberedCsv(1, 7));
    const result = await readSample(csvSource(file), sampling({ method: 'reservoir', size: 100, seed: 1 }));
    expect(result.rows.map((row) => row.values.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('includes every item with probability size / n (over many seeds)', () => {
    const n = 40;
    const size = 8;
    const runs = 5000;
    const hits = new Array<number>(n).fill(0);
    for (let seed = 0; seed < runs; seed++) {
      const reservoir = createReservoir<number>(size, createRandom(seed));
      for (let item = 0; item < n; item++) reservoir.offer(item);
      for (const item of reservoir.items()) hits[item]! += 1;
    }
    // Expected 1000 per item, binomial sd ≈ 28: ±150 is over 5 sd, and the seeds are fixed, so never flaky.
    const expected = (runs * size) / n;
    for (const count of hits) expect(Math.abs(count - expected)).toBeLessThan(150);
    // The first and the last items are the ones a broken reservoir would favour or starve.
    expect(Math.abs(hits[0]! - hits[n - 1]!)).toBeLessThan(200);
  });

  it('keeps min(size, n) distinct items for any stream (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 200 }), fc.integer(), (size, n, seed) => {
        const reservoir = createReservoir<number>(size, createRandom(seed));
        for (let item = 0; item < n; item++) reservoir.offer(item);
        const items = reservoir.items();
        expect(items).toHaveLength(Math.min(size, n));
        expect(new Set(items).size).toBe(items.length);
        expect(reservoir.seen).toBe(n);
      }),
    );
  });
});
