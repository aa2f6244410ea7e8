import * as fs from 'node:fs';

import { hash53 } from '../../../harness/core/hash';
import { readSample } from '../../../harness/source';
import { createTempDir, csvSource, numberedCsv, sampling, type TempDir } from '../source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

const keyHash = (seed: number) => sampling({ method: 'key-hash', size: 100, seed });

async function chosenKeys(file: string, seed: number): Promise<string[]> {
  return (await readSample(csvSource(file, { key: ['id'] }), keyHash(seed))).rows.map((row) => row.key);
}

describe('key-hash sampling', () => {
  it('chooses exactly the keys with the smallest hashes, in file order', async () => {
    const file = dir.write('keys.csv', numberedCsv(1, 3000));
    const expected = Array.from({ length: 3000 }, (_, i) => String(i + 1))
      .sort((a, b) => hash53(a, 9) - hash53(b, 9))
      .slice(0, 100)
      .sort((a, b) => Number(a) - Number(b));
    expect(await chosenKeys(file, 9)).toEqual(expected);
  });

  it('keeps most chosen keys when rows are appended to the file', async () => {
    const file = dir.write('growing.csv', numberedCsv(1, 5000));
    const before = await chosenKeys(file, 1);
    fs.appendFileSync(file, numberedCsv(5001, 5500, false));
    const after = await chosenKeys(file, 1);
    const kept = before.filter((key) => after.includes(key));
    // 500 new rows among 5500: about 100 × 500/5500 ≈ 9 chosen keys are displaced.
    expect(kept.length).toBeGreaterThanOrEqual(80);
    // A key that leaves is displaced by a new, lower-hashing key, never by an old one.
    for (const key of after.filter((k) => !before.includes(k))) expect(Number(key)).toBeGreaterThan(5000);
  });

  it('does not depend on row order, and changes with the seed', async () => {
    const forward = dir.write('forward.csv', numberedCsv(1, 2000));
    const lines = numberedCsv(1, 2000).trim().split('\n');
    const backward = dir.write('backward.csv', `${[lines[0], ...lines.slice(1).reverse()].join('\n')}\n`);
    const sorted = (keys: string[]) => [...keys].sort();
    expect(sorted(await chosenKeys(backward, 5))).toEqual(sorted(await chosenKeys(forward, 5)));
    expect(await chosenKeys(forward, 6)).not.toEqual(await chosenKeys(forward, 5));
  });

  it('returns every row when the file is smaller than the sample', async () => {
    const file = dir.write('few.csv', numberedCsv(1, 20));
    expect(await chosenKeys(file, 1)).toHaveLength(20);
  });
});
