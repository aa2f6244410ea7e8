/**
 * The checks against the bundled example's bug variants, end to end: the real Python pipeline, the real serving
 * process, the real runner. Each variant must be caught by the check built for it — and only reported as what it is.
 */
import * as path from 'node:path';
import { loadConfig } from '../../harness/config/load-config';
import type { TargetConfig } from '../../harness/config/user-config';
import type { SkewReport } from '../../harness/core/report';
import { runSkew } from '../../harness/runner/run-skew';
import type { CheckName } from '../../harness/checks/check-names';

const root = path.resolve(__dirname, '..', '..');

async function run(overrides: TargetConfig, checks: CheckName[]): Promise<SkewReport> {
  const config = await loadConfig({
    file: 'examples/churn/skew.config.ts',
    cwd: root,
    overrides: { sample: { size: 200 }, failures: { remember: false }, ...overrides },
  });
  return runSkew({ config, checks, cwd: root });
}

const check = (report: SkewReport, name: string) => report.checks.find((c) => c.name === name)!;

describe('the churn example bug variants', () => {
  it('a jittery server fails determinism, and parity does not report the jitter as skew', async () => {
    const report = await run({ serving: { start: { env: { EXAMPLE_BUGS: 'jitter' } } } }, ['determinism', 'parity']);
    expect(check(report, 'determinism')).toMatchObject({ status: 'failed', fields: [expect.objectContaining({ field: 'avg_session_minutes', side: 'online' })] });
    const parity = check(report, 'parity');
    expect(parity.status).toBe('passed');
    expect(parity.fields.find((f) => f.field === 'avg_session_minutes')!.noise!.explained).toBeGreaterThan(0);
    expect(report.verdict.status).toBe('failed');
  });

  it('an offline pipeline that normalises with its batch fails batch-invariance', async () => {
    const report = await run(
      { serving: { start: { env: { EXAMPLE_BUGS: 'none' } } }, offline: { env: { EXAMPLE_OFFLINE_BUGS: 'batch' } } },
      ['batch-invariance', 'label-invariance'],
    );
    const batch = check(report, 'batch-invariance');
    expect(batch.status).toBe('failed');
    expect(batch.fields.filter((f) => f.status === 'failed').map((f) => f.field)).toEqual(['sessions_z']);
    expect(check(report, 'label-invariance').status).toBe('passed');
  });

  it('an offline pipeline that reads the label fails label-invariance', async () => {
    const report = await run(
      { serving: { start: { env: { EXAMPLE_BUGS: 'none' } } }, offline: { env: { EXAMPLE_OFFLINE_BUGS: 'label' } } },
      ['batch-invariance', 'label-invariance'],
    );
    const label = check(report, 'label-invariance');
    expect(label.status).toBe('failed');
    expect(label.fields.filter((f) => f.status === 'failed').map((f) => f.field)).toEqual(['avg_session_minutes']);
    expect(check(report, 'batch-invariance').status).toBe('passed');
  });

  it('bugs only edge values reach are found by generated-parity, not by parity on training rows', async () => {
    const report = await run({ serving: { start: { env: { EXAMPLE_BUGS: 'vocab,rounding' } } } }, ['parity', 'generated-parity']);
    expect(check(report, 'parity').status).toBe('passed');
    const generated = check(report, 'generated-parity');
    expect(generated.status).toBe('failed');
    expect(generated.counterexamples!.map((x) => x.field).sort()).toEqual(['plan_code', 'spend_bucket']);
    for (const x of generated.counterexamples!) expect(x.changes).toHaveLength(1);
  });
});
