import fc from 'fast-check';
import { segmentsForField } from '../../../harness/analysis/segments';
import { FieldStatsAccumulator } from '../../../harness/core/field-stats';
import { createComparePolicy } from '../../../harness/core/compare-policy';
import { diffFeatures } from '../../../harness/core/diff';
import { ABSENT, buildInput, column, seeded } from '../hints/hint-fixtures';

const random = seeded(11);
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const PLANS = ['basic', 'pro', 'team'];

describe('segmentsForField', () => {
  it('names the column that separates mismatching rows, with counts and rates, and not a distractor', () => {
    // Mismatches in Berlin only (most rows there); plan is drawn independently of the mismatch.
    const specs = Array.from({ length: 400 }, () => {
      const zone = random.pick(ZONES);
      const bad = zone === 'Europe/Berlin' && random.next() < 0.9;
      return { inputs: { customer_tz: zone, plan: random.pick(PLANS), amount: random.uniform(0, 100) }, offline: 1, online: bad ? 2 : 1 };
    });
    const segments = segmentsForField('f', buildInput(specs));
    expect(segments.splits.map((s) => s.column)).toEqual(['customer_tz']);
    const [split] = segments.splits;
    expect(split!.basis).toBe('category');
    const berlin = split!.segments.find((s) => s.label === 'Europe/Berlin')!;
    expect(berlin.rate).toBeGreaterThan(0.8);
    for (const other of split!.segments.filter((s) => s.label !== 'Europe/Berlin')) expect(other).toMatchObject({ mismatched: 0, rate: 0 });
    expect(split!.gain).toBeGreaterThan(0.3);
  });

  it('bins numbers into quantiles and finds the bin that mismatches', () => {
    const specs = Array.from({ length: 500 }, () => {
      const amount = Math.round(random.uniform(0, 100) * 100) / 100;
      return { inputs: { amount, plan: random.pick(PLANS) }, offline: amount, online: amount >= 80 ? Math.min(amount, 80) : amount };
    });
    const [split] = segmentsForField('f', buildInput(specs)).splits;
    expect(split).toMatchObject({ column: 'amount', basis: 'quantile' });
    expect(split!.segments).toHaveLength(5);
    expect(split!.segments[0]!.label).toMatch(/^\[0(\.\d+)?, \d+(\.\d+)?\)$/);
    expect(split!.segments[4]!.label).toMatch(/\]$/);
    const last = split!.segments[4]!;
    expect(last.rate).toBeGreaterThan(0.9);
    expect(split!.segments.slice(0, 3).every((s) => s.mismatched === 0)).toBe(true);
  });

  it('groups dates by month, and timestamps also by hour of day', () => {
    // Mismatch from April to October at 00–02h (a DST-like bug), never otherwise.
    const specs = Array.from({ length: 600 }, () => {
      const month = 1 + random.int(12);
      const hour = random.int(24);
      const at = `2025-${String(month).padStart(2, '0')}-1${random.int(9)}T${String(hour).padStart(2, '0')}:30:00`;
      const bad = month >= 4 && month <= 10 && hour < 3;
      return { inputs: { event_at: at, plan: random.pick(PLANS) }, offline: hour, online: bad ? hour + 1 : hour };
    });
    const splits = segmentsForField('f', buildInput(specs, { columns: [column('event_at', 'date'), column('plan', 'string')] })).splits;
    expect(splits.map((s) => `${s.column}:${s.basis}`)).toEqual(['event_at:hour', 'event_at:month']);
    const months = splits.find((s) => s.basis === 'month')!;
    expect(months.segments.map((s) => s.label)).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(months.segments.find((s) => s.label === 'Jan')!.mismatched).toBe(0);
    const hours = splits.find((s) => s.basis === 'hour')!;
    expect(hours.segments[0]).toMatchObject({ label: '00–02h' });
    expect(hours.segments[0]!.rate).toBeGreaterThan(0.4);
    expect(hours.segments.slice(1).every((s) => s.mismatched === 0)).toBe(true);
  });

  it('shows nothing when no column separates: random mismatches, or every row mismatching', () => {
    const randomSpecs = Array.from({ length: 400 }, () => ({ inputs: { plan: random.pick(PLANS), amount: random.uniform(0, 100) }, offline: 0, online: random.next() < 0.3 ? 1 : 0 }));
    expect(segmentsForField('f', buildInput(randomSpecs)).splits).toEqual([]);
    const allSpecs = randomSpecs.map((s) => ({ ...s, online: 1 }));
    expect(segmentsForField('f', buildInput(allSpecs))).toMatchObject({ rows: 400, mismatched: 400, splits: [] });
  });

  it('counts null values as their own segment', () => {
    const specs = Array.from({ length: 300 }, (_, i) => ({ inputs: { tenure: i % 4 === 0 ? null : random.uniform(1, 50) }, offline: 0, online: i % 4 === 0 ? -1 : 0 }));
    const [split] = segmentsForField('f', buildInput(specs, { columns: [column('tenure', 'number')] })).splits;
    expect(split!.segments.find((s) => s.label === '(null)')).toEqual({ label: '(null)', rows: 75, mismatched: 75, rate: 1 });
  });

  it('property: every split counts each of the field\'s compared rows once, and rate = mismatched / rows', () => {
    const row = fc.record({
      zone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Tokyo', null),
      amount: fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }),
      day: fc.constantFrom('2025-01-05', '2025-03-30T01:30:00', '2025-07-14T12:00:00', '2025-10-26T02:30:00'),
      value: fc.integer({ min: 0, max: 3 }),
      // where the field is absent from a side (a mismatch when only one side has it)
      absent: fc.constantFrom('none', 'none', 'none', 'none', 'offline', 'online', 'both'),
    });
    const policy = createComparePolicy();
    let withSplits = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 20, maxLength: 120 }), fc.integer({ min: 0, max: 2 }), (rows, rule) => {
        // Make some column matter, so splits are found often.
        const specs = rows.map((r) => {
          const skewed = rule === 0 ? r.zone === 'Europe/Berlin' : rule === 1 ? (r.amount ?? 0) > 20 : r.day.startsWith('2025-03');
          return {
            inputs: { zone: r.zone, amount: r.amount, day: r.day },
            offline: r.absent === 'offline' || r.absent === 'both' ? ABSENT : r.value,
            online: r.absent === 'online' || r.absent === 'both' ? ABSENT : skewed ? r.value + 10 : r.value,
          };
        });
        const input = buildInput(specs, { columns: [column('zone', 'string'), column('amount', 'integer'), column('day', 'date')] });
        const stats = new FieldStatsAccumulator(() => 0);
        for (const r of input.rows) stats.add(diffFeatures(r.key, r.offline, r.online, policy));
        const field = stats.result().find((f) => f.field === 'f');
        const segments = segmentsForField('f', input);
        expect(segments.rows).toBe(field?.compared ?? 0);
        expect(segments.mismatched).toBe(field?.mismatched ?? 0);
        expect(segments.splits.length).toBeLessThanOrEqual(3);
        if (segments.splits.length > 0) withSplits++;
        for (const split of segments.splits) {
          expect(split.segments.reduce((n, s) => n + s.rows, 0)).toBe(segments.rows);
          expect(split.segments.reduce((n, s) => n + s.mismatched, 0)).toBe(segments.mismatched);
          for (const s of split.segments) expect(s.rate).toBe(s.mismatched / s.rows);
        }
      }),
      { numRuns: 60, seed: 9 },
    );
    expect(withSplits).toBeGreaterThan(10);
  });
});
