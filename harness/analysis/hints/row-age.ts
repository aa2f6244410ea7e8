import type { AnalysisRow } from '../analysis-input';
import { pearson, spearman } from './correlation';
import { dateColumns, DAY_MS, formatDay, parseDateMs } from './date-values';
import type { FieldView } from './field-view';
import { formatNumber, formatRows } from './format-values';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { MIN_CORRELATION, MIN_EXPLAINED_SHARE } from './hint-thresholds';
import { fitTheilSen } from './robust-fit';
import { median } from './statistics';

/** Correlations over fewer rows than this reach 0.9 by chance too often (p ≈ 7e-5 at 12 rows). */
const MIN_CORRELATION_ROWS = 12;
/** How much better than the field's own value an age must track the difference. */
const VALUE_MARGIN = 0.01;
/** Units a difference may be counted in, per day of age. */
const UNITS_PER_DAY: ReadonlyArray<[number, string]> = [
  [1, 'days'],
  [24, 'hours'],
  [1440, 'minutes'],
  [86_400, 'seconds'],
  [86_400_000, 'ms'],
  [1 / 7, 'weeks'],
  [1 / 30.436875, 'months'],
  [1 / 365.2425, 'years'],
];
/** A clock bug's difference grows one unit per unit of age; a slope in no unit is weaker evidence. */
const NO_UNIT_FACTOR = 0.9;

/** One way of measuring a row's age: from one date column to the column's latest date, or between two columns. */
interface AgeCandidate {
  label: string;
  /** The single column measured, for the "current time instead of the row's X" reading. */
  column: string | undefined;
  /** Age in days, `undefined` where a date is missing. */
  ageOf: (row: AnalysisRow) => number | undefined;
  /** The column's latest date (epoch ms), to extrapolate the clock the other side used. */
  latest: number | undefined;
}

/**
 * `grows_with_age`: |online − offline| grows with the age of a date input (the time from the row's date to the
 * latest date in that column, or between two date columns), correlation ≥ {@link MIN_CORRELATION} (Pearson
 * and Spearman): one side measures time from "now" instead of the row's reference date. Every date-typed input
 * column is tried and the best is named; the slope tells the difference's unit (days, seconds, ms).
 */
export const detectRowAge: HintDetector = (view) => {
  const total = view.mismatching.length;
  if (view.pairs.length < MIN_CORRELATION_ROWS) return undefined;
  // A difference proportional to the value (a unit change, a scale) grows with any age the value measures
  // (tenure grows with the time between signup and reference): age must explain it better than the value does.
  const byValue = bothCorrelations(view.pairs.map((p) => Math.abs(p.offline)), view.pairs.map((p) => Math.abs(p.online - p.offline)));
  let best: { candidate: AgeCandidate; strength: number; r: number; pearson: number; spearman: number; n: number } | undefined;
  for (const candidate of ageCandidates(view)) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const p of view.pairs) {
      const age = candidate.ageOf(p.row);
      if (age === undefined) continue;
      xs.push(age);
      ys.push(Math.abs(p.online - p.offline));
    }
    if (xs.length < MIN_CORRELATION_ROWS || xs.length / total < MIN_EXPLAINED_SHARE || new Set(xs).size < 3) continue;
    const { r, pearson: rP, spearman: rS } = bothCorrelations(xs, ys);
    if (r < MIN_CORRELATION || r <= byValue.r + VALUE_MARGIN) continue;
    const strength = r * explainedShare(xs.length, total);
    if (!best || strength > best.strength + 1e-12) best = { candidate, strength, r, pearson: rP, spearman: rS, n: xs.length };
  }
  if (!best) return undefined;
  const { candidate, r } = best;
  const slope = describeSlope(view, candidate);
  const strength = best.strength * (slope.unit ? 1 : NO_UNIT_FACTOR);
  const evidence =
    `${formatRows(best.n, total)}; Pearson ${formatNumber(best.pearson)}, Spearman ${formatNumber(best.spearman)} between ` +
    `|online − offline| and ${candidate.label}${slope.text}`;
  const message = candidate.column
    ? `${slope.side} likely uses the current time instead of the row's ${candidate.column} (correlation ${r.toFixed(2)} with ${candidate.label})`
    : `the difference grows with ${candidate.label} (correlation ${r.toFixed(2)}): one side likely measures from a different date`;
  return { kind: 'grows_with_age', message, evidence, strength: roundStrength(strength) };
};

/**
 * Pearson and Spearman, and the smaller of the two: Pearson alone follows one extreme row, Spearman alone
 * finds order in a few random rows. NaN (no spread) counts as −1.
 */
function bothCorrelations(xs: readonly number[], ys: readonly number[]): { r: number; pearson: number; spearman: number } {
  const rP = pearson(xs, ys);
  const rS = spearman(xs, ys);
  return { r: Math.min(Number.isNaN(rP) ? -1 : rP, Number.isNaN(rS) ? -1 : rS), pearson: rP, spearman: rS };
}

function ageCandidates(view: FieldView): AgeCandidate[] {
  const rows = [...view.mismatching, ...view.matching];
  // Each column's dates parsed once: every candidate reads them for every row.
  const dates = new Map<string, Map<AnalysisRow, number>>();
  for (const column of dateColumns(view.input.columns)) {
    const byRow = new Map<AnalysisRow, number>();
    for (const row of rows) {
      const ms = parseDateMs(row.inputs[column]);
      if (ms !== undefined) byRow.set(row, ms);
    }
    if (byRow.size > 0) dates.set(column, byRow);
  }
  const candidates: AgeCandidate[] = [];
  for (const [column, byRow] of dates) {
    const latest = [...byRow.values()].reduce((a, b) => Math.max(a, b));
    candidates.push({ label: `the age of ${column}`, column, latest, ageOf: (row) => daysBetween(byRow.get(row), latest) });
  }
  const columns = [...dates.keys()];
  for (const [i, a] of columns.entries()) {
    for (const b of columns.slice(i + 1)) {
      const [da, db] = [dates.get(a)!, dates.get(b)!];
      // Orient the pair so that the typical span is positive (signup → reference, not the other way round).
      const spans = rows.map((row) => daysBetween(da.get(row), db.get(row))).filter((d): d is number => d !== undefined);
      const [from, to] = median(spans) >= 0 ? [da, db] : [db, da];
      const [fromName, toName] = from === da ? [a, b] : [b, a];
      candidates.push({
        label: `the time between ${fromName} and ${toName}`,
        column: undefined,
        latest: undefined,
        ageOf: (row) => daysBetween(from.get(row), to.get(row)),
      });
    }
  }
  return candidates;
}

/** Days from `earlier` to `later`; `undefined` if either is missing. */
function daysBetween(earlier: number | undefined, later: number | undefined): number | undefined {
  return earlier === undefined || later === undefined ? undefined : (later - earlier) / DAY_MS;
}

/** Which side counts later, the unit of the difference, and the "now" the other side seems to have used. */
function describeSlope(view: FieldView, candidate: AgeCandidate): { side: 'online' | 'offline'; text: string; unit: boolean } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of view.pairs) {
    const age = candidate.ageOf(p.row);
    if (age === undefined) continue;
    xs.push(age);
    ys.push(p.online - p.offline);
  }
  const line = fitTheilSen(xs, ys);
  if (!line) return { side: 'online', text: '', unit: false };
  const side = line.slope >= 0 ? 'online' : 'offline';
  const unit = UNITS_PER_DAY.find(([perDay]) => Math.abs(Math.abs(line.slope) - perDay) <= 0.02 * perDay);
  let text = `; the difference changes by ${formatNumber(line.slope)} per day of age`;
  if (unit) {
    text += ` (counted in ${unit[1]})`;
    if (candidate.latest !== undefined) {
      // diff ≈ ±perDay · (now − row date): at age 0 (the latest date) it is ±perDay · (now − latest).
      const nowMs = candidate.latest + (Math.sign(line.slope) * line.intercept * DAY_MS) / unit[0];
      if (Number.isFinite(nowMs) && Math.abs(nowMs) < 8.64e15) text += `; as if "now" were ${formatDay(nowMs)}`;
    }
  }
  return { side, text, unit: unit !== undefined };
}
