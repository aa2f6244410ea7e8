import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { ABSENT, buildInput, column, numbers, seeded } from './hint-fixtures';

const random = seeded(51);

describe('absent (the mismatch kind)', () => {
  it('says a field absent online where an input is null is left out, not imputed differently', () => {
    const xs = numbers(random, 300, 1, 100);
    const specs = xs.map((x, i) => {
      const isNull = i % 8 === 0;
      return { inputs: { payment: isNull ? null : 'card', x }, offline: isNull ? 0.5 : x, online: isNull ? ABSENT : x };
    });
    const hints = hintsForField('f', buildInput(specs, { columns: [column('payment', 'string'), column('x', 'number')] }));
    expect(hints.map((h) => h.kind)).toEqual(['absent']);
    expect(hints[0]!.message).toBe('f is absent online where payment is null (present offline): online leaves the field out there rather than computing a different value');
    expect(hints.some((h) => /imputed/.test(h.message))).toBe(false);
  });

  it("reads the diff's kind: missing_offline on every mismatching row", () => {
    const input = buildInput(numbers(random, 50, 1, 9).map((x) => ({ offline: ABSENT, online: x })));
    const hints = hintsForField('f', input);
    expect(hints[0]).toMatchObject({ kind: 'absent' });
    expect(hints[0]!.message).toMatch(/^f is absent offline on every mismatching row/);
  });

  it('a timestamp key sent to serving is an input like any other (DST by the key column)', () => {
    const rows = Array.from({ length: 300 }, (_, i) => {
      const ms = Date.UTC(2024, 0, 1) + i * 29 * 3_600_000 + (i % 60) * 60_000;
      const summer = new Date(ms).getUTCMonth() >= 3 && new Date(ms).getUTCMonth() <= 8;
      const hour = (new Date(ms).getUTCHours() + 1 + (summer ? 1 : 0)) % 24;
      return { inputs: { event_ts: new Date(ms).toISOString() }, offline: hour, online: (new Date(ms).getUTCHours() + 1) % 24 };
    });
    const hints = hintsForField('hour_local', buildInput(rows, { field: 'hour_local', columns: [column('event_ts', 'date', 'key')] }));
    expect(hints[0]?.message).toMatch(/only from .* \(by event_ts\).*daylight saving time/);
  });
});
