import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONFIG_FILE_NAMES } from '../../harness/config/load-config';
import { runCli, TempRepo } from './cli-harness';

/**
 * Black-box tests of `skew run`: a model repo of its own (not the bundled example) written to a temp dir, a
 * Python offline pipeline run as a real subprocess, a real serving endpoint on 127.0.0.1, the real CLI.
 */

const CSV = ['id,amount,city,label', ...Array.from({ length: 40 }, (_, i) => `u${i},${(i * 7.25).toFixed(2)}, ${['Oslo', 'Lima', 'Pune'][i % 3]},${i % 2}`)].join('\n');

const PIPELINE = `
import json, math, sys
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"amount_log": math.log1p(r["amount"]) * (1 + 1e-13), "city": r["city"].strip().lower()}))
`;

/** The serving side: the same features computed in JS; `drift` adds a skew to rows with amount > 100. */
function startServing(drift: boolean): Promise<{ server: Server; url: string; seen: Array<Record<string, unknown>> }> {
  const seen: Array<Record<string, unknown>> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const row = JSON.parse(body) as { amount: number; city: string };
      seen.push({ ...row, authorization: req.headers.authorization });
      const amount = drift && row.amount > 100 ? row.amount * 1.1 : row.amount;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ features: { amount_log: Math.log1p(amount), city: row.city.trim().toLowerCase() } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })));
}

function config(url: string, extra = ''): string {
  return `module.exports = {
    source: { path: 'train.csv', key: 'id', label: 'label' },
    sample: { size: 30, seed: 3 },
    offline: { command: ['python3', 'pipeline.py'] },
    serving: { url: ${JSON.stringify(url)}, retries: 1, backoff: { initialMs: 5, maxMs: 20 } },
    checks: { determinism: false, generatedParity: false, inputContract: false },
    ${extra}
  };`;
}

let repo: TempRepo;
beforeEach(() => {
  repo = new TempRepo();
  repo.write('train.csv', CSV);
  repo.write('pipeline.py', PIPELINE);
});
afterEach(() => repo.remove());

describe('skew run (black box)', () => {
  it('exits 0 when both sides agree up to float noise, and never sends the label', async () => {
    const { server, url, seen } = await startServing(false);
    try {
      repo.write('skew.config.js', config(`${url}/features`));
      const result = await runCli(['run'], { cwd: repo.dir });
      expect(result.stderr).not.toMatch(/skew:/);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^parity {2}✓ passed {2}all 2 fields agree on 30 compared rows$/m);
      expect(result.stdout).toMatch(/^CLEAN: /m);
      expect(seen).toHaveLength(30);
      expect(seen.every((row) => !('label' in row) && 'id' in row)).toBe(true);
      const report = JSON.parse(readFileSync(repo.path('reports/skew-report.json'), 'utf8'));
      expect(report).toMatchObject({ schemaVersion: 1, verdict: { status: 'clean', exitCode: 0 }, accounting: { rowsRead: 40, rowsSampled: 30, rowsCompared: 30 } });
    } finally {
      server.close();
    }
  });

  it('exits 1 and names the skewed field, its rate and example rows when the sides disagree', async () => {
    const { server, url } = await startServing(true);
    try {
      repo.write('skew.config.js', config(`${url}/features`));
      const result = await runCli(['run', '--sample', 'all'], { cwd: repo.dir });
      expect(result.code).toBe(1);
      const skewed = CSV.split('\n').slice(1).filter((line) => Number(line.split(',')[1]) > 100).length;
      expect(result.stdout).toMatch(new RegExp(`^ {2}amount_log +40 +${skewed} +${((100 * skewed) / 40).toFixed(1)}%`, 'm'));
      expect(result.stdout).toMatch(/^ {4}u14 +[\d.]+ +[\d.]+ +[\d.]+ \(/m);
      expect(result.stdout).toMatch(new RegExp(`^SKEW: parity: amount_log ${((100 * skewed) / 40).toFixed(1)}%$`, 'm'));
      expect(result.stdout).toMatch(/^Reproduce with: npx skew run --config skew\.config\.js --seed 3 --sample all$/m);
    } finally {
      server.close();
    }
  });

  it('reproduces single rows with --keys', async () => {
    const { server, url, seen } = await startServing(true);
    try {
      repo.write('skew.config.js', config(`${url}/features`));
      const result = await runCli(['run', '--keys', 'u14,u2'], { cwd: repo.dir });
      expect(result.code).toBe(1);
      expect(seen.map((r) => r['id']).sort()).toEqual(['u14', 'u2']);
      expect(result.stdout).toMatch(/^Reproduce with: npx skew run --config skew\.config\.js --keys u14,u2$/m);
      const missing = await runCli(['run', '--keys', 'nobody'], { cwd: repo.dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toBe(`skew: --keys: no row with key "nobody" in ${repo.path('train.csv')}`);
    } finally {
      server.close();
    }
  });

  it('exits 3, quickly and without a stack trace, when the server is down', async () => {
    const { server, url } = await startServing(false);
    await new Promise((resolve) => server.close(resolve));
    repo.write('skew.config.js', config(`${url}/features`, 'budget: { errorRate: 0.05 },'));
    const result = await runCli(['run'], { cwd: repo.dir });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^INCONCLUSIVE: serving unavailable: 10 consecutive/m);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });

  it('with serving down and every check on: determinism counts each side and row once, generated-parity says serving is unavailable', async () => {
    const { server, url } = await startServing(false);
    await new Promise((resolve) => server.close(resolve));
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'id', label: 'label' },
        sample: { size: 30, seed: 3 },
        offline: { command: ['python3', 'pipeline.py'] },
        serving: { url: 'http://127.0.0.1:1/unused', retries: 0 },
        checks: { determinism: { rows: 20 } },
      };`,
    );
    const result = await runCli(['run', '--no-start', '--url', `${url}/features`], { cwd: repo.dir });
    expect(result.code).toBe(3);
    const report = JSON.parse(readFileSync(repo.path('reports/skew-report.json'), 'utf8')) as {
      checks: Array<{ name: string; summary: string; rows: { total: number; compared: number; offlineErrors: number; onlineErrors: number; notRun: number } }>;
    };
    const check = (name: string) => report.checks.find((c) => c.name === name)!;
    const determinism = check('determinism').rows;
    // 20 rows asked twice on each side: each (side, row) is compared, failed or not run, exactly once.
    expect(determinism.total).toBe(40);
    expect(determinism.compared + determinism.offlineErrors + determinism.onlineErrors + determinism.notRun).toBe(40);
    expect(determinism).toMatchObject({ compared: 20, offlineErrors: 0 });
    expect(determinism.onlineErrors + determinism.notRun).toBe(20);
    expect(check('determinism').summary).toMatch(/^no row could be asked twice on the online side \((\d+ rows? failed|\d+ rows? failed, \d+ not run|\d+ not run)\); offline gave identical features for 20 rows asked twice$/);
    expect(result.stdout).toContain(`\n  20 of 40 rows compared, errors: 0 offline, ${determinism.onlineErrors} online${determinism.notRun > 0 ? `, ${determinism.notRun} not run` : ''}\n`);
    // Generated rows were not made from an empty sample: serving was down.
    expect(check('generated-parity').summary).toMatch(/^not run: serving unavailable: 10 consecutive requests failed; last: Connection refused/);
    expect(result.stdout).not.toContain('no sampled row');
  });

  it('with serving rejecting every row: generated-parity says no sampled row was computed by both sides, not that there is none', async () => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.statusCode = 422;
        res.end('{"detail":"rejected"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      repo.write('skew.config.js', config('http://127.0.0.1:1/unused').replace('checks: { determinism: false, generatedParity: false, inputContract: false },', 'checks: { determinism: false },'));
      const result = await runCli(['run', '--no-start', '--url', `http://127.0.0.1:${(server.address() as AddressInfo).port}/features`], { cwd: repo.dir });
      expect(result.code).toBe(3);
      expect(result.stdout).toMatch(/^parity {2}\? inconclusive {2}no row was compared/m);
      expect(result.stdout).toMatch(/^generated-parity {2}\? inconclusive {2}not run: every sampled row failed on a side in parity or was not run: generated rows need a row both sides computed$/m);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names in --help every config file name the loader looks for', async () => {
    const help = await runCli(['--help'], { cwd: repo.dir });
    expect(help.code).toBe(0);
    const extensions = CONFIG_FILE_NAMES.map((name) => name.replace(/^skew\.config\./, ''));
    expect(extensions).toEqual(expect.arrayContaining(['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json']));
    expect(help.stdout).toContain(`skew.config.{${extensions.join(',')}}`);
  });

  it('exits 2 with one line naming the config path for a broken config, and writes nothing', async () => {
    repo.write('skew.config.js', config('http://127.0.0.1:1/features', 'sample: { size: -4 },').replace("sample: { size: 30, seed: 3 },", ''));
    const result = await runCli(['run'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`skew: ${repo.path('skew.config.js')}: sample.size must be > 0 (got -4)\n`);
    expect(result.stdout).toBe('');
    expect(existsSync(repo.path('reports'))).toBe(false);
  });

  it('exits 2 naming file and line for an unreadable CSV', async () => {
    repo.write('train.csv', 'id,amount,city,label\nu1,1.5,Oslo,0\nu2,2.5,Lima\n');
    repo.write('skew.config.js', config('http://127.0.0.1:1/features'));
    const result = await runCli(['run'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`skew: ${repo.path('train.csv')}:3: row has 3 fields, header has 4\n`);
    expect(readdirSync(repo.dir)).not.toContain('reports');
  });

  it('prints a stack trace only with --debug', async () => {
    repo.write('skew.config.js', config('http://127.0.0.1:1/features').replace("path: 'train.csv'", "path: 'missing.csv'"));
    const plain = await runCli(['run'], { cwd: repo.dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    const debug = await runCli(['run', '--debug'], { cwd: repo.dir });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('reads secrets from the environment and never prints them', async () => {
    const { server, url, seen } = await startServing(true);
    try {
      repo.write('skew.config.js', config('${env.SERVING_URL}/features', "targets: { staging: { serving: { headers: { Authorization: 'Bearer ${env.TOKEN}' } } } },"));
      const env = { SERVING_URL: url, TOKEN: 'tok-9f8e7d6c5b' };
      const result = await runCli(['run', '--target', 'staging'], { cwd: repo.dir, env });
      expect(result.code).toBe(1);
      expect(seen[0]!['authorization']).toBe('Bearer tok-9f8e7d6c5b');
      const everything = result.stdout + result.stderr + readFileSync(repo.path('reports/skew-report.json'), 'utf8');
      expect(everything).not.toContain('tok-9f8e7d6c5b');
      expect(everything).not.toContain(url);
      const unset = await runCli(['run', '--target', 'staging'], { cwd: repo.dir, env: { SERVING_URL: url } });
      expect(unset.code).toBe(2);
      expect(unset.stderr).toBe(`skew: ${repo.path('skew.config.js')}: serving.headers.Authorization uses \${env.TOKEN}, but environment variable TOKEN is not set\n`);
    } finally {
      server.close();
    }
  });

  it('rejects unknown options and bad flag values with exit 2', async () => {
    const unknown = await runCli(['run', '--smaple', '5'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('skew: unknown option --smaple (did you mean --sample?)\n');
    repo.write('skew.config.js', config('http://127.0.0.1:1/features'));
    const bad = await runCli(['run', '--sample', 'lots'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('skew: --sample must be a positive integer or "all" (got "lots")\n');
  });
});
