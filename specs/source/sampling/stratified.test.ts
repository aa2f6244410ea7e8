import fc from 'fast-check';

import { readSample } from '../../../harness/source';
import { allocateStrata } from '../../../harness/source/sampling/allocate-strata';
import { createTempDir, csvSource, sampling, type TempDir } from '../source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

/** A CSV whose `class` column has `counts[value]` rows per value ('' is null), interleaved. */
function stratifiedCsv(name: string, counts: Record<string, number>): string {
  const left = { ...counts };
  const lines = ['id,class'];
  let id = 0;
  while (Object.values(left).some((n) => n > 0)) {
    for (const value of Object.keys(left)) {
      if (left[value]! === 0) continue;
      left[value]! -= 1;
      lines.push(`${(id += 1)},${value}`);
    }
  }
  return dir.write(name, `${lines.join('\n')}\n`);
}

describe('allocateStrata', () => {
  it('splits proportionally by largest remainder', () => {
    expect(allocateStrata([600, 300, 90, 10], 100)).toEqual([60, 30, 9, 1]);
    expect(allocateStrata([5, 3, 2], 5)).toEqual([3, 1, 1]);
  });

  it('gives every stratum at least one row when the size allows', () => {
    expect(allocateStrata([997, 2, 1], 10)).toEqual([8, 1, 1]);
    expect(allocateStrata([997, 2, 1], 2)).toEqual([2, 0, 0]);
  });

  it('takes everything when the size covers every row', () => {
    expect(allocateStrata([3, 1], 10)).toEqual([3, 1]);
  });

  it('always fills the sample, within each stratum, close to proportional (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 2000 }), (counts, size) => {
        const slots = allocateStrata(counts, size);
        const total = counts.reduce((a, b) => a + b, 0);
        expect(slots.reduce((a, b) => a + b, 0)).toBe(Math.min(size, total));
        slots.forEach((slot, s) => {
          expect(slot).toBeGreaterThanOrEqual(size >= counts.length ? 1 : 0);
          expect(slot).toBeLessThanOrEqual(counts[s]!);
        });
        // Without the at-least-one rule at work, this is plain largest remainder: within one of the quota.
        if (size < total && counts.every((count) => (size * count) / total >= 1)) {
          slots.forEach((slot, s) => expect(Math.abs(slot - (size * counts[s]!) / total)).toBeLessThan(1));
        }
      }),
    );
  });
});

describe('stratified sampling', () => {
  const counts = { a: 600, b: 300, c: 90, '': 10 };

  it('samples each stratum in proportion, null as its own stratum, and reports the strata', async () => {
    const file = stratifiedCsv('strata.csv', counts);
    const result = await readSample(csvSource(file, { key: ['id'] }), sampling({ method: 'stratified', size: 100, seed: 3, stratifyBy: 'class' }));
    expect(result.strata).toEqual({
      a: { rows: 600, sampled: 60 },
      b: { rows: 300, sampled: 30 },
      c: { rows: 90, sampled: 9 },
      '(null)': { rows: 10, sampled: 1 },
    });
    const perClass = new Map<unknown, number>();
    for (const row of result.rows) perClass.set(row.values.class, (perClass.get(row.values.class) ?? 0) + 1);
    expect(Object.fromEntries(perClass)).toEqual({ a: 60, b: 30, c: 9, null: 1 });
    const ids = result.rows.map((row) => row.values.id as number);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });

  it('is deterministic for a seed and varies with it', async () => {
    const file = stratifiedCsv('strata2.csv', counts);
    const ids = async (seed: number) =>
      (await readSample(csvSource(file), sampling({ method: 'stratified', size: 50, seed, stratifyBy: 'class' }))).rows.map((row) => row.key);
    expect(await ids(1)).toEqual(await ids(1));
    expect(await ids(2)).not.toEqual(await ids(1));
  });

  it('never drops a rare class', async () => {
    const file = stratifiedCsv('rare.csv', { common: 997, rare: 2, unique: 1 });
    const result = await readSample(csvSource(file), sampling({ method: 'stratified', size: 10, seed: 1, stratifyBy: 'class' }));
    expect(result.strata).toEqual({
      common: { rows: 997, sampled: 8 },
      rare: { rows: 2, sampled: 1 },
      unique: { rows: 1, sampled: 1 },
    });
  });
});
