import { readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CheckResult } from '../../harness/core/check-result';
import { decodeJsonValue } from '../../harness/core/json-encoding';
import type { SkewReport } from '../../harness/core/report';
import { loadConfigSync } from '../../harness/config/load-config';
import { toHaveNoSkew } from '../../harness/jest/matchers';
import { openSkewSession } from '../../harness/runner/skew-session';
import { runCli, TempRepo } from './cli-harness';

/**
 * Findings a reader can trust, on a small model repo run as a user would: a Node pipeline and a local server with
 * planted bugs — `x2` off by one on every third row (a third of all rows fail), an unseen plan mapped to 0 instead of
 * −1 (only generated rows find it), a connection reset on a negative `x` (a generated row that crashes serving) and a
 * 500 on training row T000014 (a row error in every check that sends it).
 */
describe('findings that never mislead', () => {
  const repo = new TempRepo();
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const row = JSON.parse(body) as { x: number; plan: string };
        if (row.x < 0) return req.socket.destroy();
        if (row.x === 13) {
          res.statusCode = 500;
          return res.end('boom');
        }
        const code = ['basic', 'pro', 'team'].indexOf(row.plan);
        res.end(JSON.stringify({ features: { x2: row.x % 3 === 0 ? row.x * 2 + 1 : row.x * 2, plan_code: code === -1 ? 0 : code } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const rows = Array.from({ length: 240 }, (_, i) => `T${String(i + 1).padStart(6, '0')},${i},${['basic', 'pro', 'team'][i % 3]}`);
    repo.write('train.csv', ['id,x,plan', ...rows].join('\n'));
    repo.write('features.mjs', `const VOCAB = ['basic', 'pro', 'team'];
      export const computeFeatures = (rows) => rows.map((r) => ({ x2: r.x * 2, plan_code: VOCAB.indexOf(r.plan) }));`);
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'id' },
        sample: { size: 100, seed: 7 },
        offline: { module: 'features.mjs' },
        serving: { url: 'http://127.0.0.1:${(server.address() as AddressInfo).port}/f', retries: 1, backoff: { initialMs: 1, maxMs: 2 }, maxConsecutiveFailures: 0 },
        checks: { determinism: false, inputContract: false, batchInvariance: false, labelInvariance: false, generatedParity: { runs: 60 } },
        budget: { errorRate: 1 },
        report: { reporters: ['terminal', 'json', 'markdown', 'html', 'junit'] },
      };`,
    );
  });
  afterAll(() => {
    server.close();
    repo.remove();
  });

  const run = async (args: string[]) => {
    const result = await runCli(['run', ...args], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    const report = decodeJsonValue(JSON.parse(readFileSync(repo.path('reports/skew-report.json'), 'utf8'))) as SkewReport;
    const check = (name: string) => report.checks.find((c) => c.name === name)!;
    return { ...result, report, check };
  };
  const memory = () =>
    readFileSync(repo.path('.skew/failures/failures.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as { check: string; field: string; key: string });
  /** The CLI arguments of a printed `npx skew run …` command (its arguments need no shell quoting here). */
  const argsOf = (command: string) => command.replace(/^npx skew run /, '').split(' ');
  const fixedOf = (check: CheckResult) => check.fixed ?? [];

  it('never reports a live failure fixed, whatever the next run samples (observation 1), and reproduces parity from its keys', async () => {
    rmSync(repo.path('.skew'), { recursive: true, force: true });
    const first = await run(['--checks', 'parity', '-n', '100', '--seed', '5']);
    expect(first.code).toBe(1);
    const remembered = memory();
    expect(remembered.length).toBeGreaterThan(0);
    expect(remembered.every((f) => f.check === 'parity' && f.field === 'x2')).toBe(true);

    // Every row, in file order: the remembered rows are in the random sample now, most of them not among its examples.
    const all = await run(['--checks', 'parity', '--sample', 'all']);
    expect(all.code).toBe(1);
    expect(all.stdout).not.toMatch(/fixed since a previous run/);
    expect(fixedOf(all.check('parity'))).toEqual([]);
    const examples = all.check('parity').fields.find((f) => f.field === 'x2')!.examples.map((m) => m.key);
    expect(remembered.some((f) => !examples.includes(f.key))).toBe(true);
    expect(memory()).toEqual(expect.arrayContaining(remembered));

    // Another sample: remembered rows outside it are replayed apart, none is fixed, and the rates are the sample's alone.
    const other = await run(['--checks', 'parity', '-n', '100', '--seed', '6']);
    const parity = other.check('parity');
    expect(fixedOf(parity)).toEqual([]);
    const apart = parity.summary.match(/(\d+) remembered failing rows? replayed apart \(not in the rates\): \1 still fails? \(/);
    expect(apart).not.toBeNull();
    expect(other.report.accounting).toMatchObject({ rowsSampled: 100 + Number(apart![1]), replayed: Number(apart![1]) });
    expect(parity.rows).toMatchObject({ total: 100, replayed: Number(apart![1]) });
    for (const f of parity.fields) expect(f.compared).toBe(parity.rows.compared);

    // parity's own reproduce command reruns exactly its first failing rows — remembered rows, which still differ.
    const reproduce = first.check('parity').reproduce!;
    expect(reproduce).toMatch(/^npx skew run --config skew\.config\.js --keys T\d{6},T\d{6},T\d{6} --checks parity$/);
    const keys = reproduce.split(' ')[6]!.split(',');
    expect(remembered.map((f) => f.key)).toEqual(expect.arrayContaining(keys));
    const again = await run(argsOf(reproduce));
    expect(again.code).toBe(1);
    expect(again.check('parity').fields.find((f) => f.field === 'x2')).toMatchObject({ compared: 3, mismatched: 3 });
    expect(fixedOf(again.check('parity'))).toEqual([]);
  });

  it('gives the same rates run after run, no example twice, nothing fixed (observation 2); a generated row crashing serving is one finding with its row and replay (observation 5); rows per check add up', async () => {
    rmSync(repo.path('.skew'), { recursive: true, force: true });
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await run(['--checks', 'parity,generated-parity', '--sample', 'all']));
    expect(memory().some((f) => f.check === 'generated-parity')).toBe(true);
    for (const name of ['parity', 'generated-parity']) {
      const checks = runs.map((r) => r.check(name));
      for (const check of checks) {
        expect(check.status).toBe('failed');
        // Replayed rows are counted apart (none on the first run): every other count is the same run after run.
        const { replayed: _, ...rows } = check.rows;
        const { replayed: __, ...firstRows } = checks[0]!.rows;
        expect(rows).toEqual(firstRows);
        expect(check.fields.map((f) => [f.field, f.compared, f.mismatched])).toEqual(checks[0]!.fields.map((f) => [f.field, f.compared, f.mismatched]));
        for (const f of check.fields) expect(new Set(f.examples.map((m) => m.key)).size).toBe(f.examples.length);
        expect(new Set(check.errors.map((e) => e.key)).size).toBe(check.errors.length);
        expect(fixedOf(check)).toEqual([]);
      }
    }
    const { report, check, stdout } = runs[2]!;

    // Each generated row that crashes serving is listed once, with its row, its error and the command replaying it.
    const generated = check('generated-parity');
    const crashes = (generated.warnings ?? []).filter((w) => w.kind === 'side-fails-on-row');
    expect(crashes.length).toBeGreaterThan(0);
    expect(new Set(crashes.map((w) => w.keys[0])).size).toBe(crashes.length);
    for (const w of crashes) {
      expect(w.message).toMatch(/^serving fails on generated row gen:\w+ \(inside the input contract\) while it answers other rows: /);
      expect((w.row!['x'] as number) < 0 || w.row!['x'] === 13).toBe(true);
      expect(w.reproduce).toMatch(/^npx skew run --config skew\.config\.js --seed 7 --sample all --checks generated-parity --generated-seed 7 --generated-path \d+$/);
    }
    const reset = crashes.find((w) => (w.row!['x'] as number) < 0)!;
    expect(reset.message).toMatch(/Connection reset by the server/);
    expect(stdout).toContain(`Reproduce with: ${reset.reproduce}`);
    for (const file of ['skew-report.md', 'skew-junit.xml', 'skew-report.html']) expect(readFileSync(repo.path(`reports/${file}`), 'utf8')).toContain(reset.reproduce!);

    // Rows per check, each adding up; the headline is parity's, never a sum across checks.
    const parity = check('parity');
    expect(parity.rows.onlineErrors).toBe(1);
    expect(generated.rows.onlineErrors).toBeGreaterThan(0);
    expect(report.accounting).toMatchObject({
      check: 'parity',
      rowsSampled: 240,
      rowsCompared: parity.rows.compared,
      offlineErrors: 0,
      onlineErrors: 1,
      notRun: 0,
      checks: { parity: parity.rows, 'generated-parity': generated.rows },
    });
    for (const rows of [parity.rows, generated.rows]) expect(rows.compared + rows.offlineErrors + rows.onlineErrors + rows.notRun).toBe(rows.total);
    expect(stdout).toContain(`  ${parity.rows.compared} of 240 rows compared, errors: 0 offline, 1 online`);
    const markdown = readFileSync(repo.path('reports/skew-report.md'), 'utf8');
    expect(markdown).toContain(`- parity: ${parity.rows.compared} of 240 rows compared; errors: 0 offline, 1 online`);
    // parity's failure reproduces from its own command in the file reports too.
    expect(parity.reproduce).toMatch(/ --keys T\d{6},T\d{6},T\d{6} --checks parity$/);
    expect(markdown).toContain(parity.reproduce!);
    expect(readFileSync(repo.path('reports/skew-report.html'), 'utf8')).toContain(parity.reproduce!);
    expect(markdown).toContain(`- generated-parity: ${generated.rows.compared} of ${generated.rows.total} rows compared; errors: 0 offline, ${generated.rows.onlineErrors} online`);

    // The command replays exactly that row, which crashes serving again.
    const replay = await run([...argsOf(reset.reproduce!), '--no-remember']);
    const replayed = (replay.check('generated-parity').warnings ?? []).filter((w) => w.kind === 'side-fails-on-row');
    expect(replayed.map((w) => [w.keys, w.row])).toEqual([[reset.keys, reset.row]]);
  });

  it("gives parity's jest failure a Reproduce with: line naming its failing rows (observation 6)", async () => {
    const config = loadConfigSync({ cwd: repo.dir, overrides: { failures: { remember: false } } });
    const session = await openSkewSession(config, { cwd: repo.dir });
    try {
      const parity = await session.runCheck('parity');
      const { pass, message } = toHaveNoSkew(parity);
      expect(pass).toBe(false);
      expect(message()).toMatch(/\n\nReproduce with: npx skew run --config skew\.config\.js --keys T\d{6},T\d{6},T\d{6} --checks parity$/);
    } finally {
      await session.close();
    }
  });
});
