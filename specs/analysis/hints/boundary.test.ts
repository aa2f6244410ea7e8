import { detectBoundary } from '../../../harness/analysis/hints/boundary';
import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { buildInput, column, numbers, seeded, share, type RowSpec } from './hint-fixtures';

const random = seeded(8);
const columns = [column('monthly_spend', 'number'), column('sessions', 'integer')];
const detect = (specs: RowSpec[], profileFrom?: Array<Record<string, unknown>>) =>
  detectBoundary(createFieldView('f', buildInput(specs, { columns, profileFrom })));

/** Spend with two decimals, plus rows exactly on the 25-wide bucket edges. */
const spend = [...numbers(random, 300, 0, 200), 25, 50, 75, 100, 125, 150, 175, 25, 50, 100];
const withSessions = (x: number) => ({ monthly_spend: x, sessions: random.int(40) });

describe('boundary', () => {
  it('finds mismatches only on bucket edges (`<=` vs `<`)', () => {
    // Offline counts the edges <= x, online the edges < x: they differ exactly on multiples of 25.
    const specs = spend.map((x) => ({ inputs: withSessions(x), offline: Math.floor(x / 25), online: Math.ceil(x / 25) - 1 }));
    const hint = detect(specs);
    expect(hint).toMatchObject({ kind: 'boundary', strength: share(10) });
    expect(hint!.message).toBe('mismatches only where monthly_spend is a multiple of 25 (25, 50, 75, 100, 125 and 2 more): `<=` vs `<` at bin edges');
  });

  it('finds mismatches on the quantiles of the profile', () => {
    const training = Array.from({ length: 101 }, (_, i) => ({ monthly_spend: i, sessions: i % 40 }));
    const edges = [1, 5, 25, 50, 75, 95, 99];
    const values = [...numbers(random, 300, 0, 100, 3).filter((x) => !Number.isInteger(x)), ...edges, ...edges];
    const specs = values.map((x) => ({ inputs: withSessions(x), offline: 0, online: edges.includes(x) ? 1 : 0 }));
    const hint = detect(specs, training);
    expect(hint?.message).toContain('monthly_spend is exactly on a quantile of the profile (1, 5, 25, 50, 75 and 2 more)');
  });

  it('finds mismatches only at exactly 0', () => {
    const values = [...numbers(random, 200, 0.01, 100), 0, 0, 0, 0, 0];
    const specs = values.map((x) => ({ inputs: withSessions(x), offline: Math.log1p(x), online: x === 0 ? -1 : Math.log1p(x) }));
    // log1p takes as many values as its input: the condition holds, but `<=` vs `<` at bin edges is not the cause.
    expect(detect(specs)?.message).toBe('mismatches only where monthly_spend is exactly 0 (0): the value there is handled differently (f is no binning of monthly_spend)');
  });

  describe('near misses', () => {
    it('stays silent when edges mismatch and so do many other rows', () => {
      const specs = spend.map((x) => ({ inputs: withSessions(x), offline: 0, online: x % 25 === 0 || random.next() < 0.3 ? 1 : 0 }));
      expect(detect(specs)).toBeUndefined();
    });

    it('stays silent on random mismatches', () => {
      expect(detect(spend.map((x) => ({ inputs: withSessions(x), offline: 0, online: random.next() < 0.2 ? 1 : 0 })))).toBeUndefined();
    });

    it('does not call every integer of an integer column an edge', () => {
      const specs = Array.from({ length: 100 }, () => ({ inputs: withSessions(1.5), offline: 0, online: 1 }));
      expect(detect(specs)).toBeUndefined();
    });
  });
});
