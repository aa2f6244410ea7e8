import { gzipSync } from 'node:zlib';

import { SourceError } from '../../harness/errors/source-error';
import { readSample } from '../../harness/source';
import { formatFromPath } from '../../harness/source/source-format';
import type { ReadSampleOptions } from '../../harness/source/read-sample';
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
  return dir.write(`data${files}.${extension}`, content);
}

/** The message `readSample` fails with, checked to be a one-line SourceError. */
async function failure(source: SourceOptions, sample: SampleOptions = sampling(), options: ReadSampleOptions = {}): Promise<string> {
  const error = await rejection(readSample(source, sample, options));
  expect(error).toBeInstanceOf(SourceError);
  expect(error.message).not.toContain('\n');
  return error.message;
}

const CSV = 'id,x\n1,a\n2,b\n';

describe('files that are not UTF-8 text: the error says what the file is', () => {
  it('gzip is read transparently, CSV and JSON Lines, whatever the name', async () => {
    const csv = fileWith(gzipSync(CSV), 'csv.gz');
    const { rows } = await readSample(csvSource(csv, { key: ['id'] }), sampling());
    expect(rows.map((r) => r.values)).toEqual([{ id: 1, x: 'a' }, { id: 2, x: 'b' }]);
    const misnamed = fileWith(gzipSync(CSV), 'csv');
    expect((await readSample(csvSource(misnamed), sampling())).rowsRead).toBe(2);
    const jsonl = fileWith(gzipSync('{"id":1}\n{"id":2}\n'), 'jsonl.gz');
    expect((await readSample(jsonlSource(jsonl), sampling())).rowsRead).toBe(2);
    expect(formatFromPath('/d/train.jsonl.gz')).toBe('jsonl');
    expect(formatFromPath('/d/train.ndjson')).toBe('jsonl');
    expect(formatFromPath('/d/train.csv.gz')).toBe('csv');
  });

  it('a large gzip file streams through in many chunks', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `${i},${(i * 7919) % 1000}`);
    const file = fileWith(gzipSync(`id,x\n${lines.join('\n')}\n`), 'csv.gz');
    const result = await readSample(csvSource(file), sampling({ method: 'reservoir', size: 10 }));
    expect(result.rowsRead).toBe(50_000);
  });

  it('a truncated or corrupt gzip file', async () => {
    const whole = gzipSync(CSV.repeat(50));
    const truncated = fileWith(whole.subarray(0, whole.length - 12), 'csv.gz');
    expect(await failure(csvSource(truncated))).toBe(`${truncated}: file is gzip-compressed but its data is truncated or corrupt (unexpected end of file)`);
    const corrupt = Buffer.from(whole);
    corrupt.fill(0xff, 10, 30);
    const file = fileWith(corrupt, 'csv.gz');
    expect(await failure(csvSource(file))).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}: file is gzip-compressed but its data is truncated or corrupt \\(.+\\)$`));
  });

  it('ZIP, Excel, Parquet and other compressions are named, with what to do', async () => {
    const zip = fileWith(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('data.csv')]), 'zip');
    expect(await failure(csvSource(zip))).toBe(
      `${zip}: file is a ZIP archive: extract the CSV or JSON Lines file (unzip) and point to it, or compress it with gzip instead, which is read directly`,
    );
    const xlsx = fileWith(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('xl/workbook.xml')]), 'csv');
    expect(await failure(csvSource(xlsx))).toMatch(/: file is an Excel workbook \(\.xlsx\): skew-harness reads CSV and JSON Lines: export it as CSV or JSON Lines/);
    const parquet = fileWith(Buffer.from('PAR1\x15\x04\x15'), 'csv');
    expect(await failure(csvSource(parquet))).toMatch(/: file is a Parquet file: skew-harness reads CSV and JSON Lines/);
    const bzip = fileWith(Buffer.from('BZh91AY&SY'), 'csv');
    expect(await failure(csvSource(bzip))).toBe(`${bzip}: file is bzip2-compressed: decompress it (bunzip2) or compress it with gzip instead, which is read directly`);
  });

  it('what a gzip stream holds is named too: a ZIP inside, or gzip twice', async () => {
    const zipInside = fileWith(gzipSync(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('data.csv')])), 'csv.gz');
    expect(await failure(csvSource(zipInside), sampling(), { pathSetting: 'source.path' })).toBe(
      `${zipInside}: file is gzip-compressed and, decompressed, is a ZIP archive: extract the CSV or JSON Lines file (unzip) and point to it, or compress it with gzip instead, which is read directly; check source.path`,
    );
    const twice = fileWith(gzipSync(gzipSync(CSV)), 'jsonl.gz');
    expect(await failure(jsonlSource(twice))).toBe(`${twice}: file is gzip-compressed twice: decompress it once (gunzip), and it is read directly`);
  });

  it('names the config setting of the path, when given one, for errors about the file itself', async () => {
    const parquet = fileWith(Buffer.from('PAR1'), 'csv');
    expect(await failure(csvSource(parquet), sampling(), { pathSetting: 'source.path' })).toMatch(/; check source\.path$/);
    expect(await failure(csvSource(dir.path('nowhere.csv')), sampling(), { pathSetting: 'source.path' })).toBe(
      `${dir.path('nowhere.csv')}: file not found; check source.path`,
    );
    expect(await failure(csvSource(dir.path('')), sampling(), { pathSetting: 'source.path' })).toBe(`${dir.path('')}: is a directory, not a file; check source.path`);
    // A problem in the data is not fixed in the config.
    const ragged = fileWith('a,b\n1\n');
    expect(await failure(csvSource(ragged), sampling(), { pathSetting: 'source.path' })).toBe(`${ragged}:2: row has 1 field, header has 2`);
  });

  it('UTF-16 and UTF-32, with or without a byte-order mark', async () => {
    const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
    const withBom = fileWith(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(CSV)]));
    expect(await failure(csvSource(withBom))).toBe(`${withBom}: file is UTF-16 (little-endian) encoded: save it as UTF-8`);
    const bigEndian = utf16le(CSV).swap16();
    const be = fileWith(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]));
    expect(await failure(csvSource(be))).toBe(`${be}: file is UTF-16 (big-endian) encoded: save it as UTF-8`);
    const noBom = fileWith(utf16le(CSV), 'jsonl');
    expect(await failure(jsonlSource(noBom))).toBe(`${noBom}: file is UTF-16 (little-endian, no byte-order mark) encoded: save it as UTF-8`);
    const noBomBe = fileWith(Buffer.from(bigEndian));
    expect(await failure(csvSource(noBomBe))).toBe(`${noBomBe}: file is UTF-16 (big-endian, no byte-order mark) encoded: save it as UTF-8`);
    const utf32 = fileWith(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]));
    expect(await failure(csvSource(utf32))).toBe(`${utf32}: file is UTF-32 (little-endian) encoded: save it as UTF-8`);
  });

  it('a UTF-8 byte-order mark is accepted', async () => {
    const file = fileWith(`\uFEFF${CSV}`);
    const { columns } = await readSample(csvSource(file), sampling());
    expect(columns.map((c) => c.name)).toEqual(['id', 'x']);
  });

  it('a NUL byte, at its line and column (in characters), in CSV and JSON Lines', async () => {
    const csv = fileWith('id,x\n1,a\n2,né\0b\n');
    expect(await failure(csvSource(csv))).toBe(`${csv}:3:5: contains a NUL byte — is this a binary file?`);
    const jsonl = fileWith('{"a":1}\n\0{"a":2}\n', 'jsonl');
    expect(await failure(jsonlSource(jsonl))).toBe(`${jsonl}:2:1: contains a NUL byte — is this a binary file?`);
    // Far into a long line, past the first chunk.
    const long = fileWith(`id,x\n1,${'y'.repeat(200_000)}\0\n`);
    expect(await failure(csvSource(long))).toBe(`${long}:2:200003: contains a NUL byte — is this a binary file?`);
  });
});

describe('CSV headers and quotes', () => {
  it('a column without a name is an error naming its position', async () => {
    const file = fileWith('id,,x\n1,2,3\n');
    expect(await failure(csvSource(file))).toBe(`${file}:1: column 2 of the header has no name: name it (every column is sent to the pipelines by name)`);
    const blank = fileWith('id, ,x\n1,2,3\n');
    expect(await failure(csvSource(blank))).toBe(`${blank}:1: column 2 of the header has a blank name (" "): name it (every column is sent to the pipelines by name)`);
  });

  it('an unnamed last column (a trailing delimiter on every line) is left out while empty, a value in it is a bad row', async () => {
    const trailing = fileWith('id,x,\n1,a,\n2,b,\n');
    const result = await readSample(csvSource(trailing), sampling());
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'x']);
    expect(result.rows.map((r) => r.values)).toEqual([{ id: 1, x: 'a' }, { id: 2, x: 'b' }]);
    const filled = fileWith('id,x,\n1,a,\n2,b,oops\n');
    expect(await failure(csvSource(filled))).toBe(`${filled}:3:5: value "oops" in column 3, which has no name in the header`);
  });

  it('duplicate column names name both positions', async () => {
    const file = fileWith('id,x,y,x\n1,2,3,4\n');
    expect(await failure(csvSource(file))).toBe(`${file}:1: duplicate column "x" (columns 2 and 4)`);
  });

  it('an unclosed quote closed by a quote lines later is named as such, at the line where it starts', async () => {
    const file = fileWith('id,x,y,z\n1,"abc,0,2\n2,3,1,"3"\n3,4,1,4\n');
    expect(await failure(csvSource(file))).toBe(
      `${file}:2: unclosed quote: the quoted field starting on this line runs on to line 3, leaving a row of 2 fields where the header has 4`,
    );
    const never = fileWith('id,x\n1,a\n2,"b\n3,c\n');
    expect(await failure(csvSource(never))).toBe(`${never}:3: unclosed quote: the quoted field starting on this line never ends`);
  });

  it('a well-formed multi-line field is read as one', async () => {
    const file = fileWith('id,address\n1,"12 Main St\nSpringfield, IL"\n2,x\n');
    const { rows } = await readSample(csvSource(file), sampling());
    expect(rows.map((r) => [r.line, r.values['address']])).toEqual([
      [2, '12 Main St\nSpringfield, IL'],
      [4, 'x'],
    ]);
  });
});

describe('a file read in the wrong format or with the wrong delimiter: the setting to fix, not a missing column', () => {
  const config: ReadSampleOptions = { pathSetting: 'source.path' };

  it('JSON Lines read as CSV', async () => {
    const file = fileWith('{"id":"c1","x":1}\n{"id":"c2","x":2}\n');
    expect(await failure(csvSource(file, { key: ['id'] }), sampling(), config)).toBe(
      `${file}:1: the header starts with "{": the file looks like JSON Lines, not CSV (name it .jsonl, or set format: 'jsonl'); check source.format`,
    );
  });

  it('a header read as one column that holds another common delimiter', async () => {
    const semicolons = fileWith('id;x;y\n1;2;3\n');
    expect(await failure(csvSource(semicolons, { key: ['id'] }), sampling(), config)).toBe(
      `${semicolons}:1: the header is one column, "id;x;y", read with delimiter ",": the file looks semicolon-separated (delimiter ";"); check source.delimiter`,
    );
    const commas = fileWith(CSV);
    expect(await failure(csvSource(commas, { delimiter: '\t' }), sampling(), config)).toBe(
      `${commas}:1: the header is one column, "id,x", read with delimiter "\\t": the file looks comma-separated (delimiter ","); check source.delimiter`,
    );
    // Without a config (skew drift), the same line without the setting.
    const tabs = fileWith('id\tx\n1\t2\n');
    expect(await failure(csvSource(tabs))).toBe(`${tabs}:1: the header is one column, "id\\tx", read with delimiter ",": the file looks tab-separated (delimiter "\\t")`);
  });

  it('a one-column file without another delimiter in its header is read', async () => {
    const file = fileWith('id\n1\n2\n');
    expect((await readSample(csvSource(file), sampling())).rowsRead).toBe(2);
  });

  it('CSV read as JSON Lines: the first line does not even start like JSON', async () => {
    const file = fileWith(CSV, 'jsonl');
    expect(await failure(jsonlSource(file, { onBadRow: 'skip' }), sampling(), config)).toBe(
      `${file}:1: the first line is not JSON: the file looks like CSV, not JSON Lines; check source.format`,
    );
    // A first line that starts like JSON is a bad row like any other.
    const broken = fileWith('{"id":1,}\n{"id":2}\n', 'jsonl');
    expect((await readSample(jsonlSource(broken, { onBadRow: 'skip' }), sampling(), config)).badRowCount).toBe(1);
  });
});

describe('JSON Lines', () => {
  it('a syntax error at its line and column, also where V8 gives no position', async () => {
    const file = fileWith('{"a":1}\n\n{"a":1, "b":x}\n', 'jsonl');
    expect(await failure(jsonlSource(file))).toBe(`${file}:3:13: invalid JSON: Unexpected token 'x'`);
    const missingComma = fileWith('{"a":"é😀" "b":2}\n', 'jsonl');
    expect(await failure(jsonlSource(missingComma))).toBe(`${missingComma}:1:11: invalid JSON: Expected ',' or '}' after property value`);
  });

  it('a repeated key, at its line and column, at any depth', async () => {
    const file = fileWith('{"a":1,"ts":"12:00"}\n{"a":1, "b":2, "a":3}\n', 'jsonl');
    expect(await failure(jsonlSource(file))).toBe(`${file}:2:16: duplicate key "a" in an object (JSON.parse would keep only the last value)`);
    const nested = fileWith('{"a":{"k":1,"k":2}}\n', 'jsonl');
    expect(await failure(jsonlSource(nested))).toBe(`${nested}:1:13: duplicate key "k" in an object (JSON.parse would keep only the last value)`);
    const escaped = fileWith('{"k":1,"\\u006b":2}\n', 'jsonl');
    expect(await failure(jsonlSource(escaped))).toMatch(/:1:8: duplicate key "k"/);
  });

  it('keys repeated only across objects, or colons inside strings, are fine', async () => {
    const file = fileWith('{"a":{"k":1},"b":{"k":2},"t":"12:00:00","u":"http://x"}\n', 'jsonl');
    expect((await readSample(jsonlSource(file), sampling())).rowsRead).toBe(1);
  });

  it('a property with an empty name makes the row bad', async () => {
    const file = fileWith('{"id":1,"x":2}\n{"id":2,"":3}\n', 'jsonl');
    expect(await failure(jsonlSource(file))).toBe(`${file}:2: a property has an empty name ("")`);
    const skipped = await readSample(jsonlSource(file, { onBadRow: 'skip' }), sampling());
    expect(skipped.badRows).toEqual([{ line: 2, message: 'a property has an empty name ("")' }]);
  });

  it('skipped bad rows keep the column in their message', async () => {
    const file = fileWith('{"a":1}\n{"a":1,"a":2}\n', 'jsonl');
    const result = await readSample(jsonlSource(file, { onBadRow: 'skip' }), sampling());
    expect(result.badRows).toEqual([{ line: 2, message: 'duplicate key "a" in an object (JSON.parse would keep only the last value) (column 8)' }]);
  });
});
