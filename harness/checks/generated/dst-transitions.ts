import type { DateMoment } from './date-format';

/** One daylight-saving switch of a year, as an instant and as a local wall-clock reading in the switch hour. */
export interface DstTransition {
  /** `US spring`, `US fall`, `EU spring`, `EU fall`. */
  name: string;
  /** Half an hour after the switch, as a UTC instant (for zoned columns). */
  instant: DateMoment;
  /**
   * A local time in the switched hour (for naive columns): one that does not exist in spring, one that exists
   * twice in autumn.
   */
  wall: DateMoment;
}

const HOUR_MS = 3_600_000;
const MARCH = 2;
const OCTOBER = 9;
const NOVEMBER = 10;

/**
 * The US (Eastern) and EU daylight-saving switches of `year` under the current rules (US since 2007: second
 * Sunday of March and first Sunday of November at 02:00 local; EU since 1996: last Sunday of March and of October
 * at 01:00 UTC). A feature computed in local time on one side and in UTC on the other differs on these hours.
 */
export function dstTransitions(year: number): DstTransition[] {
  const usSpring = nthSunday(year, MARCH, 2);
  const usFall = nthSunday(year, NOVEMBER, 1);
  const euSpring = lastSunday(year, MARCH);
  const euFall = lastSunday(year, OCTOBER);
  return [
    // 02:00 EST = 07:00Z; 02:30 local does not exist that night.
    { name: 'US spring', instant: { instant: usSpring + 7.5 * HOUR_MS }, wall: { wall: usSpring + 2.5 * HOUR_MS } },
    // 02:00 EDT = 06:00Z; 06:30Z is the second 01:30 local.
    { name: 'US fall', instant: { instant: usFall + 6.5 * HOUR_MS }, wall: { wall: usFall + 1.5 * HOUR_MS } },
    // 01:00Z; 02:30 local (CET → CEST) does not exist.
    { name: 'EU spring', instant: { instant: euSpring + 1.5 * HOUR_MS }, wall: { wall: euSpring + 2.5 * HOUR_MS } },
    // 01:00Z; 01:30Z is the second 02:30 local (CEST → CET).
    { name: 'EU fall', instant: { instant: euFall + 1.5 * HOUR_MS }, wall: { wall: euFall + 2.5 * HOUR_MS } },
  ];
}

/** UTC midnight of the `n`th Sunday of a month (0-based month). */
function nthSunday(year: number, month: number, n: number): number {
  const firstDow = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return Date.UTC(year, month, 1 + ((7 - firstDow) % 7) + 7 * (n - 1));
}

/** UTC midnight of the last Sunday of a month (0-based month). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay());
}
