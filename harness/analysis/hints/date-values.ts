import type { ColumnInfo } from '../../core/row';
import { isHintInput } from './input-columns';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

// ISO 8601 as sources write it: a date, or a date-time with T/t/space, optional seconds and fraction, and an
// optional zone (Z, ±hh, ±hhmm, ±hh:mm). No zone is read as UTC, so the result never depends on the machine.
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-]\d{2})(?::?(\d{2}))?)?)?$/;

/** Epoch milliseconds of an ISO date or date-time string (or a `Date`); `undefined` when it is not one. */
export function parseDateMs(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const match = ISO.exec(value.trim());
  if (!match) return undefined;
  const [, date, hh = '00', mm = '00', ss = '00', fraction = '', , zoneHours, zoneMinutes = '00'] = match;
  const zone = zoneHours === undefined ? 'Z' : `${zoneHours}:${zoneMinutes}`;
  const ms = Date.parse(`${date}T${hh}:${mm}:${ss}.${fraction.slice(0, 3).padEnd(3, '0')}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Date-typed input columns (keys included: a timestamp key is sent to serving too): the ones a row's age can be measured from. */
export function dateColumns(columns: readonly ColumnInfo[]): string[] {
  return columns.filter((c) => c.type === 'date' && isHintInput(c)).map((c) => c.name);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-12-31` */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Day of the year of an instant (0 = 1 Jan, UTC), on a 366-day scale so that dates of any year line up. */
export function dayOfYear(ms: number): number {
  const date = new Date(ms);
  // Feb 29 gets its own slot and every later day of a common year is shifted past it.
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const day = Math.floor((ms - start) / DAY_MS);
  const leap = new Date(Date.UTC(date.getUTCFullYear(), 1, 29)).getUTCMonth() === 1;
  return !leap && day >= 59 ? day + 1 : day;
}

/** `Mar 31` for a {@link dayOfYear} slot. */
export function formatDayOfYear(slot: number): string {
  const date = new Date(Date.UTC(2024, 0, 1) + slot * DAY_MS); // 2024 is a leap year: 366 slots
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** Month (0–11) of a {@link dayOfYear} slot. */
export function monthOfSlot(slot: number): number {
  return new Date(Date.UTC(2024, 0, 1) + slot * DAY_MS).getUTCMonth();
}
