import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { resolveConfig } from '../../../harness/config/resolve-config';
import { readSample, type SampleOptions, type SourceOptions } from '../../../harness/source';
import { loadDuckdb } from '../../../harness/source/duckdb/load-duckdb';

const dir = mkdtempSync(path.join(tmpdir(), 'skew-duckdb-'));
const at = (name: string) => path.join(dir, name);
let db: DuckDBConnection;

const source = (over: Partial<SourceOptions>): SourceOptions => ({
  path: at('t.parquet'), format: 'parquet', key: [], label: null, types: {}, nullValues: [''], delimiter: ',', onBadRow: 'error', ...over,
});
const sampling = (over: Partial<SampleOptions> = {}): SampleOptions => ({ method: 'all', size: 10, seed: 1, stratifyBy: null, ...over });
const failure = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: Error) => error.message);

beforeAll(async () => {
  db = await (await DuckDBInstance.create(':memory:')).connect();
  // 1,000 rows with a key, a 3-valued stratum and a value: written as CSV and as Parquet from the same rows.
  const rows = `SELECT 'K' || lpad(i::VARCHAR, 4, '0') AS id, ['a', 'b', 'c'][1 + i % 3] AS g, i * 0.5 AS x FROM range(1000) t(i)`;
  await db.run(`COPY (${rows}) TO '${at('same.parquet')}' (FORMAT parquet)`);
  await db.run(`COPY (${rows}) TO '${at('same.csv')}' (HEADER)`);
  await db.run(`COPY (SELECT * FROM (VALUES
      (9007199254740993::BIGINT, 1.50::DECIMAL(10,2), 12345678901234567.89::DECIMAL(20,2), 123456789012345678::DECIMAL(18,0),
       TIMESTAMPTZ '2024-03-31 02:30:00.25+02', TIMESTAMP '2024-03-01 10:00:00', DATE '2024-02-29', [1, 2, NULL], {'a': 1, 'b': ['x']}, MAP {'k': 1.5}, 42::BIGINT, NULL::VARCHAR),
      (-5, 0.10, 0.10, 7, TIMESTAMPTZ '1970-01-01 00:00:00+00', TIMESTAMP '2024-03-01 10:00:00.123456', DATE '1999-12-31', [], {'a': NULL, 'b': []}, MAP {}, NULL, 'x'))
    t(big, dec, wide, whole, tz, ts, d, list, obj, map, small, s)) TO '${at('types.parquet')}' (FORMAT parquet)`);
  await db.run(`COPY (SELECT i AS id, 2023 + i % 2 AS year, i * 10 AS v FROM range(6) t(i)) TO '${at('hive')}' (FORMAT parquet, PARTITION_BY (year))`);
  await db.run(`COPY (SELECT i AS id, 'n' || i AS name FROM range(4) t(i)) TO '${at('people.parquet')}' (FORMAT parquet)`);
  await db.run(`COPY (SELECT i AS id, i * 100 AS spend FROM range(2, 6) t(i)) TO '${at('spend.parquet')}' (FORMAT parquet)`);
  writeFileSync(at('corrupt.parquet'), 'PAR1 this is not parquet at all');
});
afterAll(() => {
  db.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('Parquet types map onto the harness types without loss', () => {
  it('integers past 2^53 as bigint, decimals exact, timestamps as ISO instants, lists / structs / maps as JSON', async () => {
    const { rows, columns } = await readSample(source({ path: at('types.parquet') }), sampling());
    expect(Object.fromEntries(columns.map((c) => [c.name, c.type]))).toEqual({
      big: 'integer', dec: 'number', wide: 'number', whole: 'integer', tz: 'date', ts: 'date', d: 'date', list: 'json', obj: 'json', map: 'json', small: 'integer', s: 'string',
    });
    expect(rows.map((r) => r.values)).toEqual([
      {
        big: 9007199254740993n, dec: 1.5, wide: '12345678901234567.89', whole: 123456789012345678n,
        tz: '2024-03-31T00:30:00.25Z', ts: '2024-03-01T10:00:00', d: '2024-02-29', list: [1, 2, null], obj: { a: 1, b: ['x'] }, map: { k: 1.5 }, small: 42, s: null,
      },
      { big: -5, dec: 0.1, wide: 0.1, whole: 7, tz: '1970-01-01T00:00:00Z', ts: '2024-03-01T10:00:00.123456', d: '1999-12-31', list: [], obj: { a: null, b: [] }, map: {}, small: null, s: 'x' },
    ]);
  });

  it('HUGEINT and UBIGINT from a query, exact past 2^53 and numbers within', async () => {
    const sql = 'SELECT 170141183460469231731687303715884105727::HUGEINT AS h, 18446744073709551615::UBIGINT AS u, 12::HUGEINT AS small';
    const { rows, columns } = await readSample(source({ path: dir, format: 'sql', sql }), sampling());
    expect(rows[0]!.values).toEqual({ h: 170141183460469231731687303715884105727n, u: 18446744073709551615n, small: 12 });
    expect(columns.map((c) => c.type)).toEqual(['integer', 'integer', 'integer']);
  });

  it('config types override the schema (a bigint kept exact as text)', async () => {
    const { rows, columns } = await readSample(source({ path: at('types.parquet'), types: { big: 'string', small: 'number' } }), sampling());
    expect(rows.map((r) => r.values.big)).toEqual(['9007199254740993', '-5']);
    expect(columns.find((c) => c.name === 'big')).toEqual({ name: 'big', type: 'string', typeSource: 'config' });
  });
});

describe('Parquet paths, partitions and SQL', () => {
  it('a Hive-partitioned directory: every file, partition values as a column', async () => {
    const { rows, rowsRead } = await readSample(source({ path: at('hive'), key: ['id'] }), sampling());
    expect(rowsRead).toBe(6);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.values).sort((a, b) => Number(a.id) - Number(b.id))).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => ({ id: i, v: i * 10, year: 2023 + (i % 2) })),
    );
  });

  it('a glob reads every matching file; a source.sql join returns the joined rows, relative names from the config directory', async () => {
    const glob = await readSample(source({ path: at('p*.parquet'), key: ['id'] }), sampling());
    expect(glob.rows.map((r) => r.key)).toEqual(['0', '1', '2', '3']);
    const sql = "SELECT p.id, p.name, s.spend FROM read_parquet('people.parquet') p JOIN 'spend.parquet' s USING (id) ORDER BY id;";
    const joined = await readSample(source({ path: dir, format: 'sql', sql, key: ['id'] }), sampling());
    expect(joined.rows.map((r) => r.values)).toEqual([{ id: 2, name: 'n2', spend: 200 }, { id: 3, name: 'n3', spend: 300 }]);
    expect(joined.rows.map((r) => r.line)).toEqual([1, 2]);
  });
});

describe('sampling pushed into DuckDB or streamed through the same samplers', () => {
  const keysOf = async (over: Partial<SourceOptions>, sample: Partial<SampleOptions>) =>
    (await readSample(source({ key: ['id'], ...over }), sampling(sample))).rows.map((r) => r.key);

  it('reservoir: seeded and repeatable, another seed another sample, in file order', async () => {
    const first = await keysOf({ path: at('same.parquet') }, { method: 'reservoir', size: 20, seed: 3 });
    expect(first).toHaveLength(20);
    expect(await keysOf({ path: at('same.parquet') }, { method: 'reservoir', size: 20, seed: 3 })).toEqual(first);
    expect(await keysOf({ path: at('same.parquet') }, { method: 'reservoir', size: 20, seed: 4 })).not.toEqual(first);
    expect([...first].sort()).toEqual(first);
  });

  it('key-hash and stratified choose the same keys as on the same data in CSV', async () => {
    for (const sample of [{ method: 'key-hash', size: 25, seed: 9 }, { method: 'stratified', size: 25, seed: 9, stratifyBy: 'g' }] as const) {
      const csv = await keysOf({ path: at('same.csv'), format: 'csv' }, sample);
      expect(await keysOf({ path: at('same.parquet') }, sample)).toEqual(csv);
      expect(await keysOf({ path: dir, format: 'sql', sql: "FROM 'same.parquet'" }, sample)).toEqual(csv);
    }
  });

  it('key-hash rows read back whole by position are the CSV rows', async () => {
    const sample = sampling({ method: 'key-hash', size: 25, seed: 9 });
    const csv = await readSample(source({ path: at('same.csv'), format: 'csv', key: ['id'] }), sample);
    const parquet = await readSample(source({ path: at('same.parquet'), key: ['id'] }), sample);
    expect(parquet.rows.map((r) => r.values)).toEqual(csv.rows.map((r) => r.values));
    expect(parquet.rows.map((r) => r.line)).toEqual(csv.rows.map((r) => r.line - 1)); // rows, not lines: no header
  });

  it('pinned keys come on top of the reservoir without changing what it draws', async () => {
    const drawn = await readSample(source({ path: at('same.parquet'), key: ['id'] }), sampling({ method: 'reservoir', size: 5 }));
    const pinned = await readSample(source({ path: at('same.parquet'), key: ['id'] }), sampling({ method: 'reservoir', size: 5 }), {
      pinned: { always: new Set(['K0999']) },
    });
    expect(drawn.rows.map((r) => r.key)).not.toContain('K0999');
    expect(pinned.rows.map((r) => r.key)).toEqual([...drawn.rows.map((r) => r.key), 'K0999']);
    expect(pinned.pinnedOnly).toEqual(['K0999']);
    expect((await readSample(source({ path: at('same.parquet'), key: ['id'] }), sampling(), { pinned: { only: new Set(['K0007']) } })).rows).toEqual([
      { key: 'K0007', line: 8, values: { id: 'K0007', g: 'b', x: 3.5 } },
    ]);
  });
});

describe('bad input: one line naming the file, the row or the setting', () => {
  it('missing file, not Parquet, unknown key column, SQL errors', async () => {
    expect(await failure(readSample(source({ path: at('nope.parquet') }), sampling()))).toBe(`${at('nope.parquet')}: file not found; check source.path`);
    expect(await failure(readSample(source({ path: at('corrupt.parquet') }), sampling()))).toMatch(/corrupt\.parquet: is not a Parquet file \(.*\); check source\.path$/);
    expect(await failure(readSample(source({ path: at('same.parquet'), key: ['idd'] }), sampling()))).toMatch(
      /same\.parquet: key column "idd" is not a column of the source \(columns: "id", "g", "x"\); check source\.key$/,
    );
    expect(await failure(readSample(source({ path: dir, format: 'sql', sql: 'SELEC 1' }), sampling()))).toBe('source.sql failed in DuckDB: Parser Error: syntax error at or near "SELEC"');
    expect(await failure(readSample(source({ path: dir, format: 'sql', sql: "SELECT nope FROM 'same.parquet'" }), sampling()))).toMatch(
      /^source\.sql failed in DuckDB: Binder Error: Referenced column "nope" not found/,
    );
    const nullKey = await failure(readSample(source({ path: at('types.parquet'), key: ['small'] }), sampling({ method: 'reservoir' })));
    expect(nullKey).toBe(`${at('types.parquet')}: row 2: key column "small" is empty`);
  });

  it('a config with both source.path and source.sql, or neither, is a config error', () => {
    const base = { offline: { columns: ['a'] }, serving: { url: 'http://127.0.0.1:1/' } };
    expect(() => resolveConfig({ ...base, source: { path: 'a.parquet', sql: 'SELECT 1' } }, { rootDir: dir })).toThrow('source.sql cannot be set together with source.path');
    expect(() => resolveConfig({ ...base, source: {} }, { rootDir: dir })).toThrow('source.path is required');
    expect(resolveConfig({ ...base, source: { sql: 'SELECT 1' } }, { rootDir: dir }).source).toMatchObject({ format: 'sql', path: dir, sql: 'SELECT 1' });
    expect(resolveConfig({ ...base, source: { path: 'data/*.parquet' } }, { rootDir: dir }).source.format).toBe('parquet');
    expect(resolveConfig({ ...base, source: { path: 's3://bucket/train/*.parquet' } }, { rootDir: dir }).source).toMatchObject({ path: 's3://bucket/train/*.parquet', format: 'parquet' });
  });

  it('DuckDB not installed: one line with the exact install command', async () => {
    const missing = '@duckdb/node-api-not-installed';
    expect(await failure(loadDuckdb({ path: at('t.parquet'), format: 'parquet' }, missing))).toBe(
      `${at('t.parquet')}: is Parquet, which is read through DuckDB: npm install --save-dev ${missing}; check source.path`,
    );
    expect(await failure(loadDuckdb({ path: dir, format: 'sql' }, missing))).toBe(`source.sql is a query, which is run through DuckDB: npm install --save-dev ${missing}`);
  });
});
