import type { Hint } from '../../core/field-analysis';
import type { AnalysisRow } from '../analysis-input';
import { findSeasonalSplit, type SeasonalSplit } from './dst-season';
import { findMinuteSplit, type MinuteSplit } from './part-hour-zone';
import type { FieldView, NumericPair } from './field-view';
import { describeCoverage, formatNumber, formatRows, formatSignedTerm } from './format-values';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { FLOAT_TOLERANCE, MIN_EXPLAINED_SHARE, MIN_ROWS, RELATION_TOLERANCE } from './hint-thresholds';
import { GRANULARITIES } from './rounding-modes';
import { countSeparate, densestValue, median } from './statistics';
import { looksLikeHourOfDay, timeZoneHours, wrapHours, type TimeUnit } from './time-units';
import { isClose, isMultipleOf } from './tolerance';

/** Two offsets one hour apart that no date input splits (by season or by minute): a time zone, less surely. */
const UNEXPLAINED_SPLIT_FACTOR = 0.9;

/**
 * `constant_offset` / `timezone_offset`: online − offline is the same constant on (nearly) every mismatching
 * row. Hour-of-day fields are compared modulo 24. When the constant is a whole number of hours in the field's
 * unit, the hint is a time zone; when the offset is present only in part of the year (the other rows match),
 * or two offsets one hour apart split the rows, daylight saving time.
 */
export const detectConstantOffset: HintDetector = (view) => {
  const reading = readOffset(view);
  return reading && formatOffsetReading(reading);
};

/** What {@link readOffset} found: a plain offset, a time zone (maybe only part of the year), or two zones. */
export type OffsetReading =
  | { kind: 'offset'; cluster: Cluster; total: number }
  | {
      kind: 'zone';
      cluster: Cluster;
      total: number;
      zone: { hours: number; unit: TimeUnit };
      season: SeasonalSplit | undefined;
      matching: number;
      /** An hour of day, and some rows wrapped past midnight (+2 shows as −22 there): the offset holds modulo 24. */
      wrapped?: boolean;
    }
  | ({ kind: 'two_zones' } & TwoZones);

/**
 * Reads online − offline of a field's rows as one constant (or two constants one hour apart), without wording
 * it: the offset detector words it for the whole field, the segment detector for each zone or month.
 */
export function readOffset(view: FieldView): OffsetReading | undefined {
  const { pairs } = view;
  const total = view.mismatching.length;
  if (pairs.length < MIN_ROWS) return undefined;
  const values = [...pairs, ...view.matchingPairs].flatMap((p) => [p.offline, p.online]);
  const raw = pairs.map((p) => p.online - p.offline);
  const hourOfDay = looksLikeHourOfDay(view.field, values, wrapsAround(raw));
  const diffs = hourOfDay ? raw.map(wrapHours) : raw;
  const magnitudes = pairs.map((p) => Math.max(Math.abs(p.offline), Math.abs(p.online)));
  const floor = FLOAT_TOLERANCE * median(magnitudes);

  const first = clusterAround(diffs, magnitudes, floor, () => true);
  if (!first || first.c === 0) return undefined;
  if (first.members.length / total >= MIN_EXPLAINED_SHARE && first.members.length >= MIN_ROWS) {
    const explained = first.members.map((i) => pairs[i]!);
    if (countSeparate(explained.map((p) => p.offline)) < 2) return undefined; // one point fits any relation
    const zone = timeZoneHours(view.field, first.c, values, hourOfDay);
    if (!zone && isRoundingStep(first.c, explained, view)) return undefined;
    if (!zone) return { kind: 'offset', cluster: first, total };
    const season =
      view.matchingPairs.length >= MIN_ROWS ? findSeasonalSplit(rowsOf(explained), rowsOf(view.matchingPairs), view.input.columns) : undefined;
    const wrapped = hourOfDay && first.members.some((i) => raw[i] !== diffs[i]);
    return { kind: 'zone', cluster: first, total, zone, season, matching: view.matchingPairs.length, ...(wrapped ? { wrapped } : {}) };
  }

  // Two offsets one hour apart (UTC+1 in winter, UTC+2 in summer): a time zone with daylight saving time.
  const taken = new Set(first.members);
  const second = clusterAround(diffs, magnitudes, floor, (i) => !taken.has(i));
  if (!second || second.members.length < MIN_ROWS || first.members.length < MIN_ROWS) return undefined;
  const both = (first.members.length + second.members.length) / total;
  if (both < MIN_EXPLAINED_SHARE) return undefined;
  const a = timeZoneHours(view.field, first.c, values, hourOfDay);
  const b = timeZoneHours(view.field, second.c, values, hourOfDay);
  if (!a || !b || a.unit !== b.unit || Math.abs(Math.abs(a.hours - b.hours) - 1) > 1e-9) return undefined;
  const rows = (cluster: Cluster) => rowsOf(cluster.members.map((i) => pairs[i]!));
  const season = findSeasonalSplit(rows(first), rows(second), view.input.columns);
  const [later, earlier] = a.hours > b.hours ? [first, second] : [second, first];
  const minutes = season ? undefined : findMinuteSplit(rows(later), rows(earlier), view.input.columns);
  const strength = explainedShare(first.members.length + second.members.length, total) * (season || minutes ? 1 : UNEXPLAINED_SPLIT_FACTOR);
  return {
    kind: 'two_zones',
    first,
    second,
    unit: a.unit,
    hours: [a.hours, b.hours],
    total,
    season,
    minutes,
    earlier: Math.min(a.hours, b.hours),
    strength: roundStrength(strength),
  };
}

/** Mismatching rows a reading explains. */
export function explainedRows(reading: OffsetReading): number {
  return reading.kind === 'two_zones' ? reading.first.members.length + reading.second.members.length : reading.cluster.members.length;
}

/** The hint of a reading, worded for the whole field. */
export function formatOffsetReading(reading: OffsetReading): Hint {
  switch (reading.kind) {
    case 'offset':
      return offsetHint(reading.cluster, reading.total);
    case 'zone':
      return zoneHint(reading.cluster, reading.total, reading.zone, reading.season, reading.matching, reading.wrapped === true);
    case 'two_zones':
      return twoZoneHint(reading);
  }
}

/** Rows whose difference sits at one constant. */
export interface Cluster {
  /** The constant difference. */
  c: number;
  /** Indices of the pairs whose difference is within tolerance of it. */
  members: number[];
  /** Largest distance of a member from `c`. */
  spread: number;
}

function clusterAround(diffs: readonly number[], magnitudes: readonly number[], floor: number, eligible: (i: number) => boolean): Cluster | undefined {
  const candidates = diffs.filter((_, i) => eligible(i));
  const c = densestValue(candidates, (v) => RELATION_TOLERANCE * Math.abs(v) + floor);
  if (c === undefined) return undefined;
  const members: number[] = [];
  let spread = 0;
  diffs.forEach((d, i) => {
    if (!eligible(i) || !isClose(d, c, c, magnitudes[i]!)) return;
    members.push(i);
    spread = Math.max(spread, Math.abs(d - c));
  });
  return { c, members, spread };
}

/**
 * A step of the field's own grid (both sides multiples of |c|, c a granularity the rounding hint knows) on
 * some rows while other rows match: two rounding modes, which the rounding hint names (floor vs truncation on
 * negatives). An offset would move every row.
 */
function isRoundingStep(c: number, explained: readonly NumericPair[], view: FieldView): boolean {
  const step = Math.abs(c);
  if (view.matchingPairs.length < MIN_ROWS || !GRANULARITIES.some((g) => Math.abs(g - step) <= 1e-9 * g)) return false;
  return explained.every((p) => isMultipleOf(p.offline, step) && isMultipleOf(p.online, step));
}

/** Hour-of-day differences of the same offset that show up both as +c and c − 24. */
function wrapsAround(diffs: readonly number[]): boolean {
  const seen = new Map<number, number>();
  for (const d of diffs) {
    const key = wrapHours(d);
    const other = seen.get(key);
    if (other !== undefined && other !== d) return true;
    seen.set(key, d);
  }
  return false;
}

function rowsOf(pairs: readonly NumericPair[]): AnalysisRow[] {
  return pairs.map((p) => p.row);
}

function offsetHint(cluster: Cluster, total: number): Hint {
  const n = cluster.members.length;
  return {
    kind: 'constant_offset',
    message: `online = offline ${formatSignedTerm(cluster.c)} on ${describeCoverage(n, total)}: a constant offset`,
    evidence: `${formatRows(n, total)}, offset ${formatNumber(cluster.c)} ± ${formatNumber(cluster.spread)}`,
    strength: roundStrength(explainedShare(n, total)),
  };
}

function zoneHint(cluster: Cluster, total: number, zone: { hours: number; unit: TimeUnit }, season: SeasonalSplit | undefined, matching: number, wrapped: boolean): Hint {
  const n = cluster.members.length;
  // Past midnight the same zone reads c − 24 (23 h → 1 h): say the offset is modulo a day, not on every row alike.
  const term = `${formatSignedTerm(cluster.c)}${wrapped ? ' (mod 24)' : ''}`;
  const amount = describeAmount(cluster.c, zone);
  const base = `${formatRows(n, total)}, offset ${formatNumber(cluster.c)} ± ${formatNumber(cluster.spread)} (${formatNumber(zone.hours)} h)`;
  if (season) {
    return {
      kind: 'timezone_offset',
      message:
        `online = offline ${term} only from ${season.from} to ${season.to} (by ${season.column}) and equal the rest ` +
        `of the year: a ${amount} offset only part of the year, likely daylight saving time`,
      evidence: `${base}; ${matching} matching rows; ${Math.round(season.accuracy * 100)}% of rows on their side of the split by ${season.column}`,
      strength: roundStrength(explainedShare(n, total)),
    };
  }
  return {
    kind: 'timezone_offset',
    message: `online = offline ${term} on ${describeCoverage(n, total)}: a constant ${amount} offset, likely a time zone`,
    evidence: base,
    strength: roundStrength(explainedShare(n, total)),
  };
}

/** Two offsets one hour apart. */
export interface TwoZones {
  /** The larger cluster, and the other one. */
  first: Cluster;
  second: Cluster;
  unit: TimeUnit;
  /** The two offsets in hours (first's, second's). */
  hours: [number, number];
  total: number;
  season: SeasonalSplit | undefined;
  minutes: MinuteSplit | undefined;
  /** The smaller of the two offsets, in hours. */
  earlier: number;
  strength: number;
}

function twoZoneHint({ first, second, unit, total, season, minutes, earlier, strength }: TwoZones): Hint {
  const both = `online = offline ${formatSignedTerm(first.c)} ${unit} on some rows and ${formatSignedTerm(second.c)} ${unit} on the others`;
  const counts = `${formatRows(first.members.length, total)} at offset ${formatNumber(first.c)}, ${second.members.length} at ${formatNumber(second.c)}`;
  const split = (accuracy: number, column: string) => `; ${Math.round(accuracy * 100)}% of rows on their side of the split by ${column}`;
  if (season) {
    return {
      kind: 'timezone_offset',
      message:
        `${both} (${formatSignedTerm(first.c)} ${unit} from ${season.from} to ${season.to}, by ${season.column}): ` +
        'a time zone with daylight saving time',
      evidence: counts + split(season.accuracy, season.column),
      strength,
    };
  }
  if (minutes) {
    const zone = earlier + (60 - minutes.minute) / 60;
    return {
      kind: 'timezone_offset',
      message:
        `${both}, stepping at minute ${minutes.minute} of the hour (by ${minutes.column}): ` +
        `a part-hour time zone (${formatSignedTerm(zone)} h) cut to whole hours`,
      evidence: counts + split(minutes.accuracy, minutes.column),
      strength,
    };
  }
  return {
    kind: 'timezone_offset',
    message: `${both}: a time zone (daylight saving time or a part-hour zone; no date input shows which)`,
    evidence: `${counts}; no date input separates them by season or by minute of the hour`,
    strength,
  };
}

/** `1 h`, or `3600 s / 1 h` in other units. */
export function describeAmount(c: number, zone: { hours: number; unit: TimeUnit }): string {
  const hours = `${formatNumber(Math.abs(zone.hours))} h`;
  return zone.unit === 'h' ? hours : `${formatNumber(Math.abs(c))} ${zone.unit} / ${hours}`;
}
