import type { DateProfile } from '../core/data-profile';

/** The textual format of one date value (see {@link DateProfile.format}). */
export type DateFormat = DateProfile['format'];

/** One date or date-time text taken apart: what it says and how it is written. */
export interface DateText {
  /**
   * Milliseconds since the epoch. Zoned values are exact instants; date-only and naive values are read as UTC
   * wall clock (their zone is unknown, and UTC keeps them ordered and reproducible on every machine).
   */
  epochMs: number;
  /** Textual format. */
  format: DateFormat;
  /** Separator between date and time (`T` also for a lower-case `t`); `null` for date-only values. */
  separator: 'T' | ' ' | null;
  /** Whether seconds are written. */
  seconds: boolean;
  /** Digits of the fraction of a second (`0` when none is written). */
  fractionDigits: number;
  /** The offset as written (`+01:00`, `-0500`), `null` for `Z`, naive and date-only values. */
  offset: string | null;
  /** The offset in minutes east of UTC (`0` for `Z`, naive and date-only values). */
  offsetMinutes: number;
}

// The ISO-8601 / RFC 3339 shapes the source's type inference accepts as dates (see `isDateText` there).
const DATE_TEXT =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:([Tt ])([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$/;

/** Takes an ISO date or date-time text apart; `null` when it is not one. */
export function parseDateText(text: string): DateText | null {
  const match = DATE_TEXT.exec(text);
  if (match === null) return null;
  const [, year, month, day, sep, hour, minute, second, fraction, zone] = match;
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour ?? 0), Number(minute ?? 0), Number(second ?? 0), ms);
  const offset = zone === undefined || zone === 'Z' || zone === 'z' ? null : zone;
  const offsetMinutes = offset === null ? 0 : parseOffsetMinutes(offset);
  return {
    epochMs: wall - offsetMinutes * 60_000,
    format: formatOf(sep !== undefined, zone, fraction !== undefined),
    separator: sep === undefined ? null : sep === ' ' ? ' ' : 'T',
    seconds: second !== undefined,
    fractionDigits: fraction?.length ?? 0,
    offset,
    offsetMinutes,
  };
}

/** Minutes east of UTC of an offset written `±hh`, `±hhmm` or `±hh:mm`. */
export function parseOffsetMinutes(offset: string): number {
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0);
  return offset.startsWith('-') ? -minutes : minutes;
}

function formatOf(hasTime: boolean, zone: string | undefined, hasFraction: boolean): DateFormat {
  if (!hasTime) return 'date';
  if (zone === undefined) return 'datetime-naive';
  if (zone === 'Z' || zone === 'z') return hasFraction ? 'datetime-ms-z' : 'datetime-z';
  return 'datetime-offset';
}
