import type { CheckResult } from '../../harness/core/check-result';
import { FieldStatsAccumulator } from '../../harness/core/field-stats';
import type { SkewReport } from '../../harness/core/report';
import { serializeReport } from '../../harness/reporters/json-reporter';
import { createFixtureReport } from '../../scripts/html-check/fixture-report';

/** A check where each field mismatched on `counts[field]` of `n` rows (budget 0: any mismatch fails the field). */
export function checkWithRates(name: string, counts: Record<string, number>, n = 1000): CheckResult {
  const stats = new FieldStatsAccumulator(() => 0);
  for (let i = 0; i < n; i++) {
    stats.add(Object.entries(counts).map(([field, k]) => ({ field, mismatches: i < k ? [{ key: `r${i}`, field, path: field, kind: 'value' as const }] : [] })));
  }
  const fields = stats.result();
  return { name, status: fields.some((f) => f.status === 'failed') ? 'failed' : 'passed', summary: '', rows: { total: n, compared: n, offlineErrors: 0, onlineErrors: 0, notRun: 0 }, fields, errors: [] };
}

/**
 * A nightly report as `skew run` writes it (serialized with the real JSON writer), started at `startedAt`, with the
 * given checks after the fixture's determinism check (so the trend has to put parity first itself).
 */
export function nightlyReport(startedAt: string, checks: CheckResult[], configHash = '7d1b0fba2287'): string {
  const base = createFixtureReport();
  const report: SkewReport = { ...base, run: { ...base.run, startedAt, configHash }, checks: [base.checks[0]!, ...checks] };
  return serializeReport(report);
}
