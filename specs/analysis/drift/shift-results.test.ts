import { covariateShiftResult, labelShiftResult } from '../../../harness/analysis/drift/shift-results';
import { decideVerdict } from '../../../harness/core/verdict';

/** covariate-shift and label-shift: which columns count as shifted, warnings by default, failures when configured. */

const THRESHOLDS = { psi: 0.2, jensenShannon: 0.1, lInfinity: 0.1 };
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const PLANS = ['basic', 'premium', 'standard'];
const columns = [
  { name: 'customer_id', type: 'string' as const },
  { name: 'plan', type: 'string' as const },
  { name: 'spend', type: 'number' as const },
  { name: 'tickets', type: 'integer' as const },
];
const training = range(400).map((i) => ({ customer_id: `C${i}`, plan: PLANS[i % 3], spend: (i * 37) % 100, tickets: i % 5 }));
const same = range(300).map((i) => ({ customer_id: `L${i}`, plan: PLANS[(i * 7) % 3], spend: (i * 53) % 100, tickets: (i * 3) % 5 }));

function covariate(log: ReadonlyArray<Record<string, unknown>>, fail = false) {
  return covariateShiftResult({ training: { columns, rows: training }, log: { columns, rows: log }, thresholds: THRESHOLDS, exclude: ['customer_id'], fail });
}

describe('covariateShiftResult', () => {
  it('passes without warnings when the logged inputs are distributed as in training', () => {
    const result = covariate(same);
    expect(result.status).toBe('passed');
    expect(result.warnings).toBeUndefined();
    expect(result.shift?.columns.map((c) => c.column)).toEqual(['plan', 'spend', 'tickets']);
  });

  it('warns on exactly the shifted columns — a new category, a moved number — and never counts as skew', () => {
    const log = same.map((row, i) => ({ ...row, plan: i % 3 === 0 ? 'enterprise' : row.plan, spend: row.spend + 150 }));
    const result = covariate(log);
    expect(result.status).toBe('passed');
    expect(result.warnings?.map((w) => w.message)).toEqual([
      expect.stringMatching(/^plan: L∞ 0\.\d+ \(1 category training never has \("enterprise"\): 33% of logged rows\)$/),
      expect.stringMatching(/^spend: PSI \d+\.\d+, JS \d\.\d+ \(median \d+(\.\d+)? → \d+(\.\d+)?\)$/),
    ]);
    const verdict = decideVerdict({ checks: [result], errors: { offline: 0, online: 0, rows: 0 }, errorBudget: 0, compared: 1, minCompared: 1 });
    expect(verdict).toMatchObject({ status: 'clean', exitCode: 0, warnings: [{ check: 'covariate-shift', count: 2 }] });
  });

  it('fails the run (exit 1, not as skew) when configured to', () => {
    const result = covariate(same.map((row) => ({ ...row, tickets: 9 })), true);
    expect(result.status).toBe('failed');
    const verdict = decideVerdict({ checks: [result], errors: { offline: 0, online: 0, rows: 0 }, errorBudget: 0, compared: 1, minCompared: 1 });
    expect(verdict.status).toBe('failed');
    expect(verdict.reasons).toEqual([{ kind: 'check_failed', check: 'covariate-shift', message: expect.stringContaining('tickets') }]);
  });
});

describe('labelShiftResult', () => {
  const labels = range(400).map((i) => (i % 4 === 0 ? 1 : 0));
  const shift = (log: unknown[], fail = false) =>
    labelShiftResult({ column: 'churned', training: { type: 'integer', values: labels }, log: { type: 'integer', values: log }, thresholds: THRESHOLDS, fail });

  it('compares class shares: stable at the training balance, shifted when the balance moves', () => {
    expect(shift(range(200).map((i) => (i % 4 === 1 ? 1 : 0))).status).toBe('passed');
    const moved = shift(range(200).map((i) => (i % 2 === 0 ? 1 : 0)));
    expect(moved.status).toBe('passed');
    expect(moved.warnings?.[0]?.message).toMatch(/^churned: L∞ 0\.250 \("?[01]"? (75|25)% → 50%\)$/);
    expect(shift(range(200).map((i) => (i % 2 === 0 ? 1 : 0)), true).status).toBe('failed');
  });

  it('is skipped when no logged record has a joined label', () => {
    expect(shift([])).toMatchObject({ status: 'skipped', summary: 'no sampled log record has a joined label (churned)' });
  });
});
