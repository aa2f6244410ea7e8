import type { DateProfile } from '../../core/data-profile';
import type { EdgeValue } from './edge-value';
import { dateStepMs, formatDateMoment, isZoned, momentOfText, wallClockMs, type DateMoment } from './date-format';
import { dstTransitions } from './dst-transitions';

/** Years of daylight-saving switches generated: the most recent years of the range. */
const DST_YEARS = 3;

/** Used for a date column without a single value: edges that need no range. */
const NO_DATES: DateProfile = {
  min: '2000-01-01',
  max: '2000-01-01',
  format: 'date',
  separator: 'T',
  seconds: false,
  fractionDigits: 0,
  offset: null,
};

/**
 * Skew-prone dates for a date column, written in the column's own format: the range and one step (day, second,
 * millisecond — the column's precision) outside it; year start and year end (23:59:59); month ends (Jan 31,
 * Apr 30, Feb 28 of a common year); a leap day and the Feb 28 before it; the US and EU daylight-saving switches
 * of the latest years in range (instants half an hour after the switch for zoned columns, a local time in the
 * skipped or repeated hour for naive ones); and far past (1970-01-01, 1900-01-01) and far future (2099-12-31).
 */
export function dateEdgeValues(profile: DateProfile | null): EdgeValue[] {
  const dates = profile ?? NO_DATES;
  const min = momentOfText(dates.min) ?? { wall: 0 };
  const max = momentOfText(dates.max) ?? { wall: 0 };
  const step = dateStepMs(dates);
  const minYear = new Date(wallClockMs(min, dates)).getUTCFullYear();
  const maxYear = new Date(wallClockMs(max, dates)).getUTCFullYear();
  const endOfDay = (year: number, month: number, day: number): DateMoment => ({ wall: Date.UTC(year, month, day, 23, 59, 59) });
  const startOfDay = (year: number, month: number, day: number): DateMoment => ({ wall: Date.UTC(year, month, day) });
  const leapYear = firstLeapYear(minYear);
  const commonYear = isLeapYear(maxYear) ? maxYear - 1 : maxYear;

  const moments: Array<{ moment: DateMoment; reason: string }> = [
    { moment: min, reason: 'min' },
    { moment: max, reason: 'max' },
    { moment: shift(min, -step), reason: 'before min' },
    { moment: shift(max, step), reason: 'after max' },
    { moment: startOfDay(maxYear, 0, 1), reason: 'year start' },
    { moment: endOfDay(maxYear, 11, 31), reason: 'year end' },
    { moment: endOfDay(maxYear, 0, 31), reason: 'month end' },
    { moment: endOfDay(maxYear, 3, 30), reason: 'month end' },
    { moment: endOfDay(commonYear, 1, 28), reason: 'month end' },
    { moment: endOfDay(leapYear, 1, 28), reason: 'feb 28 leap year' },
    { moment: startOfDay(leapYear, 1, 29), reason: 'leap day' },
  ];
  for (let year = Math.max(minYear, maxYear - DST_YEARS + 1); year <= maxYear; year++) {
    for (const transition of dstTransitions(year)) {
      moments.push({ moment: isZoned(dates) ? transition.instant : transition.wall, reason: `dst transition ${transition.name}` });
    }
  }
  moments.push(
    { moment: startOfDay(1970, 0, 1), reason: 'epoch' },
    { moment: startOfDay(1900, 0, 1), reason: 'far past' },
    { moment: endOfDay(2099, 11, 31), reason: 'far future' },
  );
  return moments.map(({ moment, reason }) => ({ value: formatDateMoment(moment, dates), reason }));
}

function shift(moment: DateMoment, ms: number): DateMoment {
  return 'wall' in moment ? { wall: moment.wall + ms } : { instant: moment.instant + ms };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The first leap year from `year` on: in range when the range holds one, the next one otherwise. */
function firstLeapYear(year: number): number {
  let leap = year;
  while (!isLeapYear(leap)) leap += 1;
  return leap;
}
