import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { runCli, TempRepo } from './cli-harness';

/**
 * Bad sources and bad configs through the real CLI, as a new user meets them: one line on stderr naming the file
 * and line (and column), or the config setting to fix; exit 2; no stack trace; no report, no failure memory.
 * Every source error is raised before any pipeline or server starts, so the configs point at a port nothing
 * listens on and at precomputed offline columns: nothing slow runs. One case per class (the variants are unit
 * tests in specs/source and specs/config); JSON configs, which load without a transpiler, keep each run short.
 */

const BASE = {
  source: { path: 'data.csv', key: 'customer_id', label: 'churned' },
  offline: { prefix: 'feat_' },
  serving: { url: 'http://127.0.0.1:9/features', retries: 0 },
};

const DATA = 'customer_id,age,plan,churned,feat_age\nc1,31,basic,0,31\nc2,45,premium,1,45\n';

let repo: TempRepo;
let fixtures: string[];
beforeAll(() => {
  repo = new TempRepo();
  repo.write('data.csv', DATA);
  repo.write('data/readme.txt', 'a directory, not a file');
  repo.write('empty-name.csv', 'customer_id,,churned\nc1,31,0\n');
  repo.write('trailing.csv', 'customer_id,age,churned,feat_age,\nc1,31,0,31,\nc2,45,1,45,oops\n');
  repo.write('duplicate.csv', 'customer_id,age,churned,age\nc1,31,0,32\n');
  repo.write('nul.csv', 'customer_id,age,churned\nc1,3\u00001,0\n');
  repo.write('quote.csv', 'customer_id,age,churned\nc1,"31,0\nc2,45,"1"\nc3,50,1\n');
  repo.write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DATA, 'utf16le')]) as unknown as string);
  repo.write('data.csv.gz', gzipSync(DATA) as unknown as string);
  repo.write('broken.csv.gz', gzipSync(DATA.repeat(20)).subarray(0, 40) as unknown as string);
  repo.write('book.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('xl/workbook.xml')]) as unknown as string);
  repo.write('bad.jsonl', '{"customer_id":"c1","churned":0}\n{"customer_id":"c2", "churned":1 "age":3}\n');
  repo.write('token.jsonl', '{"customer_id":"c1","churned":0}\n{"customer_id":"c2","churned":tru}\n');
  repo.write('dupkey.jsonl', '{"customer_id":"c1","churned":0,"age":3,"age":4}\n');
  repo.write('lines.csv', '{"customer_id":"c1","churned":0,"feat_age":31}\n');
  repo.write('zip.csv.gz', gzipSync(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('data.csv')])) as unknown as string);
  repo.write('syntax.ts', "export default {\n  source: { path: 'data.csv' key: 'customer_id' },\n};\n");
  repo.write('syntax.mjs', "export default {\n  source: { path: 'data.csv' },\n  offline: { prefix: 'feat_' }\n  serving: {},\n};\n");
  repo.write('throws.ts', "throw new TypeError('STAGING_URL is not set');\nexport default {};\n");
  fixtures = readdirSync(repo.dir, { recursive: true }).map(String).sort();
});
afterAll(() => repo.remove());

interface Case {
  /** Changes to the base config, section by section. */
  overrides?: { source?: Record<string, unknown>; sample?: Record<string, unknown>; offline?: Record<string, unknown>; serving?: Record<string, unknown> };
  /** A config file of the repo to use instead of a JSON one made from the overrides. */
  config?: string;
  /** The whole of stderr, after `skew: `, with `<dir>` for the repo directory. */
  error: string;
}

let configs = 0;
/** A JSON config for a case: the base with the case's overrides merged per section. */
function writeConfig(c: Case): string {
  if (c.config) return c.config;
  const o = c.overrides ?? {};
  const config = {
    source: { ...BASE.source, ...o.source },
    ...(o.sample ? { sample: o.sample } : {}),
    offline: o.offline ?? BASE.offline,
    serving: { ...BASE.serving, ...o.serving },
  };
  configs += 1;
  return repo.write(`case-${configs}.json`, JSON.stringify(config));
}

/** Runs the cases, two at a time; checks exit 2, the one line on stderr, and that nothing was written. */
async function expectErrors(cases: Case[]): Promise<void> {
  const files = cases.map(writeConfig);
  const results: Array<Awaited<ReturnType<typeof runCli>>> = [];
  for (let i = 0; i < cases.length; i += 2) {
    const batch = files.slice(i, i + 2).map((file) => runCli(['run', '--config', file], { cwd: repo.dir }));
    results.push(...(await Promise.all(batch)));
  }
  const written = new Set(files.filter((f) => f.endsWith('.json')).map((f) => f.slice(repo.dir.length + 1)));
  results.forEach((result, i) => {
    const expected = `skew: ${cases[i]!.error.replaceAll('<dir>', repo.dir).replace('case-<n>.json', files[i]!.slice(repo.dir.length + 1))}\n`;
    expect({ stderr: result.stderr, code: result.code }).toEqual({ stderr: expected, code: 2 });
    expect(result.stdout).toBe('');
  });
  // No report, no failure memory, no partial file of any kind: only the fixtures and the case configs.
  const present = readdirSync(repo.dir, { recursive: true }).map(String);
  expect(present.filter((name) => !written.has(name) && !/^case-\d+\.json$/.test(name)).sort()).toEqual(fixtures);
}

jest.setTimeout(120_000);

describe('bad input through the CLI: one line, exit 2, nothing written', () => {
  it('source errors caused by a config value name the setting to fix', async () => {
    await expectErrors([
      {
        overrides: { source: { key: 'customer_uuid' } },
        error:
          '<dir>/data.csv:1: key column "customer_uuid" is not in the header (did you mean "customer_id"? columns: "customer_id", "age", "plan", "churned", "feat_age"); check source.key',
      },
      { overrides: { source: { path: 'data' } }, error: '<dir>/data: is a directory, not a file; check source.path' },
      {
        overrides: { source: { types: { plan: 'integer' } } },
        error: '<dir>/data.csv:2:7: column "plan": cannot convert "basic" to integer; check source.types.plan',
      },
      {
        overrides: { source: { path: 'book.xlsx' } },
        error:
          '<dir>/book.xlsx: file is an Excel workbook (.xlsx): skew-harness reads CSV and JSON Lines: export it as CSV or JSON Lines (File → Save As → CSV UTF-8); check source.path',
      },
      {
        overrides: { serving: { request: { columns: ['age', 'plann'] } } },
        error: '<dir>/case-<n>.json: serving.request.columns[1] names column "plann", which <dir>/data.csv does not have (did you mean "plan"?)',
      },
    ]);
  });

  it('a file read in the wrong format or with the wrong delimiter names that setting', async () => {
    await expectErrors([
      {
        overrides: { source: { path: 'lines.csv' } },
        error: `<dir>/lines.csv:1: the header starts with "{": the file looks like JSON Lines, not CSV (name it .jsonl, or set format: 'jsonl'); check source.format`,
      },
      {
        overrides: { source: { delimiter: ';' } },
        error:
          '<dir>/data.csv:1: the header is one column, "customer_id,age,plan,churned,feat_age", read with delimiter ";": the file looks comma-separated (delimiter ","); check source.delimiter',
      },
      { overrides: { source: { format: 'jsonl' } }, error: '<dir>/data.csv:1: the first line is not JSON: the file looks like CSV, not JSON Lines; check source.format' },
      {
        overrides: { source: { path: 'zip.csv.gz' } },
        error:
          '<dir>/zip.csv.gz: file is gzip-compressed and, decompressed, is a ZIP archive: extract the CSV or JSON Lines file (unzip) and point to it, or compress it with gzip instead, which is read directly; check source.path',
      },
    ]);
  });

  it('bad data is named by file, line and column', async () => {
    await expectErrors([
      {
        overrides: { source: { path: 'empty-name.csv' } },
        error: '<dir>/empty-name.csv:1: column 2 of the header has no name: name it (every column is sent to the pipelines by name)',
      },
      { overrides: { source: { path: 'nul.csv' } }, error: '<dir>/nul.csv:2:5: contains a NUL byte — is this a binary file?' },
      {
        overrides: { source: { path: 'quote.csv' } },
        error: '<dir>/quote.csv:2: unclosed quote: the quoted field starting on this line runs on to line 3, leaving a row of 2 fields where the header has 3',
      },
      { overrides: { source: { path: 'utf16.csv' } }, error: '<dir>/utf16.csv: file is UTF-16 (little-endian) encoded: save it as UTF-8' },
      {
        overrides: { source: { path: 'broken.csv.gz' } },
        error: '<dir>/broken.csv.gz: file is gzip-compressed but its data is truncated or corrupt (unexpected end of file)',
      },
      { overrides: { source: { path: 'token.jsonl' } }, error: "<dir>/token.jsonl:2:31: invalid JSON: Unexpected token '}'" },
      {
        overrides: { source: { path: 'dupkey.jsonl' } },
        error: '<dir>/dupkey.jsonl:1:41: duplicate key "age" in an object (JSON.parse would keep only the last value)',
      },
    ]);
  });

  it('a config that does not parse or throws while loading: one line naming the file (and line and column)', async () => {
    await expectErrors([
      { config: 'syntax.ts', error: '<dir>/syntax.ts:2:30: syntax error: Unexpected token, expected ","' },
      { config: 'syntax.mjs', error: '<dir>/syntax.mjs:4:3: syntax error: Unexpected token, expected ","' },
      { config: 'throws.ts', error: '<dir>/throws.ts: could not be loaded: TypeError: STAGING_URL is not set' },
    ]);
  });

  it('a bad option or option value: one line naming the option and what it may be, before any config is read', async () => {
    const results = await Promise.all([
      runCli(['run', '--sample-method', 'foo'], { cwd: repo.dir }),
      runCli(['run', '--bogus-flag', '--config', 'missing.json'], { cwd: repo.dir }),
    ]);
    expect(results).toEqual([
      { code: 2, stdout: '', stderr: 'skew: --sample-method must be one of reservoir, stratified, key-hash, all (got "foo")\n' },
      { code: 2, stdout: '', stderr: 'skew: unknown option --bogus-flag (see skew run --help)\n' },
    ]);
  });

  it('a gzip-compressed source is read as it streams (the run gets past the source)', async () => {
    const config = writeConfig({ overrides: { source: { path: 'data.csv.gz' } }, error: '' });
    const result = await runCli(['run', '--config', config, '--no-remember', '-r', 'terminal'], { cwd: repo.dir });
    expect(result.stdout).toMatch(/source\s+data\.csv\.gz: 2 rows read, 2 sampled/);
  });
});
