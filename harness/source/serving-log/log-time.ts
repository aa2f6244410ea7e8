/** Epoch values below this are seconds (1e11 s is in the year 5138; 1e11 ms is in 1973). */
const SECONDS_BELOW = 1e11;

// The ISO 8601 shapes the source reads as dates: a date, or a date-time with `T`, `t` or a space, optional seconds
// and fraction, and an optional zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * The instant a logged time names, in epoch milliseconds, or null when it names none. ISO 8601 texts as the
 * source reads dates (`2024-03-01T10:00:00Z`, with an offset; naive and date-only texts read as UTC, as the data
 * profile reads them); numbers as epoch seconds (`1709287200`, as Python's `time.time()` gives them) or
 * milliseconds (`1709287200000`, as `Date.now()`).
 */
export function parseLogTime(value: unknown): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return Math.abs(value) < SECONDS_BELOW ? Math.round(value * 1000) : Math.round(value);
  }
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, fraction, , sign, oh, om] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const wall = Date.UTC(Number(y), month - 1, day, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om ?? 0));
  return wall - offset * 60_000;
}
