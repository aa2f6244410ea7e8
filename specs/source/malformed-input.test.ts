import { SourceError } from '../../harness/errors/source-error';
import { readSample } from '../../harness/source';
import type { SampleOptions, SourceOptions } from '../../harness/source/source-options';
import { createTempDir, csvSource, jsonlSource, rejection, sampling, type TempDir } from './source-fixtures';

let dir: TempDir;
beforeAll(() => {
  dir = createTempDir();
});
afterAll(() => dir.remove());

let files = 0;
function fileWith(content: string | Buffer, extension = 'csv'): string {
  files += 1;
  return dir.write(`bad${files}.${extension}`, content);
}

/** The message `readSample` fails with, checked to be a one-line SourceError. */
async function failure(source: SourceOptions, sample: SampleOptions = sampling()): Promise<string> {
  const error = await rejection(readSample(source, sample));
  expect(error).toBeInstanceOf(SourceError);
  expect(error.message).not.toContain('\n');
  return error.message;
}

describe('malformed input: the error names the file and the line', () => {
  it('a missing file', async () => {
    const file = dir.path('nowhere.csv');
    expect(await failure(csvSource(file))).toBe(`${file}: file not found`);
  });

  it('a directory instead of a file', async () => {
    const file = dir.path('');
    expect(await failure(csvSource(file))).toBe(`${file}: is a directory, not a file`);
  });

  it('an empty file (also: only blank lines)', async () => {
    const empty = fileWith('');
    expect(await failure(csvSource(empty))).toBe(`${empty}: file is empty`);
    const blank = fileWith('\n\r\n\n');
    expect(await failure(csvSource(blank))).toBe(`${blank}: file is empty`);
    const jsonl = fileWith('\n  \n', 'jsonl');
    expect(await failure(jsonlSource(jsonl))).toBe(`${jsonl}: file is empty`);
  });

  it('a header without data rows', async () => {
    const file = fileWith('a,b\n\n');
    expect(await failure(csvSource(file))).toBe(`${file}: header but no data rows`);
  });

  it('duplicate column names, naming both positions', async () => {
    const file = fileWith('a,b,a\n1,2,3\n');
    expect(await failure(csvSource(file))).toBe(`${file}:1: duplicate column "a" (columns 1 and 3)`);
  });

  it('a ragged row, with more or fewer fields than the header', async () => {
    const more = fileWith('a,b,c,d\n1,2,3,4\n1,2,3,4,5\n');
    expect(await failure(csvSource(more))).toBe(`${more}:3: row has 5 fields, header has 4`);
    const fewer = fileWith('a,b\n1,2\n"multi\nline",2\n3\n');
    expect(await failure(csvSource(fewer))).toBe(`${fewer}:5: row has 1 field, header has 2`);
  });

  it('an unclosed quote, at the line where the quoted field starts', async () => {
    const file = fileWith('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(await failure(csvSource(file))).toBe(`${file}:3: unclosed quote: the quoted field starting on this line never ends`);
  });

  it('invalid UTF-8, in CSV and in JSON Lines', async () => {
    const csv = fileWith(Buffer.concat([Buffer.from('a,b\n1,2\n3,caf'), Buffer.from([0xe9]), Buffer.from('\n5,6\n')]));
    expect(await failure(csvSource(csv))).toBe(`${csv}:3: invalid UTF-8 (the file must be UTF-8 encoded)`);
    const jsonl = fileWith(Buffer.concat([Buffer.from('{"a":1}\n\n{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]), 'jsonl');
    expect(await failure(jsonlSource(jsonl))).toBe(`${jsonl}:3: invalid UTF-8 (the file must be UTF-8 encoded)`);
  });

  it('an invalid JSON line, at its line and column', async () => {
    const file = fileWith('{"a":1}\n{"a":\n', 'jsonl');
    expect(await failure(jsonlSource(file))).toBe(`${file}:2:6: invalid JSON: Unexpected end of JSON input`);
  });

  it('a JSON line that is not an object', async () => {
    const file = fileWith('{"a":1}\n[1,2]\n', 'jsonl');
    expect(await failure(jsonlSource(file))).toBe(`${file}:2: expected a JSON object, got an array`);
    const scalar = fileWith('{"a":1}\n\n"text"\n', 'jsonl');
    expect(await failure(jsonlSource(scalar))).toBe(`${scalar}:3: expected a JSON object, got a string`);
  });

  it('a key, label, stratify or typed column that is not in the header, naming the config setting', async () => {
    const file = fileWith('a,b\n1,2\n');
    const missing = (role: string, name: string, setting: string): string =>
      `${file}:1: ${role} column "${name}" is not in the header (columns: "a", "b"); check ${setting}`;
    expect(await failure(csvSource(file, { key: ['a', 'id'] }))).toBe(missing('key', 'id', 'source.key'));
    expect(await failure(csvSource(file, { label: 'y' }))).toBe(missing('label', 'y', 'source.label'));
    expect(await failure(csvSource(file), sampling({ method: 'stratified', size: 1, stratifyBy: 's' }))).toBe(missing('stratify', 's', 'sample.stratifyBy'));
    expect(await failure(csvSource(file, { types: { c: 'integer' } }))).toBe(
      `${file}:1: column "c" (in types) is not in the header (columns: "a", "b"); check source.types.c`,
    );
  });

  it('a misspelt configured column, with the likely intended one (case only, for short names)', async () => {
    const file = fileWith('customer_id,ID,b\n1,2,3\n');
    expect(await failure(csvSource(file, { key: ['customer_uuid'] }))).toBe(
      `${file}:1: key column "customer_uuid" is not in the header (did you mean "customer_id"? columns: "customer_id", "ID", "b"); check source.key`,
    );
    expect(await failure(csvSource(file, { label: 'id' }))).toMatch(/\(did you mean "ID"\? columns: /);
    expect(await failure(csvSource(file, { label: 'c' }))).toMatch(/is not in the header \(columns: /);
  });

  it('a key column that no JSON line has', async () => {
    const file = fileWith('{"a":1}\n{"a":2}\n', 'jsonl');
    expect(await failure(jsonlSource(file, { key: ['id'], onBadRow: 'skip' }))).toBe(`${file}: key column "id" is not in any row; check source.key`);
    expect(await failure(jsonlSource(file, { label: 'y' }))).toBe(`${file}: label column "y" is not in any row (columns: "a"); check source.label`);
  });

  it('an empty key value', async () => {
    const csv = fileWith('id,v\n1,a\n,b\n');
    expect(await failure(csvSource(csv, { key: ['id'] }))).toBe(`${csv}:3:1: key column "id" is empty`);
    const jsonl = fileWith('{"id":1}\n{"id":""}\n{"v":2}\n', 'jsonl');
    expect(await failure(jsonlSource(jsonl, { key: ['id'] }))).toBe(`${jsonl}:2:7: key column "id" is empty`);
    expect(await failure(jsonlSource(jsonl, { key: ['id'], types: { id: 'string' }, onBadRow: 'error' }))).toBe(
      `${jsonl}:2:7: key column "id" is empty`,
    );
  });

  it('a value that does not convert to its configured type, at its line and column, naming the type setting', async () => {
    const csv = fileWith('id,age\n1,42\n2,forty\n');
    expect(await failure(csvSource(csv, { types: { age: 'integer' } }))).toBe(`${csv}:3:3: column "age": cannot convert "forty" to integer; check source.types.age`);
    // Delimiters inside quoted cells (and doubled quotes) do not count.
    const quoted = fileWith('name,note,age\n"Doe, J.","say ""a,b""",forty\n');
    expect(await failure(csvSource(quoted, { types: { age: 'integer' } }))).toBe(`${quoted}:2:25: column "age": cannot convert "forty" to integer; check source.types.age`);
    // A character outside the BMP counts once, as editors count it.
    const wide = fileWith('id;age\n😀;x\n');
    expect(await failure(csvSource(wide, { delimiter: ';', types: { age: 'integer' } }))).toBe(`${wide}:2:3: column "age": cannot convert "x" to integer; check source.types.age`);
    // The top-level property, not a nested one of the same name.
    const jsonl = fileWith('{"id":1,"ok":true}\n{"id":2,"meta":{"ok":1},"ok": "maybe"}\n', 'jsonl');
    expect(await failure(jsonlSource(jsonl, { types: { ok: 'boolean' } }))).toBe(`${jsonl}:2:31: column "ok": cannot convert "maybe" to boolean; check source.types.ok`);
  });

  it('more strata than the cap', async () => {
    const rows = Array.from({ length: 1002 }, (_, i) => `${i},v${i}`);
    const file = fileWith(`id,s\n${rows.join('\n')}\n`);
    const message = await failure(csvSource(file), sampling({ method: 'stratified', size: 10, stratifyBy: 's' }));
    expect(message).toBe(`${file}:1002: stratify column "s" has more than 1000 distinct values (too many strata); check sample.stratifyBy`);
  });
});

describe("onBadRow: 'skip'", () => {
  it('skips, counts and lists ragged rows, empty keys and unconvertible values', async () => {
    const file = fileWith('id,n\n1,1\n2,2,2\n,3\n4,x\n5,5\n');
    const result = await readSample(csvSource(file, { key: ['id'], types: { n: 'integer' }, onBadRow: 'skip' }), sampling());
    expect(result.rows.map((row) => row.key)).toEqual(['1', '5']);
    expect(result.rowsRead).toBe(5);
    expect(result.badRowCount).toBe(3);
    expect(result.badRows).toEqual([
      { line: 3, message: 'row has 3 fields, header has 2' },
      { line: 4, message: 'key column "id" is empty (column 1)' },
      { line: 5, message: 'column "n": cannot convert "x" to integer (column 3)' },
    ]);
  });

  it('skips invalid and non-object JSON lines, and bad rows do not shape the inferred types', async () => {
    const file = fileWith('{"id":1,"n":1}\n{"id":2,\n7\n{"id":3,"n":2}\n', 'jsonl');
    const result = await readSample(jsonlSource(file, { onBadRow: 'skip' }), sampling());
    expect(result.rows.map((row) => row.values)).toEqual([
      { id: 1, n: 1 },
      { id: 3, n: 2 },
    ]);
    expect(result.rows.map((row) => row.key)).toEqual(['1', '4']);
    expect(result.badRows.map((bad) => bad.line)).toEqual([2, 3]);
    expect(result.columns.map((c) => c.type)).toEqual(['integer', 'integer']);
  });

  it('lists the first 100 bad rows and counts all of them', async () => {
    const lines = Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? `${i},ok` : `${i},too,many`));
    const file = fileWith(`id,v\n${lines.join('\n')}\n`);
    const result = await readSample(csvSource(file, { onBadRow: 'skip' }), sampling());
    expect(result.badRowCount).toBe(125);
    expect(result.badRows).toHaveLength(100);
    expect(result.badRows[0]).toEqual({ line: 3, message: 'row has 3 fields, header has 2' });
    expect(result.rows).toHaveLength(125);
  });

  it('still fails on problems with the file as a whole', async () => {
    const skip = { onBadRow: 'skip' } as const;
    const utf8 = fileWith(Buffer.concat([Buffer.from('a\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expect(await failure(csvSource(utf8, skip))).toBe(`${utf8}:2: invalid UTF-8 (the file must be UTF-8 encoded)`);
    const quote = fileWith('a,b\n1,"2\n');
    expect(await failure(csvSource(quote, skip))).toBe(`${quote}:2: unclosed quote: the quoted field starting on this line never ends`);
    const duplicate = fileWith('a,a\n1,2\n');
    expect(await failure(csvSource(duplicate, skip))).toBe(`${duplicate}:1: duplicate column "a" (columns 1 and 2)`);
    const headerOnly = fileWith('a,b\n');
    expect(await failure(csvSource(headerOnly, skip))).toBe(`${headerOnly}: header but no data rows`);
    const noKey = fileWith('a,b\n1,2\n');
    expect(await failure(csvSource(noKey, { ...skip, key: ['id'] }))).toMatch(/:1: key column "id" is not in the header/);
  });
});
