import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectTypeMismatch } from '../../../harness/analysis/hints/type-mismatch';
import { buildInput, share, type RowSpec } from './hint-fixtures';

const detect = (specs: RowSpec[]) => detectTypeMismatch(createFieldView('f', buildInput(specs)));
const counts = Array.from({ length: 40 }, (_, i) => i * 3 + 1);

describe('type', () => {
  it('finds numbers sent as strings online', () => {
    expect(detect(counts.map((n) => ({ offline: n, online: String(n) })))).toMatchObject({
      kind: 'type',
      message: 'sent as a string online ("1" vs 1) on every mismatching row',
      strength: share(40),
    });
  });

  it('finds strings offline, and booleans as 0/1', () => {
    expect(detect(counts.map((n) => ({ offline: `${n}.0`, online: n })))?.message).toContain('sent as a string offline ("1.0" vs 1)');
    expect(detect(counts.map((n) => ({ offline: n % 2 === 0, online: n % 2 === 0 ? 1 : 0 })))?.message).toContain(
      'sent as 0/1 online instead of a boolean (0 vs false)',
    );
  });

  it('says so, less strongly, when the values differ as well', () => {
    const hint = detect(counts.map((n) => ({ offline: n, online: String(n + 1) })));
    expect(hint?.message).toContain('and the values differ too');
    expect(hint!.strength).toBeCloseTo(0.7 * (41 / 42), 3);
  });

  it('stays silent on non-numeric strings, on mixed rows, and on too few rows', () => {
    expect(detect(counts.map((n) => ({ offline: n, online: 'n/a' })))).toBeUndefined();
    expect(detect(counts.map((n, i) => ({ offline: n, online: i % 2 ? String(n) : n + 1 })))).toBeUndefined();
    expect(detect([{ offline: 1, online: '1' }, { offline: 2, online: '2' }])).toBeUndefined();
  });
});
