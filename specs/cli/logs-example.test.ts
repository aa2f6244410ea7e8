import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CheckResult } from '../../harness/core/check-result';
import type { SkewReport } from '../../harness/core/report';
import { replayTraffic, type TrafficOptions } from '../../examples/churn/serving/traffic';
import { runCli, TempRepo } from './cli-harness';

/**
 * The acceptance of `skew logs`, tried as a new user would on the bundled example: the example's server logs real
 * requests (SKEW_EXAMPLE_LOG, driven by `serving/replay-traffic.ts`), then `skew logs` reads that log. With the
 * bugs on it names the same fields and hints as the replay run (`skew run`); with the bugs off it is clean; shifted
 * traffic shows covariate shift on exactly the shifted columns, apart from skew. Small: 300 requests per log.
 */

const root = path.resolve(__dirname, '..', '..');
const config = 'examples/churn/skew.config.ts';
const REQUESTS = '300';

/** Drives the example's logging server (as `serving/replay-traffic.ts` does): starts it, sends requests, stops it. */
const traffic = (log: string, options: Partial<TrafficOptions> = {}) =>
  replayTraffic({ requests: Number(REQUESTS), log, bugs: undefined, shift: false, joinLabels: false, seed: 1, concurrency: 8, ...options });

const repo = new TempRepo();
const reportOf = (dir: string) => JSON.parse(readFileSync(repo.path(`${dir}/skew-report.json`), 'utf8')) as SkewReport;
const check = (report: SkewReport, name: string) => report.checks.find((c) => c.name === name)!;
const failedFields = (c: CheckResult) => c.fields.filter((f) => f.status === 'failed').map((f) => f.field);
const hintKinds = (c: CheckResult) => Object.fromEntries(c.fields.filter((f) => f.status === 'failed').map((f) => [f.field, f.analysis?.hints[0]?.kind]));

const runs: Record<string, { code: number | null; stdout: string; stderr: string }> = {};

beforeAll(async () => {
  await Promise.all([
    traffic(repo.path('bugs.jsonl'), { joinLabels: true }),
    traffic(repo.path('clean.jsonl'), { bugs: 'none' }),
    traffic(repo.path('shifted.jsonl'), { bugs: 'none', shift: true, seed: 2 }),
  ]);
  const logs = (name: string, ...extra: string[]) =>
    runCli(['logs', '--config', config, '--log', repo.path(`${name}.jsonl`), '--sample', REQUESTS, '--report-dir', repo.path(name), '-r', 'terminal,json', ...extra], { cwd: root });
  repo.write('bare/skew.config.json', JSON.stringify({ source: { path: 't.csv' }, offline: { command: ['python3', 'f.py'] }, serving: { url: 'http://127.0.0.1:9/f' } }));
  const [bugs, clean, shifted, replay, badSince, noLogs] = await Promise.all([
    logs('bugs'),
    logs('clean'),
    logs('shifted'),
    runCli(['run', '--config', config, '--checks', 'parity', '--sample', REQUESTS, '--no-remember', '--report-dir', repo.path('replay'), '-r', 'json'], { cwd: root }),
    logs('clean', '--since', 'yesterday'),
    runCli(['logs'], { cwd: repo.path('bare') }),
  ]);
  Object.assign(runs, { bugs, clean, shifted, replay, badSince, noLogs });
}, 120_000);

afterAll(() => repo.remove());

describe('skew logs on the example server', () => {
  it('names the same skewed fields and hints as the replay run, with the bugs on (exit 1)', () => {
    expect(runs['bugs']!.code).toBe(1);
    expect(runs['replay']!.code).toBe(1);
    const logged = check(reportOf('bugs'), 'train-serve-skew');
    const replayed = check(reportOf('replay'), 'parity');
    expect(failedFields(logged).sort()).toEqual(['sessions_z', 'tenure_days']);
    expect(failedFields(logged).sort()).toEqual(failedFields(replayed).sort());
    expect(hintKinds(logged)).toEqual(hintKinds(replayed));
    // The clock bug reads as the clock bug: the log's time was passed to the pipeline as reference_date.
    const tenure = logged.fields.find((f) => f.field === 'tenure_days')!;
    expect(tenure.analysis?.hints[0]?.message).toMatch(/current time instead of the row's reference_date/);
    expect(tenure.examples[0]?.inputs?.['reference_date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(runs['bugs']!.stdout).toContain('SKEW: train-serve-skew: tenure_days 100%');
    expect(runs['bugs']!.stdout).toMatch(/One row: +npx skew logs --config examples\/churn\/skew.config.ts --keys C\d+/);
  });

  it('keeps the joined labels apart: label shift is its own check, here stable', () => {
    const label = check(reportOf('bugs'), 'label-shift');
    expect(label.status).toBe('passed');
    expect(label.shift?.kind).toBe('label');
    expect(label.warnings).toBeUndefined();
  });

  it('is clean with the bugs off: no skew, no shift (exit 0)', () => {
    expect(runs['clean']!.code).toBe(0);
    const report = reportOf('clean');
    expect(report.verdict.status).toBe('clean');
    expect(check(report, 'train-serve-skew').rows.compared).toBe(300);
    expect(check(report, 'covariate-shift').warnings).toBeUndefined();
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['train-serve-skew', 'passed'],
      ['covariate-shift', 'passed'],
      // No label was joined to this log.
      ['label-shift', 'skipped'],
    ]);
  });

  it('reports covariate shift on exactly the shifted columns, apart from skew', () => {
    expect(runs['shifted']!.code).toBe(0);
    const report = reportOf('shifted');
    expect(check(report, 'train-serve-skew').status).toBe('passed');
    const shift = check(report, 'covariate-shift');
    const shifted = shift.shift!.columns.filter((c) => c.status === 'drift').map((c) => c.column);
    expect(shifted.sort()).toEqual(['monthly_spend', 'plan']);
    expect(shift.warnings?.map((w) => w.message.split(':')[0]).sort()).toEqual(['monthly_spend', 'plan']);
    expect(shift.warnings?.find((w) => w.message.startsWith('plan'))?.message).toContain('"enterprise"');
    expect(report.verdict.summary).toBe('CLEAN: every check passed; 2 warnings in covariate-shift');
  });
});

describe('skew logs on bad input', () => {
  it('names the setting in one line and exits 2', () => {
    expect(runs['badSince']).toMatchObject({ code: 2, stdout: '' });
    expect(runs['badSince']!.stderr).toMatch(/^skew: .*logs\.since must be an ISO 8601 instant like 2024-03-01T00:00:00Z \(got "yesterday"\)\n$/);
    expect(runs['noLogs']).toMatchObject({ code: 2, stdout: '' });
    expect(runs['noLogs']!.stderr).toMatch(/^skew: .*logs is not set: skew logs needs the serving log, e\.g\. logs: \{ path: "logs\/serving\.jsonl" \}\n$/);
  });
});
