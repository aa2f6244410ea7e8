import type { ColumnInfo } from '../../core/row';
import type { AnalysisRow } from '../analysis-input';
import { dateColumns, dayOfYear, formatDayOfYear, monthOfSlot, parseDateMs } from './date-values';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';

/** Rows of one group that fall in one part of the year, and the other group's in the rest. */
export interface SeasonalSplit {
  /** Date column whose day of the year separates the groups. */
  column: string;
  /** First and last day of the year (`Mar 31`) seen in the `inside` group's part of the year. */
  from: string;
  to: string;
  /** The same days as {@link dayOfYear} slots (`first` > `last` when the part wraps around New Year). */
  firstSlot: number;
  lastSlot: number;
  /** Share of rows of both groups on their own side of the split. */
  accuracy: number;
}

/** Share of rows that must fall on their own side of the split. */
const MIN_ACCURACY = 0.95;
/** Daylight saving time lasts about 5 to 8 months (as either the inside or the outside part). */
const MIN_SPAN_DAYS = 100;
const MAX_SPAN_DAYS = 280;
/** Months in which clocks change somewhere (northern spring/autumn, southern spring/autumn). */
const TRANSITION_MONTHS = new Set([2, 3, 8, 9, 10]); // Mar, Apr, Sep, Oct, Nov
const SLOTS = 366;

/**
 * Looks for a date column whose day of the year puts the `inside` rows in one contiguous part of the year
 * (wrapping around New Year) and the `outside` rows in the rest, with both boundaries in months where clocks
 * change: the signature of daylight saving time. `undefined` when no date column separates them that way.
 */
export function findSeasonalSplit(
  inside: readonly AnalysisRow[],
  outside: readonly AnalysisRow[],
  columns: readonly ColumnInfo[],
): SeasonalSplit | undefined {
  let best: SeasonalSplit | undefined;
  for (const column of dateColumns(columns)) {
    const split = splitByColumn(inside, outside, column);
    if (split && (!best || split.accuracy > best.accuracy)) best = split;
  }
  return best;
}

function splitByColumn(inside: readonly AnalysisRow[], outside: readonly AnalysisRow[], column: string): SeasonalSplit | undefined {
  const weights = new Array<number>(SLOTS).fill(0);
  const insideSlots = new Set<number>();
  const outsideSlots = new Set<number>();
  const place = (rows: readonly AnalysisRow[], weight: number, slots: Set<number>): number => {
    let placed = 0;
    for (const row of rows) {
      const ms = parseDateMs(row.inputs[column]);
      if (ms === undefined) continue;
      const slot = dayOfYear(ms);
      weights[slot]! += weight;
      slots.add(slot);
      placed++;
    }
    return placed;
  };
  const nIn = place(inside, 1, insideSlots);
  const nOut = place(outside, -1, outsideSlots);
  if (nIn < MIN_ROWS || nOut < MIN_ROWS) return undefined;
  if (nIn < MIN_EXPLAINED_SHARE * inside.length || nOut < MIN_EXPLAINED_SHARE * outside.length) return undefined;

  const run = bestCircularRun(weights);
  const accuracy = (run.sum + nOut) / (nIn + nOut);
  if (accuracy < MIN_ACCURACY) return undefined;

  const slotsOfRun = Array.from({ length: run.length }, (_, i) => (run.start + i) % SLOTS);
  const insideInRun = slotsOfRun.filter((slot) => insideSlots.has(slot));
  const first = insideInRun[0];
  const last = insideInRun.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const span = ((last - first + SLOTS) % SLOTS) + 1;
  if (span < MIN_SPAN_DAYS || span > MAX_SPAN_DAYS) return undefined;
  // The clock change lies between the last outside day before the run and its first inside day (and likewise
  // at the end): at least one day of each gap must be in a month when clocks change.
  if (!gapHasTransition(outsideSlots, first, -1) || !gapHasTransition(outsideSlots, last, 1)) return undefined;
  return { column, from: formatDayOfYear(first), to: formatDayOfYear(last), firstSlot: first, lastSlot: last, accuracy };
}

/** Whether a row's date (in the split's column) falls in the split's part of the year; `undefined` without a date. */
export function isInSeason(split: SeasonalSplit, row: AnalysisRow): boolean | undefined {
  const ms = parseDateMs(row.inputs[split.column]);
  if (ms === undefined) return undefined;
  const slot = dayOfYear(ms);
  return split.firstSlot <= split.lastSlot ? slot >= split.firstSlot && slot <= split.lastSlot : slot >= split.firstSlot || slot <= split.lastSlot;
}

/** Walks from `slot` in `direction` to the nearest outside day; whether any day passed is in a transition month. */
function gapHasTransition(outsideSlots: ReadonlySet<number>, slot: number, direction: 1 | -1): boolean {
  for (let step = 0; step < SLOTS; step++) {
    const s = (slot + direction * step + SLOTS) % SLOTS;
    if (TRANSITION_MONTHS.has(monthOfSlot(s))) return true;
    if (step > 0 && outsideSlots.has(s)) return false;
  }
  return false;
}

/** The contiguous run of slots (wrapping around) with the largest sum of weights. */
function bestCircularRun(weights: readonly number[]): { start: number; length: number; sum: number } {
  let best = { start: 0, length: 1, sum: -Infinity };
  for (let start = 0; start < SLOTS; start++) {
    let sum = 0;
    for (let length = 1; length <= SLOTS; length++) {
      sum += weights[(start + length - 1) % SLOTS]!;
      if (sum > best.sum) best = { start, length, sum };
    }
  }
  return best;
}
