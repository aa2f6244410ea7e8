import { readSample } from '../../harness/source';
import { createTempDir, jsonlSource, sampling, type TempDir } from './source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

let files = 0;
const read = (content: string | Buffer, overrides: Parameters<typeof jsonlSource>[1] = {}) =>
  readSample(jsonlSource(dir.write(`j${(files += 1)}.jsonl`, content), overrides), sampling());

describe('reading JSON Lines', () => {
  it('reads one object per line, ignoring blank lines, with CRLF and a BOM', async () => {
    const result = await read('\uFEFF{"id":"a","v":1}\r\n\r\n   \n{"id":"b","v":2}\r\n{"id":"c"}', { key: ['id'] });
    expect(result.rows.map((row) => [row.key, row.line, row.values])).toEqual([
      ['a', 1, { id: 'a', v: 1 }],
      ['b', 4, { id: 'b', v: 2 }],
      ['c', 5, { id: 'c' }],
    ]);
  });

  it('keys by the key columns as text (JSON for non-strings) and counts records for keyless rows', async () => {
    const text = '{"k":1,"j":true}\n{"k":"x","j":{"a":1}}\n';
    expect((await read(text, { key: ['k', 'j'] })).rows.map((row) => row.key)).toEqual(['1|true', 'x|{"a":1}']);
    expect((await read(`\n${text}`)).rows.map((row) => row.key)).toEqual(['1', '2']);
  });

  it('reads lines longer than a read chunk, and multi-byte characters across chunks', async () => {
    const long = 'é'.repeat(100_000);
    const result = await read(`{"id":1,"s":"${long}"}\n{"id":2,"s":"€"}\n`, { key: ['id'] });
    expect(result.rows.map((row) => row.values.s)).toEqual([long, '€']);
    expect(result.rows[1]!.line).toBe(2);
  });

  it('treats a missing key column as an empty key', async () => {
    const result = await read('{"id":1}\n{"other":2}\n', { key: ['id'], onBadRow: 'skip' });
    expect(result.badRows).toEqual([{ line: 2, message: 'key column "id" is missing' }]);
    expect(result.columns.map((c) => c.name)).toEqual(['id']);
  });

  it('a key column misspelt in the config: the record has a near name, and the error names it and source.key', async () => {
    const error = await read('{"customer_id":"c1","age":3}\n', { key: ['customerid'] }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/:1: key column "customerid" is missing \(did you mean "customer_id"\?\); check source\.key$/);
    // Once a record had the key, one without it is that record's problem: no guess, no config path.
    const later = await read('{"user_id":"u1"}\n{"user_ip":"1.2.3.4"}\n', { key: ['user_id'], onBadRow: 'skip' });
    expect(later.badRows).toEqual([{ line: 2, message: 'key column "user_id" is missing' }]);
  });

  it('keeps a property named __proto__ as data', async () => {
    const result = await read('{"__proto__":{"x":1},"id":1}\n');
    expect(Object.keys(result.rows[0]!.values)).toEqual(['__proto__', 'id']);
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ['__proto__', 'json'],
      ['id', 'integer'],
    ]);
  });
});
