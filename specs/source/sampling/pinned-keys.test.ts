import { readSample } from '../../../harness/source';
import { createTempDir, csvSource, numberedCsv, sampling, type TempDir } from '../source-fixtures';

let dir: TempDir;
let file: string;
beforeAll(() => {
  dir = createTempDir();
  file = dir.write('rows.csv', numberedCsv(1, 2000));
});
afterAll(() => dir.remove());

const ids = (rows: Array<{ values: Record<string, unknown> }>) => rows.map((row) => row.values.id);

describe('pinned keys', () => {
  it('returns only the pinned rows, in file order, with `only`', async () => {
    const result = await readSample(csvSource(file, { key: ['id'] }), sampling({ method: 'reservoir', size: 10 }), { pinned: { only: new Set(['1500', '7']) } });
    expect(ids(result.rows)).toEqual([7, 1500]);
    expect(result.rowsRead).toBe(2000);
  });

  it('adds the `always` rows to the same sample, without duplicates', async () => {
    const options = sampling({ method: 'reservoir', size: 10, seed: 5 });
    const plain = ids((await readSample(csvSource(file, { key: ['id'] }), options)).rows) as number[];
    const outside = [1, 2, 3, 1999, 2000].find((id) => !plain.includes(id))!;
    const inside = plain[0]!;
    const pinned = ids((await readSample(csvSource(file, { key: ['id'] }), options, { pinned: { always: new Set([String(outside), String(inside)]) } })).rows) as number[];
    expect(pinned).toEqual([...new Set([...plain, outside])].sort((a, b) => a - b));
  });
});
