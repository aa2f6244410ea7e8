import { chooseBaseRows } from '../../../harness/checks/generated';
import type { Row } from '../../../harness/core/row';
import { profileRows } from '../../../harness/profile';
import { columnsOf, readChurnExample, sourceRows } from '../../profile/profile-fixtures';

const columns = columnsOf({ id: 'string', plan: 'string', amount: 'number', churned: 'integer' }, { id: 'key', churned: 'label' });

function choose(values: Row[], max?: number): string[] {
  const rows = sourceRows(values);
  return chooseBaseRows(rows, profileRows(rows, columns), max).map((row) => String(row.id));
}

describe('chooseBaseRows', () => {
  const plans = ['basic', 'basic', 'basic', 'premium', 'basic', 'basic ', 'premium', 'basic', 'basic', 'basic'];
  const values: Row[] = plans.map((plan, i) => ({ id: `r${i}`, plan, amount: 10 + i, churned: i % 2 }));

  it('puts rows near the median with the most frequent category first, rare and padded values later, nulls last', () => {
    const withNull = values.map((row, i) => (i === 4 ? { ...row, amount: null } : row));
    // Amounts 10…19 without r4's: median 15, interquartile range 5. `basic` is seen 7 times, `premium` twice.
    // r7 (17, basic) costs 0.4; r2 and r8 0.6 (ties keep sample order); r6 is near the median but premium;
    // r5 is at the median but its plan is padded and rare; r4's null costs most.
    expect(choose(withNull)).toEqual(['r7', 'r2', 'r8', 'r1', 'r9', 'r6', 'r0', 'r3', 'r5', 'r4']);
    expect(choose(withNull, 2)).toEqual(['r7', 'r2']);
  });

  it('returns at most max rows, deterministically, as copies', () => {
    const rows = sourceRows(values);
    const profile = profileRows(rows, columns);
    const first = chooseBaseRows(rows, profile, 3);
    expect(first).toHaveLength(3);
    expect(chooseBaseRows(rows, profile, 3)).toEqual(first);
    first[0]!.plan = 'changed';
    expect(rows.some((r) => r.values.plan === 'changed')).toBe(false);
    expect(chooseBaseRows([], profile)).toEqual([]);
  });

  it('picks churn rows without nulls or padding, with the usual plan and country', async () => {
    const { rows, columns: churnColumns } = await readChurnExample();
    const base = chooseBaseRows(rows, profileRows(rows, churnColumns));
    expect(base).toHaveLength(20);
    for (const row of base) {
      for (const value of Object.values(row)) {
        expect(value).not.toBeNull();
        if (typeof value === 'string') expect(value.trim()).toBe(value);
      }
    }
    expect(base[0]).toMatchObject({ plan: 'basic', country: 'US' });
  });
});
