import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectCategory } from '../../../harness/analysis/hints/category';
import type { Row } from '../../../harness/core/row';
import { buildInput, column, seeded, type RowSpec } from './hint-fixtures';

const random = seeded(6);
const PLANS = ['basic', 'standard', 'premium'];
const columns = [column('plan', 'string'), column('country', 'string'), column('customer_id', 'string'), column('weekend', 'boolean')];

function rows(count: number, plans: readonly string[], mismatches: (inputs: Row) => boolean): RowSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const inputs = { plan: random.pick(plans), country: random.pick(['DE', 'FR', 'US']), customer_id: `C${i}`, weekend: random.next() < 0.3 };
    return { inputs, offline: 1, online: mismatches(inputs) ? 2 : 1 };
  });
}
const detect = (specs: RowSpec[], profileFrom?: Row[]) => detectCategory(createFieldView('f', buildInput(specs, { columns, profileFrom })));

describe('category', () => {
  it('names the values the mismatches concentrate on (quoted)', () => {
    const hint = detect(rows(300, [...PLANS, 'legacy'], (r) => r.plan === 'legacy'));
    expect(hint?.kind).toBe('category');
    expect(hint!.strength).toBeGreaterThanOrEqual(0.95);
    expect(hint!.message).toBe('mismatches only where plan is "legacy": these categories are handled differently');
  });

  it('names a string shape the mismatching values share: padding, case', () => {
    const padded = detect(rows(300, [...PLANS, ' Premium', 'basic '], (r) => r.plan !== String(r.plan).trim()));
    expect(padded?.message).toBe('mismatches only where plan has leading or trailing whitespace: trimming differs');
    // Free text (every value distinct) is no category, but its shape still shows.
    const names = Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? `Name${i}` : `name${i}`));
    const specs = names.map((name) => ({
      inputs: { plan: 'basic', country: 'DE', customer_id: name, weekend: false },
      offline: name.toLowerCase(),
      online: name,
    }));
    expect(detect(specs)?.message).toBe('mismatches only where customer_id has upper-case letters: case folding differs');
  });

  it('names several values and works for booleans', () => {
    expect(detect(rows(300, PLANS, (r) => r.plan !== 'basic'))?.message).toMatch(/plan is "(standard|premium)" and "(standard|premium)":/);
    expect(detect(rows(300, PLANS, (r) => r.weekend === true))?.message).toContain('where weekend is true');
  });

  it('says unseen_category when the values are outside the profile vocabulary', () => {
    const training = rows(300, PLANS, () => false).map((s) => s.inputs!);
    const hint = detect(rows(300, [...PLANS, 'enterprise', 'gold'], (r) => r.plan === 'enterprise' || r.plan === 'gold'), training);
    expect(hint?.kind).toBe('unseen_category');
    expect(hint!.message).toMatch(/^mismatches only where plan is outside the training vocabulary \("(enterprise|gold)" and "(enterprise|gold)"\)/);
  });

  describe('near misses', () => {
    it('stays silent on IDs (every value unique)', () => {
      const specs = rows(60, PLANS, () => random.next() < 0.3);
      expect(detect(specs)).toBeUndefined();
    });

    it('stays silent when a value mismatches only some of the time and others too', () => {
      expect(detect(rows(300, PLANS, (r) => (r.plan === 'premium' ? random.next() < 0.6 : random.next() < 0.3)))).toBeUndefined();
    });

    it('stays silent when a small sample happens to leave one value clean (p ≈ 0.04 by chance)', () => {
      let i = 0;
      // 33 rows, 4 of them "basic" and clean, 17 of the other 29 mismatching: random, not a cause.
      const specs = Array.from({ length: 33 }, (_, n) => ({
        inputs: { plan: n < 4 ? 'basic' : random.pick(['standard', 'premium', 'gold']), country: 'DE', customer_id: `C${n}`, weekend: false },
        offline: 1,
        online: n >= 4 && i++ < 17 ? 2 : 1,
      }));
      expect(detect(specs)).toBeUndefined();
    });

    it('stays silent when every row mismatches', () => {
      expect(detect(rows(100, PLANS, () => true))).toBeUndefined();
    });
  });
});

