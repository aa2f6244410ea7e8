import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SkewReport } from '../../harness/core/report';
import { runCli, startFeatureServer, TempRepo } from './cli-harness';

/**
 * A strict, whole-batch Python pipeline written the way teams write them (read every row, then raise on the first
 * value it does not expect) against a real server, through the real CLI: one bad row must be a finding about that
 * row, never the end of the run.
 */

const BAD_KEYS = ['r0137', 'r0502', 'r0871'];
const CSV = [
  'id,visits,code,label',
  ...Array.from({ length: 1000 }, (_, i) => {
    const id = `r${String(i).padStart(4, '0')}`;
    return `${id},${(i * 37) % 50},${BAD_KEYS.includes(id) ? 'n/a' : String(100 + (i % 9))},${i % 2}`;
  }),
].join('\n');

const STRICT_PIPELINE = `
import json, sys
rows = [json.loads(line) for line in sys.stdin]
features = []
for row in rows:
    code = int(row["code"])          # raises ValueError on 'n/a': the whole batch dies
    features.append({"visits_x2": row["visits"] * 2, "code_group": code // 3})
for f in features:
    print(json.dumps(f))
`;

const startServing = () =>
  startFeatureServer((row: { visits: number; code: string }) => {
    const code = Number.parseInt(row.code, 10);
    return { visits_x2: row.visits * 2, code_group: Number.isNaN(code) ? null : Math.floor(code / 3) };
  });

let repo: TempRepo;
let serving: { server: Server; url: string };
beforeEach(async () => {
  repo = new TempRepo();
  repo.write('train.csv', CSV);
  repo.write('pipeline.py', STRICT_PIPELINE);
  serving = await startServing();
});
afterEach(async () => {
  repo.remove();
  await new Promise((resolve) => serving.server.close(resolve));
});

/** The repo's config: the strict pipeline against the test server, plus `extra` config lines. */
function writeConfig(extra = ''): void {
  repo.write(
    'skew.config.js',
    `module.exports = {
      source: { path: 'train.csv', key: 'id', label: 'label' },
      offline: { command: ['python3', 'pipeline.py'] },
      serving: { url: ${JSON.stringify(`${serving.url}/features`)} },
      ${extra}
    };`,
  );
}

describe('a strict whole-batch pipeline that crashes on some rows', () => {
  it('completes the run: the 3 crashing training rows are offline errors with their own stderr, the rest are compared', async () => {
    writeConfig(`checks: { generatedParity: false },`);
    const result = await runCli(['run', '--reporter', 'json,terminal', '--report-dir', 'out'], { cwd: repo.dir });
    expect(result.stderr).not.toMatch(/^skew:/m);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as SkewReport;
    const parity = report.checks.find((c) => c.name === 'parity')!;
    expect(parity.status).toBe('passed');
    expect(parity.rows).toMatchObject({ total: 1000, compared: 997, offlineErrors: 3, onlineErrors: 0 });
    expect(parity.errors.map((e) => e.key).sort()).toEqual(BAD_KEYS);
    for (const error of parity.errors) {
      expect(error.message).toBe(`offline command python3 pipeline.py exited with code 1: ValueError: invalid literal for int() with base 10: 'n/a'`);
      expect(error.detail).toMatch(/^Traceback \(most recent call last\):/);
    }
    // Every other check ran and reported too.
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['determinism', 'passed'],
      ['parity', 'passed'],
      ['input-contract', 'passed'],
      ['batch-invariance', 'passed'],
      ['label-invariance', 'passed'],
    ]);
    expect(report.sides.offline.processes?.mode).toBe('batch');
    expect(result.stdout).toContain('offline r0137: offline command python3 pipeline.py exited with code 1: ValueError');
  });

  it('stops with exit 2 and one clear error when the pipeline fails on every row (it cannot import)', async () => {
    repo.write('pipeline.py', `import json, sys\nimport pandas_but_not_installed_xyz\n`);
    writeConfig();
    const result = await runCli(['run', '--report-dir', 'out'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^skew: offline command python3 pipeline\.py fails on every row it is given \(\d rows tried alone\): it exited with code 1; check offline\.command\n/);
    expect(result.stderr).toContain("ModuleNotFoundError: No module named 'pandas_but_not_installed_xyz'");
  });

  it('reruns one row the pipeline rejects by --keys: that row\'s offline error, never a broken pipeline', async () => {
    writeConfig();
    const result = await runCli(['run', '--keys', 'r0137', '--checks', 'parity', '--reporter', 'json,terminal', '--report-dir', 'out'], { cwd: repo.dir });
    expect(result.stderr).not.toMatch(/^skew:/m);
    // Nothing compared, and the one row an error: inconclusive under the error budget, as for any run.
    expect(result.code).toBe(3);
    const report = JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as SkewReport;
    const parity = report.checks.find((c) => c.name === 'parity')!;
    expect(parity.rows).toMatchObject({ total: 1, compared: 0, offlineErrors: 1, onlineErrors: 0 });
    expect(parity.errors).toHaveLength(1);
    expect(parity.errors[0]).toMatchObject({ key: 'r0137', side: 'offline', message: `offline command python3 pipeline.py exited with code 1: ValueError: invalid literal for int() with base 10: 'n/a'` });
    expect(parity.errors[0]!.detail).toMatch(/^Traceback \(most recent call last\):/);
    expect(report.verdict).toMatchObject({ status: 'inconclusive', exitCode: 3 });
    expect(result.stdout).toContain('offline r0137: offline command python3 pipeline.py exited with code 1: ValueError');
  });

  it('reruns every rejected row by --keys (rows chosen because they fail prove nothing about the pipeline)', async () => {
    writeConfig();
    const result = await runCli(['run', '--keys', BAD_KEYS.join(','), '--checks', 'parity', '--reporter', 'json', '--report-dir', 'out'], { cwd: repo.dir });
    expect(result.stderr).not.toMatch(/^skew:/m);
    expect(result.code).toBe(3);
    const parity = (JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as SkewReport).checks.find((c) => c.name === 'parity')!;
    expect(parity.errors.map((e) => e.key).sort()).toEqual(BAD_KEYS);
    expect(parity.errors.every((e) => e.message.endsWith(`ValueError: invalid literal for int() with base 10: 'n/a'`))).toBe(true);
  });

  it('judges a sampled run on fewer rows than it takes to call a pipeline broken row by row, as row errors', async () => {
    // Two rows, both rejected: too few to tell a broken pipeline from two bad rows.
    repo.write('train.csv', ['id,visits,code,label', 'r0001,3,n/a,0', 'r0002,4,n/a,1'].join('\n'));
    writeConfig(`checks: { determinism: false, generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false },`);
    const result = await runCli(['run', '--reporter', 'json', '--report-dir', 'out'], { cwd: repo.dir });
    expect(result.stderr).not.toMatch(/^skew:/m);
    expect(result.code).toBe(3);
    const parity = (JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as SkewReport).checks.find((c) => c.name === 'parity')!;
    expect(parity.errors.map((e) => e.key).sort()).toEqual(['r0001', 'r0002']);
  });
});

describe('serving refuses the credentials', () => {
  it('stops with exit 2 naming serving.headers, instead of calling serving unavailable (exit 3)', async () => {
    const server = createServer((req, res) => {
      req.resume();
      res.statusCode = 401;
      res.end('{"error":"invalid token"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      repo.write(
        'skew.config.js',
        `module.exports = {
          source: { path: 'train.csv', key: 'id', label: 'label' },
          sample: { size: 20 },
          offline: { command: ['python3', 'pipeline.py'] },
          serving: { url: 'http://127.0.0.1:${(server.address() as AddressInfo).port}/features', headers: { Authorization: 'Bearer wrong' } },
          checks: { generatedParity: false, batchInvariance: false, labelInvariance: false },
        };`,
      );
      const result = await runCli(['run', '--report-dir', 'out'], { cwd: repo.dir });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n').pop()).toMatch(
        /^skew: serving refused the credentials: HTTP 401 from POST http:\/\/127\.0\.0\.1:\d+\/features: \{"error":"invalid token"\} — check serving\.headers and the environment variables they read$/,
      );
      expect(result.stderr).not.toContain('Bearer wrong');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
