import fc from 'fast-check';
import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectSignFlip } from '../../../harness/analysis/hints/sign-flip';
import { countSeparate } from '../../../harness/analysis/hints/statistics';
import { buildInput, numbers, seeded, share, type RowSpec } from './hint-fixtures';

const detect = (specs: RowSpec[]) => detectSignFlip(createFieldView('f', buildInput(specs)));
const base = numbers(seeded(3), 50, -10, 10).filter((x) => x !== 0);

describe('sign_flip', () => {
  it('finds online = −offline', () => {
    expect(detect(base.map((x) => ({ offline: x, online: -x })))).toMatchObject({
      kind: 'sign_flip',
      message: 'online = −offline on every mismatching row: the sign is flipped',
      strength: share(base.length),
    });
  });

  it('stays silent on a flip of only some rows, on ±1 flags, and on too few rows', () => {
    expect(detect(base.map((x, i) => ({ offline: x, online: i % 3 ? -x : x + 1 })))).toBeUndefined();
    expect(detect(base.map((_, i) => ({ offline: i % 2 ? 1 : -1, online: i % 2 ? -1 : 1 })))).toBeUndefined();
    expect(detect([{ offline: 1, online: -1 }, { offline: 2, online: -2 }])).toBeUndefined();
  });

  it('property: any varied non-zero offline values, negated, are found', () => {
    const xs = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((x) => Math.abs(x) > 1e-9), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(xs.filter((v) => countSeparate(v.map(Math.abs)) >= 2), (values) => {
        expect(detect(values.map((x) => ({ offline: x, online: -x })))?.kind).toBe('sign_flip');
      }),
    );
  });
});
