import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { detectOffsetBySegment } from '../../../harness/analysis/hints/offset-by-segment';
import { localHour } from './confounded-datasets';
import { buildInput, seeded, type RowSpec } from './hint-fixtures';

const random = seeded(61);
const YEAR = Date.UTC(2024, 0, 1);

describe('offset by segment', () => {
  it('an offset in seconds per zone: "Europe/Berlin + 3600 (1 h)"', () => {
    const zones: Record<string, number> = { 'Europe/Berlin': 3600, 'Asia/Tokyo': 32_400, UTC: 0 };
    const specs: RowSpec[] = Array.from({ length: 300 }, () => {
      const zone = random.pick(Object.keys(zones));
      const ts = 1_700_000_000 + random.int(10_000_000);
      return { inputs: { customer_tz: zone }, offline: ts, online: ts + zones[zone]! };
    });
    const hints = hintsForField('event_ts', buildInput(specs, { field: 'event_ts' }));
    expect(hints.map((h) => h.kind)).toEqual(['offset_by_segment']);
    expect(hints[0]!.message).toMatch(/^the offset depends on customer_tz: (Asia\/Tokyo \+ 32400 \(9 h\)|Europe\/Berlin \+ 3600 \(1 h\)) and .*; UTC matches: a time-zone offset that depends on customer_tz$/);
  });

  it('DST per zone names each zone\'s part of the year', () => {
    const specs: RowSpec[] = Array.from({ length: 600 }, () => {
      const zone = random.pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo']);
      const ms = YEAR + random.int(366 * 24) * 3_600_000;
      const standard = { 'Europe/Berlin': 1, 'America/New_York': -5, 'Asia/Tokyo': 9 }[zone]!;
      return { inputs: { customer_tz: zone, event_time: new Date(ms).toISOString() }, offline: localHour(ms, zone), online: (new Date(ms).getUTCHours() + standard + 24) % 24 };
    });
    const hint = detectOffsetBySegment(createFieldView('hour_local', buildInput(specs, { field: 'hour_local' })));
    expect(hint?.message).toMatch(/America\/New_York − 1 h from Mar (9|1\d) to Nov \d/);
    expect(hint?.message).toMatch(/Europe\/Berlin − 1 h from (Mar 3\d|Apr \d) to Oct 2\d/);
    expect(hint?.message).toMatch(/Asia\/Tokyo matches: daylight saving time is handled differently per customer_tz/);
  });

  it('by month: a statistic refreshed monthly online', () => {
    const shift = [0, 0, 2, 2, 2, 5, 5, 5, 5, 1, 1, 0];
    const specs: RowSpec[] = Array.from({ length: 480 }, () => {
      const ms = YEAR + random.int(366) * 86_400_000;
      const x = Math.round(random.uniform(0, 100) * 100) / 100;
      return { inputs: { day: new Date(ms).toISOString().slice(0, 10) }, offline: x, online: x + shift[new Date(ms).getUTCMonth()]! };
    });
    const hint = detectOffsetBySegment(createFieldView('f', buildInput(specs)));
    expect(hint?.message).toMatch(/^the offset depends on the month of day: Mar \+ 2, Apr \+ 2, May \+ 2, Jun \+ 5, Jul \+ 5, Aug \+ 5, Sep \+ 5, Oct \+ 1 and Nov \+ 1; Jan, Feb and Dec match: a constant offset that depends on the month of day$/);
  });

  it('stays silent when one offset holds across segments (the plain offset hint says it)', () => {
    const specs: RowSpec[] = Array.from({ length: 200 }, () => {
      const x = random.int(1000);
      return { inputs: { region: random.pick(['a', 'b', 'c']) }, offline: x, online: x + 7 };
    });
    expect(detectOffsetBySegment(createFieldView('f', buildInput(specs)))).toBeUndefined();
  });
});
