import { describeGoldenChanges } from '../../harness/checks/describe-golden-changes';
import type { GoldenChange } from '../../harness/golden/compare-golden';

const change = (key: string, field: string, side: GoldenChange['side']): GoldenChange => ({ key, field, side });

describe('describeGoldenChanges', () => {
  it('says in words which side changed which fields on how many rows', () => {
    const online = Array.from({ length: 50 }, (_, i) => [change(`r${i}`, 'tenure_days', 'online'), ...(i < 4 ? [change(`r${i}`, 'sessions_z', 'online')] : [])]).flat();
    expect(describeGoldenChanges(online)).toBe('serving changed tenure_days and sessions_z on 50 rows since the golden file (offline unchanged)');
    expect(describeGoldenChanges([change('a', 'x', 'offline')])).toBe('the offline pipeline changed x on 1 row since the golden file (serving unchanged)');
  });

  it('gives each side its own clause when several moved, and counts fields past three', () => {
    const mixed = [change('a', 'x', 'online'), change('b', 'y', 'both-alike'), change('c', 'y', 'both-alike'), ...['p', 'q', 'r', 's', 't'].map((f) => change('d', f, 'offline'))];
    expect(describeGoldenChanges(mixed)).toBe(
      'serving changed x on 1 row, the offline pipeline changed p, q, r and 2 more fields on 1 row, both sides changed y alike on 2 rows since the golden file',
    );
  });
});
