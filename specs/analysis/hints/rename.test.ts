import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectRename } from '../../../harness/analysis/hints/rename';
import { ABSENT, buildInput, numbers, seeded, share } from './hint-fixtures';

const values = numbers(seeded(10), 50, 0, 100);
const detect = (field: string, specs: Parameters<typeof buildInput>[0]) => detectRename(createFieldView(field, buildInput(specs, { field })));

describe('rename', () => {
  it('finds the online name of a feature missing online', () => {
    const specs = values.map((x) => ({ offline: x, online: ABSENT, onlineExtra: { tenure: x, other: x + 1 } }));
    expect(detect('tenure_days', specs)).toMatchObject({ kind: 'rename', message: 'renamed: online calls it tenure', strength: share(50) });
  });

  it('works the other way round (missing offline) and with a few differing rows', () => {
    const specs = values.map((x, i) => ({ offline: ABSENT, online: x, offlineExtra: { days: i < 3 ? -1 : x } }));
    const hint = detect('tenure_days', specs);
    expect(hint?.message).toBe('renamed: offline calls it days');
    expect(hint!.strength).toBe(share(47, 50));
  });

  it('stays silent when no extra field holds the same values, or the field is present on both sides', () => {
    expect(detect('t', values.map((x) => ({ offline: x, online: ABSENT, onlineExtra: { u: x * 2 } })))).toBeUndefined();
    expect(detect('t', values.map((x) => ({ offline: x, online: x + 1, onlineExtra: { u: x } })))).toBeUndefined();
  });

  it('weakens a match on one repeated value', () => {
    const hint = detect('flag', values.map(() => ({ offline: 0, online: ABSENT, onlineExtra: { flag2: 0 } })));
    expect(hint?.strength).toBeCloseTo(0.7 * (51 / 52), 3);
  });
});
