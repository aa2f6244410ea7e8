import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectRowAge } from '../../../harness/analysis/hints/row-age';
import { buildInput, column, seeded, share, type RowSpec } from './hint-fixtures';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15, 9, 30);
const random = seeded(9);
const columns = [column('signup_date', 'date'), column('reference_date', 'date'), column('plan', 'string')];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Customers with a signup and a snapshot date (2023–2025); `make` gets both as epoch ms. */
function customers(count: number, make: (signup: number, reference: number) => [unknown, unknown]): RowSpec[] {
  return Array.from({ length: count }, () => {
    const reference = Date.UTC(2023, 0, 1) + random.int(1000) * DAY;
    const signup = reference - random.int(1500) * DAY;
    const [offline, online] = make(signup, reference);
    return { inputs: { signup_date: iso(signup), reference_date: iso(reference), plan: random.pick(['a', 'b']) }, offline, online };
  });
}
const detect = (specs: RowSpec[]) => detectRowAge(createFieldView('f', buildInput(specs, { columns })));

describe('grows_with_age', () => {
  it('finds online using the current time instead of reference_date (days)', () => {
    const hint = detect(customers(200, (s, r) => [(r - s) / DAY, Math.floor((NOW - s) / DAY)]));
    expect(hint).toMatchObject({ kind: 'grows_with_age', strength: share(200) });
    expect(hint!.message).toBe("online likely uses the current time instead of the row's reference_date (correlation 1.00 with the age of reference_date)");
    expect(hint!.evidence).toContain('(counted in days); as if "now" were 2026-01-15');
  });

  it('reads seconds and milliseconds, and the offline side using the clock', () => {
    const seconds = detect(customers(100, (s, r) => [(r - s) / 1000, (NOW - s) / 1000]));
    expect(seconds?.evidence).toContain('counted in seconds');
    const ms = detect(customers(100, (s, r) => [NOW - s, r - s]));
    expect(ms?.message).toMatch(/^offline likely uses the current time instead of the row's reference_date/);
    expect(ms?.evidence).toContain('counted in ms');
  });

  it('tolerates a few odd rows', () => {
    const specs = customers(200, (s, r) => [(r - s) / DAY, (NOW - s) / DAY]).map((spec, i) => (i < 6 ? { ...spec, online: 5 } : spec));
    expect(detect(specs)?.strength).toBeGreaterThanOrEqual(0.9);
  });

  describe('near misses', () => {
    it('stays silent on random differences and on a constant difference', () => {
      expect(detect(customers(200, (s, r) => [(r - s) / DAY, (r - s) / DAY + random.int(500) + 1]))).toBeUndefined();
      expect(detect(customers(200, (s, r) => [(r - s) / DAY, (r - s) / DAY + 3]))).toBeUndefined();
    });

    it('needs enough rows for a correlation to mean something', () => {
      expect(detect(customers(5, (s, r) => [(r - s) / DAY, (NOW - s) / DAY]))).toBeUndefined();
    });

    it('needs a date column', () => {
      const specs = customers(50, (s, r) => [(r - s) / DAY, (NOW - s) / DAY]);
      expect(detectRowAge(createFieldView('f', buildInput(specs, { columns: [column('plan', 'string')] })))).toBeUndefined();
    });
  });
});

describe('grows_with_age, not fooled by a unit change', () => {
  it('leaves a difference proportional to the value (tenure in s vs ms) to the ratio hint', () => {
    const specs = customers(200, (s, r) => [(r - s) / 1000, r - s]);
    expect(detect(specs)).toBeUndefined();
  });
});
