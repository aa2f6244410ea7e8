import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, TempRepo } from './cli-harness';

/** Every reporter from a real run, `skew report` re-rendering, and the trend against a previous report. */
let repo: TempRepo;
let server: Server;
let skewed = new Set<number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const row = JSON.parse(body) as { x: number; name: string };
      res.end(JSON.stringify({ features: { x2: skewed.has(row.x) ? row.x * 2 + 3600 : row.x * 2, name: row.name } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  repo = new TempRepo();
  repo.write('train.csv', ['id,x,name', ...Array.from({ length: 60 }, (_, i) => `k${i},${i},"<script>alert(${i})</script>"`)].join('\n'));
  repo.write('features.mjs', 'export const computeFeatures = (rows) => rows.map((r) => ({ x2: r.x * 2, name: r.name }));');
  repo.write(
    'skew.config.js',
    `module.exports = {
      source: { path: 'train.csv', key: 'id' },
      sample: { method: 'all' },
      offline: { module: 'features.mjs' },
      serving: { url: 'http://127.0.0.1:${(server.address() as AddressInfo).port}/f' },
      checks: { determinism: false, generatedParity: false, batchInvariance: false, labelInvariance: false },
    };`,
  );
});
afterAll(() => {
  server.close();
  repo.remove();
});

describe('reporters and skew report', () => {
  it('writes every format from one run, and skew report re-renders each identically from the JSON', async () => {
    skewed = new Set(Array.from({ length: 30 }, (_, i) => i));
    const summary = repo.path('step-summary.md');
    const run = await runCli(['run', '--reporter', 'terminal,json,markdown,html,junit,github'], { cwd: repo.dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=skew\.config\.js,title=skew parity%3A x2::30 of 60 rows differ \(50\.0%25\)\.%0AHint: online = offline \+ 3600/m);
    expect(run.stdout).toMatch(/^ {4}Hint: online = offline \+ 3600/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## ❌ skew-harness: SKEW/);

    for (const [format, file] of [['markdown', 'skew-report.md'], ['html', 'skew-report.html'], ['junit', 'skew-junit.xml']] as const) {
      const rendered = await runCli(['report', 'reports/skew-report.json', '--format', format, '--out', `again.${format}`], { cwd: repo.dir });
      expect(rendered.code).toBe(0);
      expect(readFileSync(repo.path(`again.${format}`), 'utf8')).toBe(readFileSync(repo.path(`reports/${file}`), 'utf8'));
    }
    const html = readFileSync(repo.path('reports/skew-report.html'), 'utf8');
    expect(html).not.toMatch(/<script>alert/);
    const stdout = await runCli(['report', 'reports/skew-report.json', '--format', 'markdown'], { cwd: repo.dir });
    expect(stdout.stdout).toBe(readFileSync(repo.path('reports/skew-report.md'), 'utf8'));
  });

  it('lists resolved and new skews against a baseline report', async () => {
    skewed = new Set([1, 2, 3]);
    await runCli(['run', '--report-dir', 'night1'], { cwd: repo.dir });
    skewed = new Set();
    const clean = await runCli(['run', '--report-dir', 'night2', '--baseline', 'night1/skew-report.json'], { cwd: repo.dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^trend {2}against night1\/skew-report\.json \(.*\)\n {2}resolved parity\/x2 5\.00% → 0%$/m);
    const report = JSON.parse(readFileSync(repo.path('night2/skew-report.json'), 'utf8'));
    expect(report.trend).toMatchObject({ new: [], resolved: [{ check: 'parity', field: 'x2' }] });
  });

  it('fails clearly on a file that is not a report, or an unknown reporter', async () => {
    repo.write('not-a-report.json', '{"hello": 1}');
    const bad = await runCli(['report', 'not-a-report.json'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`skew: ${repo.path('not-a-report.json')}: is not a skew-harness JSON report\n`);
    const unknown = await runCli(['run', '--reporter', 'pdf'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('skew: --reporter must be one of terminal, json, markdown, html, junit, github (got "pdf")\n');
    expect(existsSync(repo.path('again.pdf'))).toBe(false);
  });
});
