import fc from 'fast-check';
import { detectConstantOffset } from '../../../harness/analysis/hints/constant-offset';
import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { countSeparate } from '../../../harness/analysis/hints/statistics';
import type { ColumnInfo } from '../../../harness/core/row';
import { buildInput, column, numbers, seeded, share, type RowSpec } from './hint-fixtures';

const detect = (specs: RowSpec[], field = 'f', columns?: ColumnInfo[]) =>
  detectConstantOffset(createFieldView(field, buildInput(specs, { field, columns })));
const fittedOffset = (evidence: string) => Number(/offset (\S+)/.exec(evidence)?.[1]);

describe('constant_offset', () => {
  const random = seeded(1);
  const base = numbers(random, 60, 0, 100);

  it('finds online = offline + c on every mismatching row', () => {
    const hint = detect(base.map((x) => ({ offline: x, online: x + 2.5 })));
    expect(hint).toMatchObject({ kind: 'constant_offset', strength: share(60) });
    expect(hint!.message).toBe('online = offline + 2.5 on every mismatching row: a constant offset');
    expect(fittedOffset(hint!.evidence)).toBe(2.5);
    expect(hint!.evidence).toContain('60 of 60 mismatching rows');
  });

  it('tolerates a few outliers and says how many rows it explains', () => {
    const specs = base.map((x, i) => ({ offline: x, online: i < 3 ? x * 7 + 1 : x - 4 }));
    const hint = detect(specs);
    expect(hint).toMatchObject({ kind: 'constant_offset', strength: share(57, 60) });
    expect(hint!.message).toContain('online = offline − 4 on 95% of mismatching rows');
  });

  it('names a whole number of hours in epoch seconds a time zone', () => {
    const specs = base.map((x) => ({ offline: 1.7e9 + Math.round(x * 1e4), online: 1.7e9 + Math.round(x * 1e4) + 3600 }));
    const hint = detect(specs, 'event_ts');
    expect(hint?.kind).toBe('timezone_offset');
    expect(hint!.message).toContain('a constant 3600 s / 1 h offset, likely a time zone');
  });

  it('reads 2 h from a plain field when the offset is a multiple of 3600, and epoch ms by magnitude', () => {
    expect(detect(base.map((x) => ({ offline: x, online: x + 7200 })))?.message).toContain('7200 s / 2 h');
    const ms = base.map((x) => ({ offline: 1.7e12 + Math.round(x * 1e6), online: 1.7e12 + Math.round(x * 1e6) - 5.5 * 3_600_000 }));
    expect(detect(ms)?.message).toContain('19800000 ms / 5.5 h');
  });

  it('compares hour-of-day fields modulo 24 (23 h + 1 h is 0 h)', () => {
    const hours = Array.from({ length: 48 }, (_, i) => i % 24);
    const hint = detect(hours.map((h) => ({ offline: h, online: (h + 1) % 24 })), 'login_hour');
    expect(hint).toMatchObject({ kind: 'timezone_offset', strength: share(48) });
    // 23 h → 0 h is −23, not +1: the message says the offset holds modulo a day, not on every row alike.
    expect(hint!.message).toContain('online = offline + 1 (mod 24) on every mismatching row: a constant 1 h offset');
    // No row past midnight: + 1 on every row, as written.
    const early = detect(hours.filter((h) => h < 20).map((h) => ({ offline: h, online: h + 1 })), 'login_hour');
    expect(early!.message).toContain('online = offline + 1 on every mismatching row: a constant 1 h offset');
  });

  it('does not call a half-hour offset of an unnamed field a time zone', () => {
    expect(detect(base.map((x) => ({ offline: x, online: x - 1800 })))?.kind).toBe('constant_offset');
  });

  it('finds an offset only part of the year: daylight saving time', () => {
    const rows = dstRows((_instant, hour, summer) => ({ offline: hour, online: summer ? (hour + 1) % 24 : hour }));
    const hints = hintsForField('event_hour', buildInput(rows, { field: 'event_hour', columns: [column('event_at', 'date')] }));
    expect(hints[0]?.kind).toBe('timezone_offset');
    expect(hints[0]!.message).toMatch(/only from Mar \d+ to Oct \d+ \(by event_at\).*daylight saving time/);
  });

  it('finds two offsets one hour apart split by season: a zone with DST', () => {
    const rows = dstRows((_instant, hour, summer) => ({ offline: hour, online: (hour + (summer ? 2 : 1)) % 24 }));
    const hint = detectConstantOffset(createFieldView('event_hour', buildInput(rows, { field: 'event_hour', columns: [column('event_at', 'date')] })));
    expect(hint?.kind).toBe('timezone_offset');
    expect(hint!.message).toContain('a time zone with daylight saving time');
    expect(hint!.message).toMatch(/\(\+ 2 h from Mar \d+ to Oct \d+, by event_at\)/);
    expect(hint!.strength).toBe(share(240));
  });

  it('does not claim a season when the offset rows are not seasonal', () => {
    const rows = dstRows((_instant, hour, _summer, i) => ({ offline: hour, online: i % 3 === 0 ? (hour + 1) % 24 : hour }));
    const hint = detect(rows, 'event_hour', [column('event_at', 'date')]);
    expect(hint?.kind).toBe('timezone_offset');
    expect(hint!.message).not.toContain('daylight');
  });

  it('reads real zones from a timestamp input: DST in New York, a half-hour zone in India', () => {
    const zoneHours = (timeZone: string) => {
      const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
      const rows = Array.from({ length: 400 }, () => {
        const instant = Date.UTC(2023, 0, 1) + random.int(2 * 365 * 24 * 60) * 60_000;
        return { inputs: { login_at: new Date(instant).toISOString() }, offline: new Date(instant).getUTCHours(), online: Number(format.format(instant)) };
      });
      return hintsForField('login_hour', buildInput(rows, { field: 'login_hour', columns: [column('login_at', 'date')] }))[0];
    };
    expect(zoneHours('America/New_York')?.message).toMatch(
      /^online = offline − 4 h on some rows and − 5 h on the others \(− 4 h from Mar \d+ to Nov \d+, by login_at\): a time zone with daylight saving time$/,
    );
    expect(zoneHours('Asia/Kolkata')?.message).toContain(
      'stepping at minute 30 of the hour (by login_at): a part-hour time zone (+ 5.5 h) cut to whole hours',
    );
  });

  describe('near misses', () => {
    it('stays silent on random noise', () => {
      expect(detect(base.map((x) => ({ offline: x, online: x + random.uniform(-5, 5) })))).toBeUndefined();
    });

    it('stays silent on mixed causes (half offset, half scale)', () => {
      expect(detect(base.map((x, i) => ({ offline: x, online: i % 2 ? x + 5 : x * 3 + 0.1 })))).toBeUndefined();
    });

    it('stays silent when the offset explains only half of the mismatching rows', () => {
      expect(detect(base.map((x, i) => ({ offline: x, online: i % 2 ? x + 5 : x + random.uniform(10, 50) })))).toBeUndefined();
    });

    it('needs at least 3 rows', () => {
      expect(detect([{ offline: 1, online: 6 }, { offline: 2, online: 7 }])).toBeUndefined();
    });

    it('says nothing when the offline value is the same on every row (any relation fits one point)', () => {
      expect(detect(base.map(() => ({ offline: 1, online: 3 })))).toBeUndefined();
    });
  });

  describe('properties', () => {
    it('online = offline + c yields an offset hint with that c, for any c ≠ 0 and any offline values', () => {
      const offlineValues = fc
        .array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 40 })
        .filter((xs) => countSeparate(xs) >= 2 && xs.some((x) => !Number.isInteger(x) || x < 0 || x > 23));
      const offsets = fc.double({ min: 0.01, max: 1e6, noNaN: true }).chain((c) => fc.constantFrom(c, -c));
      fc.assert(
        fc.property(offlineValues, offsets, (xs, c) => {
          const hint = detect(xs.map((x) => ({ offline: x, online: x + c })));
          expect(hint?.kind).toMatch(/^(constant_offset|timezone_offset)$/);
          expect(hint!.strength).toBe(share(xs.length));
          expect(Math.abs(fittedOffset(hint!.evidence) - c)).toBeLessThanOrEqual(1e-5 * Math.abs(c));
        }),
        { numRuns: 200 },
      );
    });
  });
});

/**
 * Two years of events every ~3 days at varying hours; `make` gets the event's instant, its UTC hour, and
 * whether EU summer time (last Sunday of March to last Sunday of October) is in force.
 */
function dstRows(make: (instant: number, hour: number, summer: boolean, i: number) => RowSpec): RowSpec[] {
  const start = Date.UTC(2023, 0, 1, 5);
  const rows: RowSpec[] = [];
  for (let i = 0; i < 240; i++) {
    const instant = start + i * 3 * 86_400_000 + (i % 19) * 3_600_000;
    const date = new Date(instant);
    const year = date.getUTCFullYear();
    const summer = instant >= lastSunday(year, 2) && instant < lastSunday(year, 9);
    rows.push({ ...make(instant, date.getUTCHours(), summer, i), inputs: { event_at: date.toISOString() } });
  }
  return rows;
}

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}
