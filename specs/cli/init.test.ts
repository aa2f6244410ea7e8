import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { detectProject } from '../../harness/cli/init/detect-project';
import { inferRoles } from '../../harness/cli/init/infer-roles';
import { spawn } from 'node:child_process';
import { runCli, TempRepo } from './cli-harness';

/** Runs `node ARGS` in `cwd`; resolves with its exit code and its output (stdout and stderr together). */
function runNode(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * `skew init` as a new user meets it: an empty JavaScript repo with a CSV, `npx skew init`, the two commands it asks
 * for filled in, then a run of the generated config passes, and the generated spec passes under jest.
 */

const WORKTREE = path.resolve(__dirname, '..', '..');

const FEATURES = `exports.features = (row) => ({ age2: row.age == null ? null : row.age * 2, plan: typeof row.plan === 'string' ? row.plan.trim() : null });\n`;
const OFFLINE = `const { features } = require('./features');
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => process.stdout.write(JSON.stringify(features(JSON.parse(line))) + '\\n'));\n`;
const SERVER = `const { features } = require('./features');
require('node:http').createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ features: features(JSON.parse(body)) }));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');\n`;

describe('skew init (black box)', () => {
  it('scaffolds a config and spec that pass npm test once the two commands are filled in, and overwrites nothing', async () => {
    const repo = new TempRepo();
    try {
      repo.write('package.json', JSON.stringify({ name: 'model', private: true, scripts: { test: 'jest' } }));
      repo.write('data/train.csv', ['customer_id,age,plan,churned', 'c1,31,basic,0', 'c2,45,pro,1', 'c3,22, basic,0', 'c4,,pro,1', 'c5,60,basic,0'].join('\n'));
      // skew-harness as an installed dependency (this worktree, built).
      mkdirSync(repo.path('node_modules'));
      symlinkSync(WORKTREE, repo.path('node_modules/skew-harness'), 'dir');

      const init = await runCli(['init'], { cwd: repo.dir });
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      expect(init.stdout).toContain('skew init: created skew.config.mjs, skew.test.js\n');
      expect(init.stdout).toContain('Inferred from data/train.csv (5 rows read): key customer_id, label churned;');
      expect(init.stdout).toContain('examples/nightly/');
      const config = readFileSync(repo.path('skew.config.mjs'), 'utf8');
      expect(readFileSync(repo.path('skew.test.js'), 'utf8')).toContain("const { describeSkew } = require('skew-harness/jest');\n\ndescribeSkew({ config: 'skew.config.mjs' });\n");
      expect(config).toContain("source: { path: 'data/train.csv', key: 'customer_id', label: 'churned' },");

      // A half-filled config never runs: one line naming the setting.
      const unfilled = await runCli(['run'], { cwd: repo.dir });
      expect(unfilled.code).toBe(2);
      expect(unfilled.stderr).toMatch(/^skew: .*skew\.config\.mjs: offline\.command\[0\] is still the placeholder skew init wrote \("TODO: .*"\): fill in the command\n$/);

      // Nothing is overwritten: a second init reports both files and leaves them.
      writeFileSync(repo.path('skew.test.js'), '// mine\n');
      const again = await runCli(['init', '--data', 'data/train.csv'], { cwd: repo.dir });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('skew init: skipped skew.config.mjs: it exists (left as it is)\nskew init: skipped skew.test.js: it exists (left as it is)\n');
      expect(readFileSync(repo.path('skew.test.js'), 'utf8')).toBe('// mine\n');
      expect(readFileSync(repo.path('skew.config.mjs'), 'utf8')).toBe(config);
      // The generated spec back, as init wrote it (removing and re-running init recreates only what is missing).
      repo.write('skew.test.js', "// Train-serve skew checks\nconst { describeSkew } = require('skew-harness/jest');\n\ndescribeSkew({ config: 'skew.config.mjs' });\n");

      repo.write('features.js', FEATURES);
      repo.write('offline.js', OFFLINE);
      repo.write('server.js', SERVER);
      writeFileSync(
        repo.path('skew.config.mjs'),
        config
          .replace(/\['TODO: offline feature command[^\]]*\]/, "['node', 'offline.js']")
          .replace(/\['TODO: serving start command[^\]]*\]/, "['node', 'server.js']"),
      );
      const filled = await runCli(['run', '--reporter', 'terminal'], { cwd: repo.dir });
      expect(filled.stderr).toBe('');
      expect(filled.stdout).toContain('CLEAN: every check passed');
      expect(filled.code).toBe(0);

      // And the generated spec itself, under jest, as `npm test` runs it. (No transform: the package is symlinked from
      // this checkout, outside node_modules, and babel would otherwise transpile all of it on a cold cache.)
      const jest = await runNode([path.join(WORKTREE, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--rootDir', repo.dir, '--config', JSON.stringify({ transform: {}, testEnvironment: 'node' }), 'skew.test.js'], repo.dir);
      expect(jest.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
      expect(jest.code).toBe(0);

    } finally {
      repo.remove();
    }
  });

  it('run again, asks only for the commands still to fill in', async () => {
    const repo = new TempRepo();
    try {
      repo.write('package.json', JSON.stringify({ name: 'model', private: true }));
      repo.write('data/train.csv', ['customer_id,age,churned', 'c1,31,0', 'c2,45,1', 'c3,22,0'].join('\n'));
      const next = async () => {
        const init = await runCli(['init'], { cwd: repo.dir });
        expect(init.code).toBe(0);
        return init.stdout.slice(init.stdout.indexOf('Next:\n'));
      };
      const first = await next();
      expect(first).toContain('  1. In skew.config.mjs, replace the two TODO commands: offline.command (your feature pipeline) and serving.start.command (your serving process)\n');
      const config = readFileSync(repo.path('skew.config.mjs'), 'utf8');

      writeFileSync(repo.path('skew.config.mjs'), config.replace(/\['TODO: offline feature command[^\]]*\]/, "['node', 'offline.js']"));
      expect(await next()).toContain('  1. In skew.config.mjs, replace the TODO command: serving.start.command (your serving process)\n  2. npx skew run ');

      writeFileSync(
        repo.path('skew.config.mjs'),
        config.replace(/\['TODO: offline feature command[^\]]*\]/, "['node', 'offline.js']").replace(/\['TODO: serving start command[^\]]*\]/, "['node', 'server.js']"),
      );
      const done = await next();
      expect(done).not.toMatch(/TODO|replace/);
      expect(done).toMatch(/^Next:\n {2}1\. npx skew run {17}first run: .*\n {2}2\. npm test {22}jest runs skew\.test\.js: one test per check\n {2}3\. Nightly /);
    } finally {
      repo.remove();
    }
  });

  it('keeps a config the repo already has under another extension, and points the new spec at it', async () => {
    const repo = new TempRepo();
    try {
      // A JavaScript repo (no typescript) whose team wrote skew.config.ts by hand.
      repo.write('package.json', JSON.stringify({ name: 'model', private: true }));
      repo.write('data/train.csv', ['customer_id,age,renewed', 'c1,31,0', 'c2,45,1', 'c3,22,0'].join('\n'));
      repo.write('skew.config.ts', "export default { source: { path: 'data/train.csv' } };\n");
      const init = await runCli(['init'], { cwd: repo.dir });
      expect(init.code).toBe(0);
      expect(init.stdout).toContain('skew init: created skew.test.js\nskew init: skipped skew.config.ts: it exists (left as it is)\n');
      expect(init.stdout).toContain('label renewed;');
      expect(existsSync(repo.path('skew.config.mjs'))).toBe(false);
      expect(readFileSync(repo.path('skew.test.js'), 'utf8')).toContain("describeSkew({ config: 'skew.config.ts' });");
    } finally {
      repo.remove();
    }
  });

  it('unknown data: exit 2 with one line', async () => {
    const repo = new TempRepo();
    try {
      const none = await runCli(['init'], { cwd: repo.dir });
      expect(none).toEqual({ code: 2, stdout: '', stderr: `skew: init: no CSV or JSON Lines file found under ${repo.dir} (node_modules excluded); pass one with --data train.csv\n` });
    } finally {
      repo.remove();
    }
  });
});

describe('skew init: what it infers', () => {
  it('detects ts-jest (dependency, preset or jest config) and TypeScript', () => {
    const repo = new TempRepo();
    try {
      repo.write('a/package.json', JSON.stringify({ devDependencies: { jest: '^30', 'ts-jest': '^29', typescript: '^5' } }));
      repo.write('b/package.json', JSON.stringify({ jest: { preset: 'ts-jest' } }));
      repo.write('c/package.json', JSON.stringify({ devDependencies: { jest: '^30' } }));
      repo.write('c/jest.config.js', "module.exports = { transform: { '^.+\\\\.ts$': 'ts-jest' } };");
      repo.write('d/package.json', JSON.stringify({ devDependencies: { jest: '^30', typescript: '^5' } }));
      repo.write('e/package.json', JSON.stringify({ devDependencies: { jest: '^30' } }));
      expect(['a', 'b', 'c', 'd', 'e'].map((d) => detectProject(repo.path(d)))).toEqual([
        { typescript: true, tsJest: true },
        { typescript: true, tsJest: true },
        { typescript: true, tsJest: true },
        { typescript: true, tsJest: false },
        { typescript: false, tsJest: false },
      ]);
    } finally {
      repo.remove();
    }
  });

  it('prefers unique id-like keys and low-cardinality label-like columns', () => {
    const columns = [
      { name: 'row', type: 'integer' as const },
      { name: 'user_id', type: 'string' as const },
      { name: 'is_fraud', type: 'boolean' as const },
      { name: 'target', type: 'number' as const },
      { name: 'amount', type: 'number' as const },
    ];
    const rows = Array.from({ length: 20 }, (_, i) => ({ row: i, user_id: `u${i}`, is_fraud: i % 7 === 0, target: i * 1.5, amount: i % 3 }));
    const roles = inferRoles(columns, rows);
    expect(roles.keys).toEqual(['user_id']);
    // A classification target first; `target` has 20 values: a regression target, named so, after it.
    expect(roles.labels).toEqual(['is_fraud', 'target']);
    expect(roles.columns.find((c) => c.name === 'amount')).toEqual({ name: 'amount', type: 'number', distinct: 3, nulls: 0 });
  });

  it('guesses labels that are not named label: an outcome in the past tense, a regression target, a flag last', () => {
    const columns = [
      { name: 'loan_id', type: 'string' as const },
      { name: 'emailed', type: 'integer' as const },
      { name: 'is_weekend', type: 'boolean' as const },
      { name: 'speed', type: 'number' as const },
      { name: 'renewed', type: 'integer' as const },
    ];
    const rows = Array.from({ length: 30 }, (_, i) => ({ loan_id: `L${i}`, emailed: i % 2, is_weekend: i % 7 > 4, speed: i / 3, renewed: i % 3 === 0 ? 1 : 0 }));
    // `renewed` comes last, so it leads `emailed`; a flag like `is_weekend` is the last resort; `speed` is no outcome.
    expect(inferRoles(columns, rows).labels).toEqual(['renewed', 'emailed', 'is_weekend']);

    const regression = [
      { name: 'store_id', type: 'integer' as const },
      { name: 'price', type: 'number' as const },
      { name: 'units_target', type: 'number' as const },
    ];
    const sales = Array.from({ length: 30 }, (_, i) => ({ store_id: i, price: 2 + i / 10, units_target: i * 2.5, target_mean_city: i % 4 }));
    // target_mean_city is a target encoding: an input, not the label.
    expect(inferRoles([...regression, { name: 'target_mean_city', type: 'number' }], sales).labels).toEqual(['units_target']);
    // A many-valued column with a label-like name that is not numeric is still no label.
    const notes = Array.from({ length: 30 }, (_, i) => ({ store_id: i, price: 1, target: `note ${i}` }));
    expect(inferRoles([...regression.slice(0, 2), { name: 'target', type: 'string' }], notes).labels).toEqual([]);
  });
});
