import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import yargs from 'yargs';
import type { CliIo } from '../../harness/cli/cli-io';
import { runDrift } from '../../harness/cli/drift-action';
import { driftCommand, type DriftArgs } from '../../harness/cli/drift-command';
import { runCli, TempRepo } from './cli-harness';

/**
 * `skew drift` in-process, through `runDrift` with captured streams, against real files in a temp dir.
 * (The black-box test through the built CLI comes with the command's registration in main.ts.)
 */

/** A CliIo whose output is kept as text. */
function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  return {
    stdout: sink((t) => (out += t)),
    stderr: sink((t) => (err += t)),
    cwd,
    env,
    out: () => out,
    err: () => err,
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const PLANS = ['basic', 'pro', 'team'];

/** Training features: a numeric column, a category, a flag, a key, a label. */
const TRAINING = [
  'customer_id,amount,plan,active,churned',
  ...range(300).map((i) => `C${i},${(i % 100) + 0.5},${PLANS[i % 3]},${i % 4 === 0},${i % 2}`),
].join('\n');

/** A serving log (JSON Lines) drawn from the same distributions, with extra columns. */
function servingLog(change: (i: number, row: Record<string, unknown>) => void = () => {}): string {
  return range(300)
    .map((i) => {
      const row: Record<string, unknown> = { request_id: `q${i}`, customer_id: `C${i}`, amount: ((i * 7) % 100) + 0.5, plan: PLANS[(i * 7) % 3], active: (i * 7) % 4 === 0 };
      change(i, row);
      return JSON.stringify(row);
    })
    .join('\n');
}

let repo: TempRepo;
beforeEach(() => {
  repo = new TempRepo();
  repo.write('train.csv', TRAINING);
});
afterEach(() => repo.remove());

async function drift(args: DriftArgs, env?: NodeJS.ProcessEnv) {
  const io = captureIo(repo.dir, env);
  const code = await runDrift(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

interface DriftJson {
  schemaVersion: number;
  kind: string;
  baseline: { path: string; rowsRead: number; rowsSampled: number };
  current: { rowsRead: number; rowsSampled: number };
  thresholds: Record<string, number>;
  columns: Array<{ column: string; kind: string | null; status: string; psi: number | null; jensenShannon: number | null; lInfinity: number | null; nullRate: { baseline: number; current: number } }>;
  onlyInBaseline: string[];
  onlyInCurrent: string[];
  excluded: string[];
  verdict: { status: string; exitCode: number; drifted: string[] };
}
const readJson = (name: string) => JSON.parse(readFileSync(repo.path(name), 'utf8')) as DriftJson;

describe('skew drift', () => {
  it('exits 0 for identical files, every column stable', async () => {
    repo.write('copy.csv', TRAINING);
    const result = await drift({ baseline: 'train.csv', current: 'copy.csv', json: 'out/drift.json' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/STABLE: no drift over thresholds \(PSI > 0.2, JS > 0.1, L∞ > 0.1\) in 5 columns/);
    const json = readJson('out/drift.json');
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'drift', thresholds: { psi: 0.2, jensenShannon: 0.1, lInfinity: 0.1 }, verdict: { status: 'stable', exitCode: 0 } });
    expect(json.columns.map((c) => [c.column, c.kind, c.status, c.psi ?? c.lInfinity])).toEqual([
      ['customer_id', 'categorical', 'stable', 0],
      ['amount', 'numeric', 'stable', 0],
      ['plan', 'categorical', 'stable', 0],
      ['active', 'categorical', 'stable', 0],
      ['churned', 'numeric', 'stable', 0],
    ]);
    expect(readdirSync(repo.path('out'))).toEqual(['drift.json']);
  });

  it('compares a CSV training file with a JSON Lines serving log from the same distributions: stable, one-sided columns listed', async () => {
    repo.write('serving.jsonl', servingLog());
    const result = await drift({ baseline: 'train.csv', current: 'serving.jsonl', key: ['customer_id'], json: 'drift.json' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Only in baseline (1): churned');
    expect(result.stdout).toContain('Only in current (1): request_id');
    expect(result.stdout).toContain('Left out (--key, --ignore): customer_id');
    const json = readJson('drift.json');
    expect(json.columns.map((c) => c.column)).toEqual(['amount', 'plan', 'active']);
    expect(json.excluded).toEqual(['customer_id']);
  });

  it('exits 1 naming a shifted numeric column and a column with a new category', async () => {
    repo.write('serving.jsonl', servingLog((i, row) => {
      row['amount'] = (row['amount'] as number) + 40;
      if (i % 3 === 0) row['plan'] = 'gold';
    }));
    const result = await drift({ baseline: 'train.csv', current: 'serving.jsonl', ignore: ['customer_id,request_id'], json: 'drift.json' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/DRIFT: 2 of 3 columns over thresholds .*: amount \(PSI \d+\.\d{3}, JS \d\.\d{3}\), plan \(L∞ 0\.333\)/);
    expect(result.stdout).toMatch(/amount: median 50 → 90/);
    expect(result.stdout).toMatch(/plan: "basic" 33\.3% → 0% of rows; 1 category not in baseline \(33\.3% of rows\): "gold"/);
    const json = readJson('drift.json');
    expect(json.verdict).toMatchObject({ status: 'drift', exitCode: 1, drifted: ['amount', 'plan'] });
    const byName = Object.fromEntries(json.columns.map((c) => [c.column, c]));
    expect(byName['amount']!.psi!).toBeGreaterThan(0.2);
    expect(byName['active']!.status).toBe('stable');
  });

  it('counts nulls imputed differently and a type change as drift', async () => {
    repo.write('serving.jsonl', servingLog((i, row) => {
      if (i % 4 === 0) row['amount'] = null;
      row['active'] = row['active'] ? 'yes' : 'no';
      row['plan'] = i;
    }));
    const result = await drift({ baseline: 'train.csv', current: 'serving.jsonl', key: ['customer_id'], json: 'drift.json' });
    expect(result.code).toBe(1);
    const byName = Object.fromEntries(readJson('drift.json').columns.map((c) => [c.column, c]));
    expect(byName['amount']).toMatchObject({ status: 'drift', nullRate: { baseline: 0, current: 0.25 } });
    expect(byName['active']).toMatchObject({ status: 'drift', kind: 'categorical' });
    expect(byName['plan']).toMatchObject({ status: 'type_changed', kind: null });
    expect(result.stdout).toContain('plan: type changed: string in baseline, integer in current');
  });

  it('compares dates as instants and leaves JSON objects out', async () => {
    const day = (i: number, year: number) => `${year}-0${1 + (i % 9)}-1${i % 10}`;
    const lines = (year: number) => range(200).map((i) => JSON.stringify({ signup_date: day(i, year), geo: { lat: i }, plan: PLANS[i % 3] }));
    repo.write('train.jsonl', lines(2023).join('\n'));
    repo.write('serving.jsonl', lines(2025).join('\n'));
    const result = await drift({ baseline: 'train.jsonl', current: 'serving.jsonl', json: 'drift.json' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/signup_date: median 2023-05-1\dT00:00:00\.000Z → 2025-05-1\dT00:00:00\.000Z/);
    expect(result.stdout).toMatch(/geo +– .* not compared \(JSON\)/);
    const byName = Object.fromEntries(readJson('drift.json').columns.map((c) => [c.column, c]));
    expect(byName['signup_date']).toMatchObject({ kind: 'numeric', status: 'drift' });
    expect(byName['geo']).toMatchObject({ kind: null, status: 'not_compared' });
    expect(byName['plan']).toMatchObject({ status: 'stable' });

    repo.write('empty.jsonl', '\n\n');
    expect((await drift({ baseline: 'train.jsonl', current: 'empty.jsonl' })).code).toBe(3);
  });

  it('uses the thresholds given', async () => {
    repo.write('serving.jsonl', servingLog((i, row) => {
      if (i % 3 === 0) row['plan'] = 'gold';
    }));
    const strict = await drift({ baseline: 'train.csv', current: 'serving.jsonl', key: ['customer_id'], linf: 0.5 });
    expect(strict.code).toBe(0);
    const loose = await drift({ baseline: 'train.csv', current: 'serving.jsonl', key: ['customer_id'], psi: 0, js: 0 });
    expect(loose.code).toBe(1);
  });

  it('samples a large file with a seeded reservoir, the same rows every time', async () => {
    repo.write('serving.jsonl', servingLog());
    const args: DriftArgs = { baseline: 'train.csv', current: 'serving.jsonl', sample: '50', seed: 9, json: 'a.json' };
    expect((await drift(args)).stdout).toContain('current serving.jsonl (jsonl, 50 of 300 rows)');
    await drift({ ...args, json: 'b.json' });
    const [a, b] = [readJson('a.json'), readJson('b.json')];
    expect(a.current).toMatchObject({ rowsRead: 300, rowsSampled: 50 });
    expect(a.columns).toEqual(b.columns);
    const all = await drift({ ...args, sample: 'all', json: 'c.json' });
    expect(all.stdout).toContain('Distributions from every row.');
    expect(readJson('c.json').current.rowsSampled).toBe(300);
  });

  it('exits 2 with one line naming file and line for a malformed CSV, and writes nothing', async () => {
    repo.write('bad.csv', 'amount,plan\n1,basic\n2\n');
    const result = await drift({ baseline: 'train.csv', current: 'bad.csv', json: 'drift.json' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`skew: ${repo.path('bad.csv')}:3: row has 1 field, header has 2\n`);
    expect(existsSync(repo.path('drift.json'))).toBe(false);
    const skipped = await drift({ baseline: 'train.csv', current: 'bad.csv', skipBadRows: true });
    expect(skipped.stdout).toContain('bad.csv (csv, 1 row, 1 bad skipped)');
  });

  it('exits 2 naming the argument for bad arguments and a missing file', async () => {
    expect((await drift({ current: 'train.csv' })).stderr).toBe('skew: --baseline FILE is required (skew drift --baseline train.csv --current serving.jsonl)\n');
    const cases: Array<[DriftArgs, RegExp]> = [
      [{ baseline: 'train.csv', current: 'train.csv', psi: -1 }, /^skew: --psi must be a number ≥ 0 \(got -1\)\n$/],
      [{ baseline: 'train.csv', current: 'train.csv', js: 2 }, /^skew: --js must be a number from 0 to 1 \(got 2\)\n$/],
      [{ baseline: 'train.csv', current: 'train.csv', sample: 'lots' }, /^skew: --sample must be a positive integer or "all" \(got "lots"\)\n$/],
      [{ baseline: 'train.csv', current: 'train.csv', format: 'parquet' }, /^skew: --format must be csv or jsonl/],
      [{ baseline: 'train.csv', current: 'nope.jsonl' }, /^skew: .*nope\.jsonl: file not found\n$/],
    ];
    for (const [args, message] of cases) {
      const result = await drift(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('exits 3 when nothing is comparable: no common columns, or an empty file', async () => {
    repo.write('other.jsonl', '{"x": 1}\n{"x": 2}\n');
    const disjoint = await drift({ baseline: 'train.csv', current: 'other.jsonl', json: 'drift.json' });
    expect(disjoint.code).toBe(3);
    expect(disjoint.stdout).toContain('NOTHING TO COMPARE: no column is in both files');
    expect(readJson('drift.json').verdict).toMatchObject({ status: 'nothing_comparable', exitCode: 3 });

    repo.write('empty.csv', 'amount,plan\n');
    const empty = await drift({ baseline: 'train.csv', current: 'empty.csv' });
    expect(empty.code).toBe(3);
    expect(empty.stderr).toBe(`skew: nothing to compare: ${repo.path('empty.csv')}: header but no data rows\n`);

    const ignoredAll = await drift({ baseline: 'train.csv', current: 'train.csv', ignore: ['customer_id,amount,plan,active,churned'] });
    expect(ignoredAll.code).toBe(3);
    expect(ignoredAll.stdout).toContain('no column is in both files (apart from --key and --ignore columns)');
  });

  it('colours only when asked and never with NO_COLOR', async () => {
    const ansi = /\u001b\[/;
    expect((await drift({ baseline: 'train.csv', current: 'train.csv' })).stdout).not.toMatch(ansi);
    expect((await drift({ baseline: 'train.csv', current: 'train.csv' }, { FORCE_COLOR: '1' })).stdout).toMatch(ansi);
    expect((await drift({ baseline: 'train.csv', current: 'train.csv' }, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toMatch(ansi);
  });

  it('plugs into yargs as a command module that hands over the exit code', async () => {
    repo.write('serving.jsonl', servingLog((_i, row) => (row['amount'] = 1000)));
    const io = captureIo(repo.dir);
    let exitCode = -1;
    await yargs(['drift', '--baseline', 'train.csv', '--current', 'serving.jsonl', '--ignore', 'customer_id', '--ignore', 'request_id', '--psi', '0.25'])
      .command(driftCommand({ io, setExitCode: (code) => (exitCode = code) }))
      .strictOptions()
      .exitProcess(false)
      .parseAsync();
    expect(exitCode).toBe(1);
    expect(io.out()).toMatch(/DRIFT: 1 of 3 columns over thresholds \(PSI > 0.25.*: amount/);
  });
});

describe('skew drift through the built CLI', () => {
  it('exits 1 naming the drifting column, and 2 for a missing file', async () => {
    const dir = new TempRepo();
    try {
      dir.write('train.csv', ['id,amount,plan', ...range(200).map((i) => `${i},${i % 50},${PLANS[i % 3]}`)].join('\n'));
      dir.write('serving.jsonl', range(200).map((i) => JSON.stringify({ id: i, amount: (i % 50) + 40, plan: PLANS[i % 3] })).join('\n'));
      const drift = await runCli(['drift', '--baseline', 'train.csv', '--current', 'serving.jsonl', '--key', 'id'], { cwd: dir.dir });
      expect(drift.code).toBe(1);
      expect(drift.stdout).toMatch(/amount/);
      expect(drift.stdout).toMatch(/drift/i);
      const missing = await runCli(['drift', '--baseline', 'nope.csv', '--current', 'serving.jsonl'], { cwd: dir.dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim().split('\n')).toHaveLength(1);
      expect(missing.stderr).toMatch(/nope\.csv/);
    } finally {
      dir.remove();
    }
  });
});
