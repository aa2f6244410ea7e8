import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectNullInput } from '../../../harness/analysis/hints/null-input';
import { buildInput, seeded, type RowSpec } from './hint-fixtures';

const detect = (specs: RowSpec[]) => detectNullInput(createFieldView('f', buildInput(specs)));
const random = seeded(5);

/** 200 rows; `sessions` null on ~10 %, `tickets` null on ~10 % independently; `f` from `make`. */
function rows(make: (sessions: number | null, tickets: number | null) => [number, number]): RowSpec[] {
  return Array.from({ length: 200 }, (_, i) => {
    const sessions = random.next() < 0.1 ? null : random.int(40);
    const tickets = random.next() < 0.1 ? null : random.int(5);
    const [offline, online] = make(sessions, tickets);
    return { inputs: { id: `c${i}`, sessions, tickets, plan: random.pick(['basic', 'premium']) }, offline, online };
  });
}

describe('null_input', () => {
  it('names the column whose nulls are where the field mismatches', () => {
    const hint = detect(rows((s) => [((s ?? 17) - 17) / 9, ((s ?? 0) - 17) / 9]));
    expect(hint?.kind).toBe('null_input');
    expect(hint!.strength).toBeGreaterThanOrEqual(0.9);
    expect(hint!.message).toBe('mismatches only where sessions is null: nulls are imputed differently');
    expect(hint!.evidence).toMatch(/^(\d+) of \1 mismatching rows have sessions null \(\1 of \1 such rows mismatch\); 0 of \d+ other rows mismatch; chance p < 1e-12$/);
  });

  it('tolerates a mismatch or two elsewhere, at a lower strength', () => {
    let extra = 0;
    const hint = detect(rows((s) => (s === null ? [1, 0] : extra++ < 1 ? [s, s + 0.5] : [s, s])));
    expect(hint?.kind).toBe('null_input');
    expect(hint!.strength).toBeLessThan(1);
    expect(hint!.strength).toBeGreaterThan(0.9);
  });

  it('treats an absent input like a null one', () => {
    const specs = rows((s) => (s === null ? [1, 0] : [s, s])).map((spec) => {
      const { sessions, ...others } = spec.inputs!;
      return sessions === null ? { ...spec, inputs: others } : spec;
    });
    expect(detect(specs)?.message).toContain('where sessions is null');
  });

  describe('near misses', () => {
    it('stays silent when mismatches happen on rows with values too', () => {
      expect(detect(rows((s, _t) => (s === null || random.next() < 0.3 ? [1, 0] : [1, 1])))).toBeUndefined();
    });

    it('stays silent when mismatches are unrelated to nulls', () => {
      expect(detect(rows(() => (random.next() < 0.1 ? [1, 0] : [1, 1])))).toBeUndefined();
    });

    it('stays silent when every row is null (nothing to contrast with)', () => {
      expect(detect(Array.from({ length: 20 }, (_, i) => ({ inputs: { x: null, y: i }, offline: i, online: 0 })))).toBeUndefined();
    });

    it('needs at least 3 mismatching rows', () => {
      const specs: RowSpec[] = Array.from({ length: 30 }, (_, i) => ({ inputs: { x: i < 2 ? null : i }, offline: 1, online: i < 2 ? 0 : 1 }));
      expect(detect(specs)).toBeUndefined();
    });
  });
});
