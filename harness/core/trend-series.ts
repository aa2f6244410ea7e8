import type { CheckResult } from './check-result';
import type { SkewReport } from './report';
import { computeTrend, type Trend } from './trend';
import type { VerdictStatus } from './verdict';
import type { FieldStats } from './field-stats';

/** A report to put on the trend, with the file it was read from (named in the output and in warnings). */
export interface TrendInput {
  /** The file, as the user named it. */
  file: string;
  /** The report read from it. */
  report: SkewReport;
}

/** One night on the trend: a report's run. */
export interface TrendNight {
  /** The report file. */
  file: string;
  /** When the run started (ISO): nights are ordered by it. */
  startedAt: string;
  /** Hash of the config the run used. */
  configHash: string;
  /** Target the run applied, if any. */
  target: string | null;
  /** The run's verdict. */
  verdict: VerdictStatus;
}

/** A field's mismatch rate on one night: the counts, rate, interval, budget and status of its {@link FieldStats}. */
export type TrendPoint = Pick<FieldStats, 'compared' | 'mismatched' | 'rate' | 'interval' | 'budget' | 'status'>;

/**
 * How a field changed from the night before the latest to the latest (as `--baseline` would say it): `new` and
 * `worse` are regressions, `better` and `resolved` improvements; `null` when none of these (steady, or within noise).
 */
export type TrendChange = 'new' | 'resolved' | 'worse' | 'better';

/** One field of one check across the nights. */
export interface TrendSeriesField {
  /** Check name (`parity`). */
  check: string;
  /** Field name. */
  field: string;
  /** One point per night, in night order; `null` where the field was not compared that night. */
  points: Array<TrendPoint | null>;
  /** Latest against the night before, or `null`. */
  change: TrendChange | null;
}

/** Every field's mismatch rate over a run of nightly reports. */
export interface TrendSeries {
  /** The nights, oldest first. */
  nights: TrendNight[];
  /** Fields, parity's first, then each check's in the order the checks ran; fields in feature order. */
  fields: TrendSeriesField[];
  /** The latest night against the one before (`null` with a single night). */
  latest: Trend | null;
  /** Things to know that do not stop the trend: reports of different configs. */
  warnings: string[];
}

/** Options of {@link computeTrendSeries}. */
export interface TrendSeriesOptions {
  /** Keep only the last N nights (after ordering). Default: all. */
  last?: number;
}

/**
 * Puts nightly reports on one time axis (pure): orders them by `run.startedAt` (ties keep the given order), keeps
 * the last `options.last`, and gives each field's mismatch rate per night, check by check, plus new / resolved /
 * worse / better of the latest night against the one before ({@link computeTrend}: worse and better only where the
 * two Wilson intervals do not overlap). Fields of one side (determinism's per-side noise) are left out, as in the
 * `--baseline` trend. Reports of different configs still make a trend, with a warning: a changed config can move a
 * rate as much as a changed pipeline can.
 *
 * @example
 * const series = computeTrendSeries([{ file: 'mon.json', report: mon }, { file: 'tue.json', report: tue }]);
 * series.fields[0]; // { check: 'parity', field: 'tenure_days', points: [{ rate: 0.01, … }, { rate: 0.2, … }], change: 'new' }
 */
export function computeTrendSeries(inputs: readonly TrendInput[], options: TrendSeriesOptions = {}): TrendSeries {
  const ordered = inputs
    .map((input, i) => ({ input, i }))
    .sort((a, b) => compareIso(a.input.report.run.startedAt, b.input.report.run.startedAt) || a.i - b.i)
    .map(({ input }) => input);
  const kept = options.last !== undefined && options.last > 0 ? ordered.slice(-options.last) : ordered;
  const nights = kept.map(({ file, report }): TrendNight => ({ file, startedAt: report.run.startedAt, configHash: report.run.configHash, target: report.run.target, verdict: report.verdict.status }));

  const fields = new Map<string, TrendSeriesField>();
  for (const check of orderChecks(kept.map(({ report }) => report))) {
    kept.forEach(({ report }, night) => {
      const result = report.checks.find((c) => c.name === check);
      for (const f of result?.fields ?? []) {
        if (f.side) continue;
        const key = `${check}\u0000${f.field}`;
        let entry = fields.get(key);
        if (!entry) fields.set(key, (entry = { check, field: f.field, points: kept.map(() => null), change: null }));
        entry.points[night] = { compared: f.compared, mismatched: f.mismatched, rate: f.rate, interval: f.interval, budget: f.budget, status: f.status };
      }
    });
  }

  let latest: Trend | null = null;
  if (kept.length >= 2) {
    const now = kept[kept.length - 1]!;
    const before = kept[kept.length - 2]!;
    latest = computeTrend(now.report.checks, before.report.checks, { file: before.file, startedAt: before.report.run.startedAt });
    for (const change of ['new', 'resolved', 'worse', 'better'] as const) {
      for (const e of latest[change]) {
        const entry = fields.get(`${e.check}\u0000${e.field}`);
        if (entry) entry.change = change;
      }
    }
  }
  return { nights, fields: [...fields.values()], latest, warnings: configWarnings(nights) };
}

/** Check names in the order they first ran across the reports, parity first (the check nightly runs are about). */
function orderChecks(reports: readonly SkewReport[]): string[] {
  const names = new Set<string>();
  for (const report of reports) for (const c of report.checks as readonly CheckResult[]) names.add(c.name);
  return [...names].sort((a, b) => Number(b === 'parity') - Number(a === 'parity'));
}

function configWarnings(nights: readonly TrendNight[]): string[] {
  const hashes = new Map<string, string[]>();
  for (const n of nights) hashes.set(n.configHash, [...(hashes.get(n.configHash) ?? []), n.file]);
  if (hashes.size <= 1) return [];
  const groups = [...hashes].map(([hash, files]) => `${hash} (${files.join(', ')})`);
  return [`the reports were run with ${hashes.size} different configs: ${groups.join('; ')}; a rate can move with the config as well as with the pipeline`];
}

/** ISO instants compare as instants (a report's `startedAt` is always `toISOString()`, but be safe with offsets). */
function compareIso(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a < b ? -1 : a > b ? 1 : 0;
  return ta - tb;
}

/**
 * Short column headings for the nights: the UTC date (`2026-11-24`) when every night has its own, the date and time
 * (`11-24 02:00`) when two share a day, the full instant otherwise.
 */
export function formatNightLabels(nights: readonly Pick<TrendNight, 'startedAt'>[]): string[] {
  const unique = (labels: string[]) => new Set(labels).size === labels.length;
  const dates = nights.map((n) => n.startedAt.slice(0, 10));
  if (unique(dates)) return dates;
  const minutes = nights.map((n) => `${n.startedAt.slice(5, 10)} ${n.startedAt.slice(11, 16)}`);
  if (unique(minutes)) return minutes;
  return nights.map((n) => n.startedAt);
}

/** Words for a change, with its arrow: `↑ new`, `↑ worse`, `↓ better`, `✓ resolved`. */
export function formatTrendChange(change: TrendChange | null): string {
  switch (change) {
    case 'new':
      return '↑ new';
    case 'worse':
      return '↑ worse';
    case 'better':
      return '↓ better';
    case 'resolved':
      return '✓ resolved';
    case null:
      return '';
  }
}

/** Whether a field mismatched on any night (fields clean every night are counted, not listed, in the tables). */
export function hasMismatches(field: TrendSeriesField): boolean {
  return field.points.some((p) => p !== null && p.mismatched > 0) || field.change !== null;
}

/** One line: how many fields are new, worse, better and resolved as of the latest night. */
export function summarizeLatest(series: TrendSeries): string {
  const latest = series.latest;
  if (!latest) return 'one night: no change to show yet';
  const counts = (['new', 'worse', 'better', 'resolved'] as const).map((k) => `${latest[k].length} ${k}`);
  return `latest against the night before: ${counts.join(', ')} (worse and better only where the 95% intervals do not overlap)`;
}
