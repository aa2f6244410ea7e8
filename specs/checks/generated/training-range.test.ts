import { unseenValueFinder } from '../../../harness/checks/generated/training-range';
import type { ColumnInfo, SourceRow } from '../../../harness/core/row';
import { profileRows } from '../../../harness/profile/profile-rows';

const columns: ColumnInfo[] = [
  { name: 'id', type: 'string', typeSource: 'inferred', role: 'key' },
  { name: 'plan', type: 'string', typeSource: 'inferred', role: 'input' },
  { name: 'price', type: 'number', typeSource: 'inferred', role: 'input' },
  { name: 'since', type: 'date', typeSource: 'inferred', role: 'input' },
  { name: 'note', type: 'string', typeSource: 'inferred', role: 'input' },
];
// Prices 10…59 (every fifth written as text, as a legacy client sends it), three plans, dates in 2024.
const rows: SourceRow[] = Array.from({ length: 50 }, (_, i) => ({
  key: `r${i}`,
  line: i + 2,
  values: { id: `r${i}`, plan: ['basic', 'pro', 'team'][i % 3]!, price: i % 5 === 0 ? `${10 + i}.00` : 10 + i, since: `2024-0${1 + (i % 9)}-1${i % 10}`, note: `note ${i}` },
}));
const profile = profileRows(rows, columns);
const unseenIn = unseenValueFinder(profile, rows.slice(0, 20).map((r) => r.values));
const row = (change: Record<string, unknown>) => ({ ...rows[1]!.values, ...change });

describe('unseenValueFinder', () => {
  it('finds nothing in a training-like row: seen categories, numbers and dates inside their ranges, null', () => {
    expect(unseenIn(row({}))).toBeNull();
    expect(unseenIn(row({ plan: 'team', price: 59, since: '2024-09-18' }))).toBeNull();
    expect(unseenIn(row({ price: '12.50' }))).toBeNull();
    expect(unseenIn(row({ price: null, plan: null }))).toBeNull();
  });

  it('names every value training never had: out of range, unseen category or text, a date outside its range', () => {
    expect(unseenIn(row({ price: -1 }))).toEqual({ column: 'price', description: 'price = -1 (training: 10 … 59)' });
    expect(unseenIn(row({ price: '60.00' }))!.column).toBe('price');
    expect(unseenIn(row({ plan: 'Team', since: '2031-01-01' }))).toEqual({
      column: 'plan, since',
      description: 'plan = "Team" (not among its 3 training values), since = "2031-01-01" (training: 2024-01-10 … 2024-09-18)',
    });
    expect(unseenIn(row({ note: 'note 1 ' }))!.column).toBe('note');
  });
});
