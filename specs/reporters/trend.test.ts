import { computeTrend } from '../../harness/core/trend';
import type { CheckResult } from '../../harness/core/check-result';
import { FieldStatsAccumulator } from '../../harness/core/field-stats';

/** A parity result where each field mismatched on `counts[field]` of `n` rows. */
function parity(counts: Record<string, number>, n = 1000): CheckResult {
  const stats = new FieldStatsAccumulator(() => 0);
  for (let i = 0; i < n; i++) {
    stats.add(Object.entries(counts).map(([field, k]) => ({ field, mismatches: i < k ? [{ key: `r${i}`, field, path: field, kind: 'value' as const }] : [] })));
  }
  const fields = stats.result();
  return { name: 'parity', status: fields.some((f) => f.status === 'failed') ? 'failed' : 'passed', summary: '', rows: { total: n, compared: n, offlineErrors: 0, onlineErrors: 0, notRun: 0 }, fields, errors: [] };
}

describe('computeTrend', () => {
  const source = { file: 'prev.json', startedAt: '2026-11-24T02:00:00.000Z' };

  it('lists new, resolved, worse and better skews, and ignores changes within sampling noise', () => {
    const before = parity({ a: 0, b: 50, c: 100, d: 100, e: 30 });
    const after = parity({ a: 20, b: 0, c: 300, d: 10, e: 33 });
    const trend = computeTrend([after], [before], source);
    expect(trend.new.map((e) => e.field)).toEqual(['a']);
    expect(trend.resolved.map((e) => e.field)).toEqual(['b']);
    expect(trend.worse.map((e) => e.field)).toEqual(['c']);
    expect(trend.better.map((e) => e.field)).toEqual(['d']);
    expect(trend.worse[0]).toMatchObject({ before: { rate: 0.1 }, after: { rate: 0.3 } });
  });

  it('reports nothing between two identical runs', () => {
    const run = parity({ a: 10, b: 0 });
    expect(computeTrend([run], [run], source)).toEqual({ baseline: source, new: [], resolved: [], worse: [], better: [] });
  });
});
