import fc from 'fast-check';
import type { CheckResult } from '../../harness/core/check-result';
import { FieldStatsAccumulator } from '../../harness/core/field-stats';
import { decideVerdict, type VerdictInput } from '../../harness/core/verdict';
import { wilsonInterval } from '../../harness/core/wilson';

const check = (status: CheckResult['status'], fields: CheckResult['fields'] = []): CheckResult => ({
  name: 'parity',
  status,
  summary: 'summary',
  rows: { total: 10, compared: 10, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
  fields,
  errors: [],
});

const input = (over: Partial<VerdictInput> = {}): VerdictInput => ({
  checks: [check('passed')],
  errors: { offline: 0, online: 0, rows: 100 },
  errorBudget: 0.01,
  compared: 100,
  minCompared: 1,
  ...over,
});

describe('decideVerdict', () => {
  it('is clean with exit 0 when every check passed and budgets hold', () => {
    expect(decideVerdict(input())).toEqual({ status: 'clean', exitCode: 0, reasons: [] });
  });

  it('is skew with exit 1 and one reason per failed field', () => {
    const stats = new FieldStatsAccumulator(() => 0);
    stats.add([{ field: 'tenure_days', mismatches: [{ key: 'a', field: 'tenure_days', path: 'tenure_days', kind: 'value', offline: 1, online: 2 }] }]);
    stats.add([{ field: 'tenure_days', mismatches: [] }]);
    const verdict = decideVerdict(input({ checks: [check('failed', stats.result())] }));
    expect(verdict.status).toBe('skew');
    expect(verdict.exitCode).toBe(1);
    expect(verdict.reasons).toEqual([{ kind: 'field_skew', check: 'parity', field: 'tenure_days', mismatched: 1, compared: 2, rate: 0.5, budget: 0 }]);
  });

  it('is inconclusive with exit 3 over the error budget, with too few rows, or with serving unavailable', () => {
    expect(decideVerdict(input({ errors: { offline: 0, online: 2, rows: 100 } }))).toMatchObject({
      status: 'inconclusive',
      exitCode: 3,
      reasons: [{ kind: 'error_budget', side: 'online', errors: 2, rows: 100, rate: 0.02, budget: 0.01 }],
    });
    expect(decideVerdict(input({ errors: { offline: 1, online: 0, rows: 100 } })).status).toBe('clean');
    expect(decideVerdict(input({ compared: 0 })).reasons).toEqual([{ kind: 'too_few_compared', compared: 0, required: 1 }]);
    expect(decideVerdict(input({ servingUnavailable: 'down' })).reasons).toEqual([{ kind: 'serving_unavailable', message: 'down' }]);
  });

  it('calls a failed check of one side (noise, leakage) failed, not skew, with exit 1', () => {
    const leakage = { ...check('failed'), name: 'label-invariance', compares: 'same-side' as const, summary: 'x reads the label' };
    expect(decideVerdict(input({ checks: [check('passed'), leakage] }))).toEqual({
      status: 'failed',
      exitCode: 1,
      reasons: [{ kind: 'check_failed', check: 'label-invariance', message: 'x reads the label' }],
    });
  });

  it('puts interrupted before skew, and skew before failed and inconclusive', () => {
    const stats = new FieldStatsAccumulator(() => 0);
    stats.add([{ field: 'f', mismatches: [{ key: 'a', field: 'f', path: 'f', kind: 'value', offline: 1, online: 2 }] }]);
    const skewed = check('failed', stats.result());
    const leakage = { ...check('failed'), name: 'batch-invariance', compares: 'same-side' as const };
    expect(decideVerdict(input({ checks: [skewed, leakage], compared: 0 })).status).toBe('skew');
    expect(decideVerdict(input({ checks: [leakage], compared: 0 })).status).toBe('failed');
    expect(decideVerdict(input({ checks: [skewed], interrupted: true })).exitCode).toBe(130);
  });
});

describe('wilsonInterval', () => {
  it('contains the observed rate and stays inside [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const [low, high] = wilsonInterval(k, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
      }),
    );
  });

  it('matches the textbook value and narrows as trials grow', () => {
    const [low, high] = wilsonInterval(0, 1000);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.00383, 4);
    expect(wilsonInterval(5, 100)[1] - wilsonInterval(5, 100)[0]).toBeGreaterThan(wilsonInterval(50, 1000)[1] - wilsonInterval(50, 1000)[0]);
  });
});
