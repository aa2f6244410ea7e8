import fc from 'fast-check';
import type { CheckResult } from '../../harness/core/check-result';
import { FieldStatsAccumulator } from '../../harness/core/field-stats';
import { ROW_FIELD } from '../../harness/checks/generated/evaluate-rows';
import { ROW_PSEUDO_FIELD, summarizeVerdict } from '../../harness/core/summarize-verdict';
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

describe('summarizeVerdict', () => {
  const field = (name: string, mismatched: number, compared = 3000) => {
    const stats = new FieldStatsAccumulator(() => 0);
    for (let i = 0; i < compared; i++) stats.add([{ field: name, mismatches: i < mismatched ? [{ key: `k${i}`, field: name, path: name, kind: 'value' }] : [] }]);
    return stats.result()[0]!;
  };
  const named = (name: string, fields: CheckResult['fields']): CheckResult => ({ ...check('failed', fields), name });

  it('names the three worst fields per check, worst first, and counts the rest', () => {
    const parity = named('parity', [field('sessions_z', 90), field('hour_local', 1260), field('a', 3), field('tenure_days', 360), field('b', 1)]);
    const generated = named('generated-parity', [field('plan_code', 17, 184)]);
    const golden = { ...check('failed'), name: 'golden', compares: 'same-side' as const, summary: 'serving changed tenure_days and sessions_z on 50 rows since the golden file (offline unchanged); review with skew golden review; 3 obsolete records' };
    const line = summarizeVerdict(decideVerdict(input({ checks: [parity, generated] })));
    expect(line).toBe('SKEW: parity: hour_local 42.0%, tenure_days 12.0%, sessions_z 3.00% and 2 more fields; generated-parity: plan_code 9.24%');
    expect(line.length).toBeLessThan(160);
    const withGolden = summarizeVerdict(decideVerdict(input({ checks: [parity, golden] })));
    expect(withGolden).toMatch(/^SKEW: parity: .* and 2 more fields; golden: serving changed tenure_days and sessions_z on 50 rows since the golden file \(offline unchanged\)$/);
    expect(summarizeVerdict(decideVerdict(input({ checks: [named('parity', [field('x', 1, 10), field('y', 1, 10), field('z', 1, 10), field('w', 1, 10)])] })))).toBe(
      'SKEW: parity: x 10.0%, y 10.0%, z 10.0% and 1 more field',
    );
  });

  it('ranks real fields first and tells rows one side rejects in words, never as "(row) 100%"', () => {
    expect(ROW_PSEUDO_FIELD).toBe(ROW_FIELD);
    const generated = named('generated-parity', [field(ROW_FIELD, 29, 29), field('plan_code', 17, 184), field('x', 4, 184), field('y', 3, 184), field('z', 2, 184)]);
    expect(summarizeVerdict(decideVerdict(input({ checks: [generated] })))).toBe(
      'SKEW: generated-parity: plan_code 9.24%, x 2.17%, y 1.63% and 1 more field, 29 rows one side rejects',
    );
    expect(summarizeVerdict(decideVerdict(input({ checks: [named('generated-parity', [field(ROW_FIELD, 1, 1)])] })))).toBe('SKEW: generated-parity: 1 row one side rejects');
  });
});
