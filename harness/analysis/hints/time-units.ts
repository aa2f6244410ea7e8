import { isMultipleOf } from './tolerance';

/** Units a time-valued field may be in. */
export type TimeUnit = 'h' | 'min' | 's' | 'ms';

/** One hour in each unit. */
export const HOUR_IN: Record<TimeUnit, number> = { h: 1, min: 60, s: 3600, ms: 3_600_000 };

/** Largest UTC offset in use (UTC+14, Kiribati). */
const MAX_ZONE_HOURS = 14;

/** Whether every value is an integer in [0, 23]: an hour-of-day field, whose differences wrap around 24. */
export function looksLikeHourOfDay(field: string, values: readonly number[], wraps: boolean): boolean {
  if (values.length === 0 || !values.every((v) => Number.isInteger(v) && v >= 0 && v <= 23)) return false;
  // Small counts (tickets, logins) are integers in [0, 23] too: ask for a name or a spread like a clock's.
  return hasToken(field, HOUR_TOKENS) || wraps || new Set(values).size >= 12;
}

/** Maps an hour-of-day difference into (−12, 12]: 23 − 0 is an offset of −1 h, not +23 h. */
export function wrapHours(diff: number): number {
  const r = (((diff % 24) + 24) % 24);
  return r > 12 ? r - 24 : r;
}

/**
 * The offset `c` as a whole number of hours (or half hours, for named units) if the field's unit makes it
 * one, else `undefined`. The unit comes from the field name (`hour`, `minute`, `_ms`, `_s`, `timestamp`), the
 * size of its values (epoch seconds ≈ 1e9, epoch ms ≈ 1e12), or, failing both, from `c` itself being a
 * multiple of 3600 (s) or 3 600 000 (ms) — an hour count that size is rarely a coincidence.
 */
export function timeZoneHours(field: string, c: number, values: readonly number[], hourOfDay: boolean): { hours: number; unit: TimeUnit } | undefined {
  const named = hourOfDay ? 'h' : unitFromName(field) ?? unitFromMagnitude(values);
  if (named) {
    const hours = c / HOUR_IN[named];
    return isZoneOffset(hours, 0.5) ? { hours, unit: named } : undefined;
  }
  for (const unit of ['ms', 's'] as const) {
    const hours = c / HOUR_IN[unit];
    if (isMultipleOf(c, HOUR_IN[unit]) && isZoneOffset(hours, 1)) return { hours, unit };
  }
  return undefined;
}

function isZoneOffset(hours: number, step: number): boolean {
  return Math.round(hours / step) !== 0 && Math.abs(hours) <= MAX_ZONE_HOURS && isMultipleOf(hours, step);
}

const HOUR_TOKENS = ['hour', 'hours', 'hr', 'hrs', 'hod'];
const MINUTE_TOKENS = ['minute', 'minutes', 'min', 'mins'];
const MS_TOKENS = ['ms', 'millis', 'milliseconds', 'msec'];
const SECOND_TOKENS = ['s', 'sec', 'secs', 'second', 'seconds', 'ts', 'timestamp', 'epoch'];

function unitFromName(field: string): TimeUnit | undefined {
  if (hasToken(field, MS_TOKENS)) return 'ms';
  if (hasToken(field, HOUR_TOKENS)) return 'h';
  if (hasToken(field, MINUTE_TOKENS)) return 'min';
  if (hasToken(field, SECOND_TOKENS)) return 's';
  return undefined;
}

function unitFromMagnitude(values: readonly number[]): TimeUnit | undefined {
  if (values.length === 0) return undefined;
  const sorted = values.map(Math.abs).sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)]!;
  // Epoch ms since ~1973 exceed 1e11; epoch seconds since ~1973 exceed 1e8 (and stay below 1e11 until 5138).
  if (typical >= 1e11 && typical < 1e14) return 'ms';
  if (typical >= 1e8 && typical < 1e11) return 's';
  return undefined;
}

/** Whether the field name has one of `tokens` as a word (snake_case, kebab-case or camelCase). */
function hasToken(field: string, tokens: readonly string[]): boolean {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => tokens.includes(word));
}
