import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, TempRepo } from './cli-harness';

/**
 * `skew golden record | check | review` and `skew run --update-golden`, black box: a model repo of its own in a
 * temp dir, an in-process TS/JS offline module, a real serving endpoint on 127.0.0.1, the real CLI.
 */
let repo: TempRepo;
let server: Server;
const noCi = { CI: '' };

const MODULE = (factor: number) => `export const computeFeatures = (rows) => rows.map((r) => ({ x2: r.x * ${factor}, label_free: r.x + 1 }));`;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const row = JSON.parse(body) as { x: number };
      res.end(JSON.stringify({ features: { x2: row.x * 2, label_free: row.x + 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => server.close());

beforeEach(() => {
  repo = new TempRepo();
  repo.write('train.csv', ['id,x,email', ...Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')},${i},u${i}@example.com`)].join('\n'));
  repo.write('features.mjs', MODULE(2));
  repo.write(
    'skew.config.js',
    `module.exports = {
      source: { path: 'train.csv', key: 'id' },
      offline: { module: 'features.mjs' },
      serving: { url: 'http://127.0.0.1:${(server.address() as AddressInfo).port}/f' },
      golden: { suite: 'demo', rows: 10, redact: ['email'] },
    };`,
  );
});
afterEach(() => repo.remove());

const goldenText = () => readFileSync(repo.path('golden/demo.golden.jsonl'), 'utf8');

describe('skew golden', () => {
  it('record → check passes; a changed offline feature fails check naming field, side and rows; --update-golden changed fixes it with one line per row', async () => {
    const before = await runCli(['golden', 'check'], { cwd: repo.dir, env: noCi });
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/no golden file yet \(golden\/demo\.golden\.jsonl\): record it with skew golden record/);

    expect((await runCli(['golden', 'record'], { cwd: repo.dir, env: noCi })).code).toBe(0);
    const recorded = goldenText();
    expect(recorded.split('\n')).toHaveLength(12);
    expect(recorded).toContain('"email":"[redacted]"');
    expect(recorded).not.toContain('@example.com');
    expect((await runCli(['golden', 'check'], { cwd: repo.dir, env: noCi })).code).toBe(0);

    repo.write('features.mjs', MODULE(3));
    const changed = await runCli(['golden', 'check'], { cwd: repo.dir, env: noCi });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/golden {2}✗ FAILED {2}the offline pipeline changed x2 on \d+ rows since the golden file \(serving unchanged\); review with skew golden review/);
    expect(changed.stdout).toMatch(/^ {2}x2: \d+ rows changed \(offline only\)$/m);
    expect(changed.stdout).toMatch(/^ {4}k\d\d {2}offline (\d+) → \d+$/m);
    expect(goldenText()).toBe(recorded);

    const update = await runCli(['run', '--checks', 'golden', '--update-golden', 'changed'], { cwd: repo.dir, env: noCi });
    expect(update.code).toBe(0);
    expect((await runCli(['golden', 'check'], { cwd: repo.dir, env: noCi })).code).toBe(0);
    const oldLines = recorded.split('\n');
    const newLines = goldenText().split('\n');
    const differing = oldLines.filter((line, i) => line !== newLines[i]);
    const changedRows = oldLines.slice(1).filter((l) => l && !l.includes('"x2":0,')).length; // x = 0 gives 0 either way
    expect(differing).toHaveLength(changedRows);
    expect(oldLines[0]).toBe(newLines[0]);
  });

  it('refuses to write on CI unless told to, and --propose writes only into the report directory', async () => {
    const refused = await runCli(['golden', 'record'], { cwd: repo.dir, env: { CI: 'true' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'skew: refusing to write golden files on CI (CI is set): pass --write-on-ci to write them, or --propose to write the would-be file into the report directory\n',
    );
    expect(existsSync(repo.path('golden'))).toBe(false);
    const runRefused = await runCli(['run', '--checks', 'golden', '--update-golden', 'missing'], { cwd: repo.dir, env: { CI: 'true' } });
    expect(runRefused.code).toBe(2);

    const proposed = await runCli(['golden', 'record', '--propose'], { cwd: repo.dir, env: { CI: 'true' } });
    expect(proposed.code).toBe(0);
    expect(proposed.stdout).toMatch(/would-be golden file written to reports\/demo\.golden\.jsonl/);
    expect(existsSync(repo.path('reports/demo.golden.jsonl'))).toBe(true);
    expect(existsSync(repo.path('golden'))).toBe(false);

    const forced = await runCli(['golden', 'record', '--write-on-ci'], { cwd: repo.dir, env: { CI: 'true' } });
    expect(forced.code).toBe(0);
    expect(goldenText()).toBe(readFileSync(repo.path('reports/demo.golden.jsonl'), 'utf8'));
  });

  it('never stores or passes a side that failed: serving down while recording or checking is inconclusive (exit 3)', async () => {
    expect((await runCli(['golden', 'record'], { cwd: repo.dir, env: noCi })).code).toBe(0);
    const recorded = goldenText();
    repo.write('skew.config.js', readFileSync(repo.path('skew.config.js'), 'utf8').replace(/url: '[^']+'/, "url: 'http://127.0.0.1:1/f', retries: 0"));
    const check = await runCli(['golden', 'check'], { cwd: repo.dir, env: noCi });
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/golden {2}\? inconclusive {2}10 rows could not be computed on a side/);
    const record = await runCli(['golden', 'record'], { cwd: repo.dir, env: noCi });
    expect(record.code).toBe(3);
    expect(record.stdout).toMatch(/^golden {2}\? inconclusive {2}nothing recorded: 10 rows could not be computed on a side \(nothing stored for them\)$/m);
    expect(goldenText()).toBe(recorded);
  });

  it('record says what it stored, not a passed comparison; the local server output shows only with --debug, as in skew run', async () => {
    repo.write(
      'server.js',
      `require('node:http').createServer((req, res) => {
        if (req.url === '/healthz') return res.end('ok');
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => { const row = JSON.parse(body); res.end(JSON.stringify({ features: { x2: row.x * 2, label_free: row.x + 1 } })); });
      }).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + process.env.PORT));`,
    );
    repo.write(
      'skew.config.js',
      readFileSync(repo.path('skew.config.js'), 'utf8').replace(
        /serving: \{[^\n]*\},/,
        "serving: { url: 'http://127.0.0.1:${port}/f', start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:${port}/healthz', port: 'auto' } },",
      ),
    );
    const record = await runCli(['golden', 'record'], { cwd: repo.dir, env: noCi });
    expect(record.code).toBe(0);
    expect(record.stdout).toBe('golden  ✓ recorded  10 rows in golden/demo.golden.jsonl (10 added, 0 rewritten, 0 removed)\n');
    expect(record.stderr).toBe('');

    const again = await runCli(['golden', 'record'], { cwd: repo.dir, env: noCi });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('golden  ✓ up to date  golden/demo.golden.jsonl already holds these 10 rows: nothing to write\n');

    const check = await runCli(['golden', 'check'], { cwd: repo.dir, env: noCi });
    expect(check.code).toBe(0);
    expect(check.stdout).toBe('golden  ✓ passed  all 10 rows match golden/demo.golden.jsonl\n  10 of 10 rows compared\n');
    expect(check.stderr).toBe('');

    const debug = await runCli(['golden', 'check', '--debug'], { cwd: repo.dir, env: noCi });
    expect(debug.code).toBe(0);
    expect(debug.stderr).toMatch(/^serving \| listening on \d+$/m);
  });

  it('review shows old → new per row and accepts by field without prompts', async () => {
    expect((await runCli(['golden', 'record'], { cwd: repo.dir, env: noCi })).code).toBe(0);
    repo.write('features.mjs', `export const computeFeatures = (rows) => rows.map((r) => ({ x2: r.x * 2, label_free: r.x + 2 }));`);
    const listed = await runCli(['golden', 'review'], { cwd: repo.dir, env: noCi });
    expect(listed.code).toBe(1);
    expect(listed.stdout).toMatch(/^ {2}label_free: 10 rows changed \(offline only\)$/m);
    expect(listed.stdout).toMatch(/Nothing accepted\. Accept with: npx skew golden review --accept/);

    const accepted = await runCli(['golden', 'review', '--accept', 'field=label_free'], { cwd: repo.dir, env: noCi });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/golden\/demo\.golden\.jsonl: 0 added, 10 records updated/);
    expect((await runCli(['golden', 'check'], { cwd: repo.dir, env: noCi })).code).toBe(0);
    const bad = await runCli(['golden', 'review', '--accept', 'colour=red'], { cwd: repo.dir, env: noCi });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('skew: --accept must be field=NAME, row=KEY, new or all (got "colour=red")\n');
  });
});
