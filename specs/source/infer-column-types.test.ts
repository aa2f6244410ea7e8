import { readSample } from '../../harness/source';
import { inferJsonType, inferTextType, widenType } from '../../harness/source/infer-column-types';
import { createTempDir, csvSource, jsonlSource, sampling, type TempDir } from './source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

let files = 0;
const write = (content: string, extension = 'csv'): string => dir.write(`types${(files += 1)}.${extension}`, content);

/** Reads a one-column CSV holding `cells` (after the header `x`) and returns the column type and values. */
async function column(cells: string[], overrides: Parameters<typeof csvSource>[1] = {}) {
  const file = write(`id,x\n${cells.map((cell, i) => `${i + 1},${cell}`).join('\n')}\n`);
  const result = await readSample(csvSource(file, overrides), sampling());
  return { column: result.columns[1]!, values: result.rows.map((row) => row.values.x) };
}

describe('inferTextType', () => {
  it.each([
    ['0', 'integer'],
    ['-12', 'integer'],
    ['+7', 'integer'],
    ['9007199254740991', 'integer'],
    ['9007199254740993', 'string'],
    ['123456789012345678901234567890', 'string'],
    ['00123', 'string'],
    ['-007', 'string'],
    ['1.5', 'number'],
    ['-0.25', 'number'],
    ['.5', 'number'],
    ['1e3', 'number'],
    ['6.02E-23', 'number'],
    ['1e999', 'string'],
    ['01.5', 'string'],
    ['NaN', 'string'],
    ['Infinity', 'string'],
    ['true', 'boolean'],
    ['FALSE', 'boolean'],
    ['True', 'boolean'],
    ['yes', 'string'],
    ['2024-01-05', 'date'],
    ['2024-01-05T10:00', 'date'],
    ['2024-01-05T10:00:00Z', 'date'],
    ['2024-01-05 10:00:00.123+01:00', 'date'],
    ['2024-01-05T10:00:00.5-0530', 'date'],
    ['2024-13-01', 'string'],
    ['2024-01-05T25:00:00', 'string'],
    [' 5', 'string'],
    ['5 ', 'string'],
    ['-', 'string'],
    ['abc', 'string'],
  ])('%j is %s', (text, type) => {
    expect(inferTextType(text)).toBe(type);
  });
});

describe('widenType', () => {
  it('promotes integer to number, and anything else that disagrees to string', () => {
    expect(widenType(null, 'integer')).toBe('integer');
    expect(widenType('integer', 'number')).toBe('number');
    expect(widenType('number', 'integer')).toBe('number');
    expect(widenType('integer', 'boolean')).toBe('string');
    expect(widenType('date', 'integer')).toBe('string');
    expect(widenType('json', 'string')).toBe('string');
    expect(widenType('string', 'integer')).toBe('string');
  });
});

describe('inferJsonType', () => {
  it('refines JSON types', () => {
    expect(inferJsonType(3)).toBe('integer');
    expect(inferJsonType(3.5)).toBe('number');
    expect(inferJsonType(1e300)).toBe('number');
    expect(inferJsonType(false)).toBe('boolean');
    expect(inferJsonType('2024-01-05')).toBe('date');
    expect(inferJsonType('hello')).toBe('string');
    expect(inferJsonType({ a: 1 })).toBe('json');
    expect(inferJsonType([1])).toBe('json');
  });
});

describe('type inference over a CSV column', () => {
  it('integers become numbers, and one decimal makes the column number', async () => {
    expect(await column(['1', '-2', '3'])).toEqual({ column: { name: 'x', type: 'integer', typeSource: 'inferred' }, values: [1, -2, 3] });
    expect((await column(['1', '2.5'])).values).toEqual([1, 2.5]);
  });

  it('leading zeros keep a column of IDs as strings, exactly as written', async () => {
    expect(await column(['00123', '123', '7'])).toMatchObject({ column: { type: 'string' }, values: ['00123', '123', '7'] });
  });

  it('an integer beyond 2^53 keeps the column as strings (no silent rounding)', async () => {
    expect(await column(['1', '9007199254740993'])).toMatchObject({ column: { type: 'string' }, values: ['1', '9007199254740993'] });
  });

  it('booleans in any case', async () => {
    expect(await column(['true', 'FALSE', 'True'])).toMatchObject({ column: { type: 'boolean' }, values: [true, false, true] });
  });

  it('dates and date-times stay text', async () => {
    const cells = ['2024-01-05', '2024-01-05T10:00:00Z'];
    expect(await column(cells)).toMatchObject({ column: { type: 'date' }, values: cells });
  });

  it('nulls are ignored; an all-null column is string', async () => {
    expect(await column(['', '4', ''])).toMatchObject({ column: { type: 'integer' }, values: [null, 4, null] });
    expect(await column(['', ''])).toMatchObject({ column: { type: 'string' }, values: [null, null] });
    expect(await column(['NA', '4'], { nullValues: ['NA'] })).toMatchObject({ column: { type: 'integer' }, values: [null, 4] });
  });

  it('mixed kinds fall back to string', async () => {
    expect(await column(['1', 'true'])).toMatchObject({ column: { type: 'string' }, values: ['1', 'true'] });
    expect(await column(['2024-01-05', '5'])).toMatchObject({ column: { type: 'string' } });
  });

  it('infers over every row read, not only the sampled ones', async () => {
    const cells = Array.from({ length: 500 }, (_, i) => String(i));
    cells.push('x');
    const file = write(`id,x\n${cells.map((cell, i) => `${i},${cell}`).join('\n')}\n`);
    const result = await readSample(csvSource(file), sampling({ method: 'reservoir', size: 3, seed: 4 }));
    expect(result.columns[1]!.type).toBe('string');
    expect(result.rows.every((row) => typeof row.values.x === 'string')).toBe(true);
  });
});

describe('configured types', () => {
  it('override inference and convert the values', async () => {
    expect(await column(['12345', '00501'], { types: { x: 'string' } })).toEqual({
      column: { name: 'x', type: 'string', typeSource: 'config' },
      values: ['12345', '00501'],
    });
    expect((await column(['007', '-3'], { types: { x: 'integer' } })).values).toEqual([7, -3]);
    expect((await column(['1', '2.5'], { types: { x: 'number' } })).values).toEqual([1, 2.5]);
    expect((await column(['TRUE', 'false'], { types: { x: 'boolean' } })).values).toEqual([true, false]);
    expect((await column(['"{""a"":[1]}"', ''], { types: { x: 'json' } })).values).toEqual([{ a: [1] }, null]);
    expect((await column(['2024-01-05'], { types: { x: 'date' } })).values).toEqual(['2024-01-05']);
  });

  it('reject values that do not convert, naming the column', async () => {
    for (const [cell, type] of [['1.5', 'integer'], ['9007199254740993', 'integer'], ['abc', 'number'], ['1', 'boolean'], ['05/01/2024', 'date'], ['{', 'json']] as const) {
      await expect(column([cell], { types: { x: type } })).rejects.toThrow(`:2:3: column "x": cannot convert ${JSON.stringify(cell)} to ${type}; check source.types.x`);
    }
  });
});

describe('type inference over JSON Lines', () => {
  it('follows JSON types, keeps values as JSON gives them, and unions the columns in first-seen order', async () => {
    const lines = [
      { id: 1, score: 1, ok: true, at: '2024-01-05', tags: ['a'], name: 'x' },
      { id: 2, score: 2.5, ok: false, at: '2024-01-06T00:00:00Z', tags: null, extra: 'e' },
      { id: 3, score: null, name: 4 },
    ];
    const file = write(lines.map((line) => JSON.stringify(line)).join('\n'), 'jsonl');
    const result = await readSample(jsonlSource(file), sampling());
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['score', 'number'],
      ['ok', 'boolean'],
      ['at', 'date'],
      ['tags', 'json'],
      ['name', 'string'],
      ['extra', 'string'],
    ]);
    expect(result.rows.map((row) => row.values)).toEqual(lines);
  });

  it('converts configured columns', async () => {
    const file = write('{"id":"7","n":3}\n{"id":"8","n":"4"}\n{"id":"9"}\n', 'jsonl');
    const result = await readSample(jsonlSource(file, { types: { id: 'integer', n: 'string' } }), sampling());
    expect(result.rows.map((row) => row.values)).toEqual([{ id: 7, n: '3' }, { id: 8, n: '4' }, { id: 9 }]);
    expect(result.columns.every((c) => c.typeSource === 'config')).toBe(true);
  });
});
