import { readSample } from '../../harness/source';
import { createTempDir, csvSource, sampling, type TempDir } from './source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

let files = 0;
const readAll = (content: string | Buffer, overrides: Parameters<typeof csvSource>[1] = {}) =>
  readSample(csvSource(dir.write(`t${(files += 1)}.csv`, content), overrides), sampling());

describe('reading CSV', () => {
  it('reads quoted fields holding delimiters, doubled quotes and newlines', async () => {
    const result = await readAll('id,text\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,plain\n', { types: { id: 'string' } });
    expect(result.rows.map((row) => row.values.text)).toEqual(['a, b', 'say "hi"', 'two\nlines', 'plain']);
  });

  it('numbers each row by the line where its record starts, across embedded newlines and blank lines', async () => {
    const text = ['\n', 'id,note\n', '1,"x\ny\nz"\n', '\n', '\n', '2,b\n', '3,"\n"\n', '4,d'].join('');
    const result = await readAll(text);
    expect(result.rows.map((row) => [row.key, row.line])).toEqual([
      ['1', 3],
      ['2', 8],
      ['3', 9],
      ['4', 11],
    ]);
  });

  it('accepts CRLF line endings (also inside quoted fields) and a UTF-8 BOM', async () => {
    const text = '\uFEFFid,note\r\n1,"a\r\nb"\r\n2,c\r\n\r\n3,d\r\n';
    const result = await readAll(text);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'note']);
    expect(result.rows.map((row) => [row.line, row.values])).toEqual([
      [2, { id: 1, note: 'a\r\nb' }],
      [4, { id: 2, note: 'c' }],
      [6, { id: 3, note: 'd' }],
    ]);
  });

  it('uses the configured delimiter', async () => {
    const result = await readAll('a;b\n1;"x;y"\n', { delimiter: ';' });
    expect(result.rows[0]!.values).toEqual({ a: 1, b: 'x;y' });
  });

  it('keeps values exactly as written: padded strings are not trimmed', async () => {
    const result = await readAll('id,name\n1, Ann \n2,"  Bob"\n');
    expect(result.rows.map((row) => row.values.name)).toEqual([' Ann ', '  Bob']);
  });

  it('keeps a quote inside an unquoted field as text', async () => {
    const result = await readAll('id,size\n1,5" screen\n');
    expect(result.rows[0]!.values.size).toBe('5" screen');
  });

  it('reads cells equal to a null value as null (exact match, default: empty)', async () => {
    const byDefault = await readAll('a,b\n1,\n,x\n');
    expect(byDefault.rows.map((row) => row.values)).toEqual([
      { a: 1, b: null },
      { a: null, b: 'x' },
    ]);
    const configured = await readAll('a,b\nNA,\n2,na\n', { nullValues: ['NA'] });
    expect(configured.rows.map((row) => row.values)).toEqual([
      { a: null, b: '' },
      { a: 2, b: 'na' },
    ]);
  });

  it('keys rows by the key columns joined with |, and by record number without a key', async () => {
    const text = 'shop,sku,qty\ns1,a,1\ns1,b,2\n';
    expect((await readAll(text, { key: ['shop', 'sku'] })).rows.map((row) => row.key)).toEqual(['s1|a', 's1|b']);
    expect((await readAll(text)).rows.map((row) => row.key)).toEqual(['1', '2']);
  });

  it('suffixes keys that repeat within the sample with #2, #3 in file order', async () => {
    const result = await readAll('id,v\n7,a\n8,b\n7,c\n7,d\n', { key: ['id'] });
    expect(result.rows.map((row) => [row.key, row.values.v])).toEqual([
      ['7', 'a'],
      ['8', 'b'],
      ['7#2', 'c'],
      ['7#3', 'd'],
    ]);
  });

  it('keeps the label column in the values', async () => {
    const result = await readAll('id,y\n1,0\n', { key: ['id'], label: 'y' });
    expect(result.rows[0]!.values).toEqual({ id: 1, y: 0 });
  });

  it('reports columns, rows read and no strata outside stratified sampling', async () => {
    const result = await readAll('a,b\n1,x\n2,y\n');
    expect(result).toMatchObject({ rowsRead: 2, badRows: [], badRowCount: 0, strata: null });
    expect(result.columns).toEqual([
      { name: 'a', type: 'integer', typeSource: 'inferred' },
      { name: 'b', type: 'string', typeSource: 'inferred' },
    ]);
  });

  it('adds a column named __proto__ as a column, not as the prototype', async () => {
    const result = await readAll('__proto__,b\n1,2\n');
    const values = result.rows[0]!.values;
    expect(Object.keys(values)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});
