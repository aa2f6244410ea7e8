import type { CheckResult } from './check-result';
import type { Interval } from './wilson';

/** A field's skew in this run against the baseline run. */
export interface TrendEntry {
  /** Check and field. */
  check: string;
  field: string;
  /** Mismatch rate and interval in the baseline, if the field was there. */
  before: { rate: number; interval: Interval; status: 'passed' | 'failed' } | null;
  /** Now, if the field is still compared. */
  after: { rate: number; interval: Interval; status: 'passed' | 'failed' } | null;
}

/** New, resolved, worse and better skews against a previous report (`--baseline`). */
export interface Trend {
  /** The baseline report: its file and when it ran. */
  baseline: { file: string; startedAt: string };
  /** Failing now, not failing in the baseline. */
  new: TrendEntry[];
  /** Failing in the baseline, passing (or gone) now. */
  resolved: TrendEntry[];
  /** Failing in both, and clearly more often now (the 95% intervals do not overlap). */
  worse: TrendEntry[];
  /** Failing in both, and clearly less often now. */
  better: TrendEntry[];
}

/**
 * Compares two runs' field statistics (pure). "Clearly" worse or better means the Wilson intervals of the two
 * rates do not overlap, so sampling noise between two nights is not reported as a trend.
 */
export function computeTrend(current: readonly CheckResult[], baseline: readonly CheckResult[], source: Trend['baseline']): Trend {
  const index = (checks: readonly CheckResult[]) =>
    new Map(checks.flatMap((c) => c.fields.filter((f) => !f.side).map((f) => [`${c.name}\u0000${f.field}`, { check: c.name, field: f.field, rate: f.rate, interval: f.interval, status: f.status }] as const)));
  const now = index(current);
  const before = index(baseline);
  const trend: Trend = { baseline: source, new: [], resolved: [], worse: [], better: [] };
  const ranCheck = new Set(current.filter((c) => c.status !== 'skipped').map((c) => c.name));
  for (const key of new Set([...now.keys(), ...before.keys()])) {
    const a = before.get(key) ?? null;
    const b = now.get(key) ?? null;
    const { check, field } = (b ?? a)!;
    const entry: TrendEntry = {
      check,
      field,
      before: a && { rate: a.rate, interval: a.interval, status: a.status },
      after: b && { rate: b.rate, interval: b.interval, status: b.status },
    };
    const failedBefore = a?.status === 'failed';
    const failedNow = b?.status === 'failed';
    if (failedNow && !failedBefore) trend.new.push(entry);
    else if (failedBefore && !failedNow && (b !== null || ranCheck.has(check))) trend.resolved.push(entry);
    else if (failedBefore && failedNow && a && b) {
      if (b.interval[0] > a.interval[1]) trend.worse.push(entry);
      else if (b.interval[1] < a.interval[0]) trend.better.push(entry);
    }
  }
  return trend;
}
