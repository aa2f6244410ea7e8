import { execFileSync } from 'node:child_process';
import { shellQuote } from '../../harness/core/shell-quote';
import { reproduceRow } from '../../harness/reporters/reproduce-row';
import { mapReproducePaths, reproduceCommand, type ReproduceRun } from '../../harness/runner/reproduce-command';

const sample = { size: 1000, method: 'reservoir', seed: 7, stratifyBy: null } as ReproduceRun['sample'];
const base: ReproduceRun = { configFile: '/repo/skew.config.ts', target: null, sample };
/** The words a POSIX shell makes of a command line. */
const shellWords = (line: string): string[] => JSON.parse(execFileSync('sh', ['-c', `${line.replace(/^npx skew run/, 'node -e "console.log(JSON.stringify(process.argv.slice(1)))" --')}`], { encoding: 'utf8' })) as string[];

describe('reproduceCommand', () => {
  it('is the config, target and sample alone for a run given no other option', () => {
    expect(reproduceCommand({ ...base, target: 'staging' }, '/repo')).toBe('npx skew run --config skew.config.ts --target staging --seed 7 --sample 1000 --sample-method reservoir');
  });

  it('carries --checks and every flag that changed the run, in a fixed order, paths relative to cwd', () => {
    const run: ReproduceRun = {
      ...base,
      checks: ['determinism', 'parity'],
      flags: { url: 'http://127.0.0.1:59999/features', noStart: true, replayServing: '/repo/tapes/staging', skipBadRows: true, failuresDir: '/repo/.mem', noRemember: true },
    };
    expect(reproduceCommand(run, '/repo')).toBe(
      'npx skew run --config skew.config.ts --seed 7 --sample 1000 --sample-method reservoir --checks determinism,parity --url http://127.0.0.1:59999/features --no-start --replay-serving tapes/staging --skip-bad-rows --failures-dir .mem --no-remember',
    );
  });

  it("a run of --keys: every line it prints reads those rows, not the sample (a generated case's path indexes them)", () => {
    const run: ReproduceRun = { ...base, keys: ['S020|SKU-00173|2024-01-01'] };
    expect(reproduceCommand(run, '/repo', { generated: { seed: 1, path: '0:0:0' } })).toBe(
      "npx skew run --config skew.config.ts --keys 'S020|SKU-00173|2024-01-01' --checks generated-parity --generated-seed 1 --generated-path 0:0:0",
    );
    expect(reproduceCommand(run, '/repo', { check: 'input-contract' })).toBe("npx skew run --config skew.config.ts --keys 'S020|SKU-00173|2024-01-01' --checks input-contract");
    expect(reproduceCommand(run, '/repo')).toBe("npx skew run --config skew.config.ts --keys 'S020|SKU-00173|2024-01-01'");
    // A line for one row narrows further.
    expect(reproduceCommand(run, '/repo', { keys: ['x'], check: 'parity' })).toBe('npx skew run --config skew.config.ts --keys x --checks parity');
  });

  it("narrows to one check without repeating the run's --checks, and keeps the setup flags", () => {
    const run: ReproduceRun = { ...base, checks: ['parity', 'input-contract'], flags: { url: 'http://h/f', noStart: true, generatedRuns: 50, generatedSeed: 3 } };
    const parity = reproduceCommand(run, '/repo', { keys: ['u1', 'u2'], check: 'parity' });
    expect(parity).toBe('npx skew run --config skew.config.ts --keys u1,u2 --checks parity --url http://h/f --no-start');
    const contract = reproduceCommand(run, '/repo', { check: 'input-contract' });
    expect(contract).toBe('npx skew run --config skew.config.ts --seed 7 --sample 1000 --sample-method reservoir --checks input-contract --url http://h/f --no-start');
    const generated = reproduceCommand(run, '/repo', { generated: { seed: 9, path: '36:1:0' } });
    expect(generated).toBe('npx skew run --config skew.config.ts --seed 7 --sample 1000 --sample-method reservoir --checks generated-parity --generated-seed 9 --generated-path 36:1:0 --generated-runs 50 --url http://h/f --no-start');
    for (const line of [parity, contract, generated]) expect(line.split(' ').filter((w) => w === '--checks')).toHaveLength(1);
    // The whole run's line: its generated-parity options as given.
    expect(reproduceCommand({ ...run, generatedPath: '4:2' }, '/repo')).toBe(
      'npx skew run --config skew.config.ts --seed 7 --sample 1000 --sample-method reservoir --checks parity,input-contract --generated-seed 3 --generated-path 4:2 --generated-runs 50 --url http://h/f --no-start',
    );
  });

  it('quotes every argument so that a POSIX shell passes it through unchanged', () => {
    const url = `http://127.0.0.1:8080/f?model=v1&tag=it's $HOME`;
    const run: ReproduceRun = { ...base, configFile: '/repo/my configs/skew.config.ts', flags: { url, failuresDir: '/repo/mem (old)' } };
    const line = reproduceCommand(run, '/repo', { keys: ["o'brien", 'a b'], check: 'parity' });
    expect(shellWords(line)).toEqual(['--config', 'my configs/skew.config.ts', '--keys', "o'brien,a b", '--checks', 'parity', '--url', url, '--failures-dir', 'mem (old)']);
  });

  it('maps every path it holds (a blob keeps them relative to its shard, the merge resolves them)', () => {
    const run: ReproduceRun = { ...base, flags: { replayServing: '/repo/tapes', failuresDir: '/repo/.mem', url: 'http://h/f' } };
    const relative = mapReproducePaths(run, (p) => p.replace('/repo/', ''));
    expect(relative).toEqual({ ...base, configFile: 'skew.config.ts', flags: { replayServing: 'tapes', failuresDir: '.mem', url: 'http://h/f' } });
    expect(mapReproducePaths(relative, (p) => `/merge/${p}`)).toEqual({ ...base, configFile: '/merge/skew.config.ts', flags: { replayServing: '/merge/tapes', failuresDir: '/merge/.mem', url: 'http://h/f' } });
  });
});

describe('reproduceRow', () => {
  it("swaps the run's sampling for the row's key and keeps every other option", () => {
    const run = reproduceCommand({ ...base, checks: ['parity'], flags: { url: 'http://h/f?a=1&b=2', noStart: true } }, '/repo');
    expect(reproduceRow(run, "k'1")).toBe(`npx skew run --config skew.config.ts --checks parity --url 'http://h/f?a=1&b=2' --no-start --keys 'k'\\''1'`);
    expect(shellWords(reproduceRow(run, "k'1")).slice(-2)).toEqual(['--keys', "k'1"]);
  });
});

describe('shellQuote', () => {
  it('leaves safe words alone and quotes the rest', () => {
    expect(shellQuote('skew.config.ts')).toBe('skew.config.ts');
    expect(shellQuote('')).toBe(`''`);
    expect(shellQuote('a;b')).toBe(`'a;b'`);
  });
});
