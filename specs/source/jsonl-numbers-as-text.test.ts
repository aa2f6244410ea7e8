import { readSample } from '../../harness/source';
import { readSubscriptions } from './numbers-as-text-fixtures';
import { createTempDir, csvSource, jsonlSource, sampling, type TempDir } from './source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

let files = 0;

/** Reads a JSON Lines file whose records hold `x` = each of `values` and returns the column and the values read. */
async function jsonColumn(values: unknown[], overrides: Parameters<typeof jsonlSource>[1] = {}) {
  const file = dir.write(`mixed${(files += 1)}.jsonl`, values.map((x, i) => JSON.stringify({ id: i, x })).join('\n'));
  const result = await readSample(jsonlSource(file, overrides), sampling());
  return { column: result.columns.find((c) => c.name === 'x')!, values: result.rows.map((row) => row.values.x) };
}

describe('JSON Lines: a column mixing JSON numbers and numbers written as text', () => {
  it('is numeric, and every value stays exactly as read: the text is never coerced', async () => {
    const { rows, columns } = await readSubscriptions();
    expect(columns.find((c) => c.name === 'monthly_price')).toMatchObject({ type: 'number', typeSource: 'inferred' });
    const prices = rows.map((row) => row.values.monthly_price);
    expect(prices.filter((p) => typeof p === 'string')).toHaveLength(20);
    expect(prices.filter((p) => typeof p === 'number')).toHaveLength(100);
    expect(new Set(prices.filter((p) => typeof p === 'string'))).toEqual(new Set(['39.00', '59.00']));
  });

  it('is integer when every number and every text is whole, number once one is not', async () => {
    expect(await jsonColumn([1, '2', 3])).toEqual({ column: { name: 'x', type: 'integer', typeSource: 'inferred' }, values: [1, '2', 3] });
    expect(await jsonColumn([1, '2.5', 3])).toMatchObject({ column: { type: 'number' }, values: [1, '2.5', 3] });
    expect(await jsonColumn([1.5, '2', null])).toMatchObject({ column: { type: 'number' }, values: [1.5, '2', null] });
    expect((await readSubscriptions()).columns.find((c) => c.name === 'seats')).toMatchObject({ type: 'integer' });
  });

  it('keeps a column that only holds numeric text a string column (an ID like "00123" is no number)', async () => {
    expect(await jsonColumn(['12.50', '9.99'])).toMatchObject({ column: { type: 'string' }, values: ['12.50', '9.99'] });
    expect((await readSubscriptions()).columns.find((c) => c.name === 'zip')).toMatchObject({ type: 'string' });
  });

  it('reads text as a number only where a CSV cell would be one: IDs, padding, words, dates and booleans make it string', async () => {
    for (const odd of ['00123', ' 5', '5 ', 'n/a', '', '2024-01-05', 'true', '9007199254740993', 'NaN']) {
      expect(await jsonColumn([1, '2', odd, 4])).toMatchObject({ column: { type: 'string' }, values: [1, '2', odd, 4] });
    }
  });

  it('still converts the text where source.types says so (the old workaround, which hides the text)', async () => {
    expect(await jsonColumn([1.5, '2.50'], { types: { x: 'number' } })).toMatchObject({ column: { type: 'number', typeSource: 'config' }, values: [1.5, 2.5] });
  });

  it('leaves CSV alone: every cell is text there, and a number column holds numbers', async () => {
    const file = dir.write('prices.csv', 'id,x\n1,7.99\n2,"12.50"\n3,59\n');
    const result = await readSample(csvSource(file), sampling());
    expect(result.columns[1]).toMatchObject({ type: 'number' });
    expect(result.rows.map((row) => row.values.x)).toEqual([7.99, 12.5, 59]);
  });
});
