import type { DateProfile } from '../../core/data-profile';
import { parseDateText, parseOffsetMinutes } from '../../profile/date-text';

/**
 * A point in time to write in a column's format: a wall-clock reading (`2024-12-31 23:59:59` — written as is,
 * with the column's zone suffix) or an instant (`2024-03-31T01:30Z` — converted to the column's offset; for naive
 * and date-only columns, read as UTC). Both in milliseconds since the epoch of the UTC calendar.
 */
export type DateMoment = { wall: number } | { instant: number };

const DAY_MS = 86_400_000;

/** Whether a format carries a zone (and so names instants rather than wall-clock readings). */
export function isZoned(dates: DateProfile): boolean {
  return dates.format === 'datetime-z' || dates.format === 'datetime-ms-z' || dates.format === 'datetime-offset';
}

/** The column's precision in milliseconds: a day, a minute, a second or a fraction of one. */
export function dateStepMs(dates: DateProfile): number {
  if (dates.format === 'date') return DAY_MS;
  if (!dates.seconds) return 60_000;
  const digits = fractionDigitsOf(dates);
  return digits === 0 ? 1000 : 10 ** Math.max(0, 3 - digits);
}

/** A date text as a moment: zoned values are instants, naive and date-only values wall-clock readings. */
export function momentOfText(text: string): DateMoment | null {
  const parsed = parseDateText(text);
  if (parsed === null) return null;
  const zoned = parsed.format !== 'date' && parsed.format !== 'datetime-naive';
  return zoned ? { instant: parsed.epochMs } : { wall: parsed.epochMs };
}

/** Milliseconds of a moment on the column's own clock (its offset applied to instants). */
export function wallClockMs(moment: DateMoment, dates: DateProfile): number {
  if ('wall' in moment) return moment.wall;
  const offset = dates.format === 'datetime-offset' && dates.offset !== null ? parseOffsetMinutes(dates.offset) : 0;
  return moment.instant + offset * 60_000;
}

/**
 * Writes a moment in the column's format: `2024-03-31`, `2024-03-31T01:30:00Z`, `2024-03-31 01:30:00.000Z`,
 * `2024-03-31T03:30:00+02:00`, `2024-03-31T01:30` — the separator, seconds, fraction digits and offset as the
 * column writes them.
 */
export function formatDateMoment(moment: DateMoment, dates: DateProfile): string {
  const date = new Date(wallClockMs(moment, dates));
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  if (dates.format === 'date') return day;
  let time = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}`;
  if (dates.seconds) {
    time += `:${pad(date.getUTCSeconds(), 2)}`;
    const digits = fractionDigitsOf(dates);
    if (digits > 0) time += `.${pad(date.getUTCMilliseconds(), 3).padEnd(digits, '0').slice(0, digits)}`;
  }
  return `${day}${dates.separator}${time}${zoneSuffix(dates)}`;
}

function zoneSuffix(dates: DateProfile): string {
  switch (dates.format) {
    case 'datetime-z':
    case 'datetime-ms-z':
      return 'Z';
    case 'datetime-offset':
      return dates.offset ?? '+00:00';
    case 'datetime-naive':
    case 'date':
      return '';
  }
}

/** `datetime-ms-z` always has a fraction, even in a profile that says otherwise. */
function fractionDigitsOf(dates: DateProfile): number {
  return dates.format === 'datetime-ms-z' && dates.fractionDigits === 0 ? 3 : dates.fractionDigits;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
