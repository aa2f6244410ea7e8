import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectFloat32Widening, isFloat32Shaped } from '../../../harness/analysis/hints/float32-widening';
import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { buildInput, numbers, seeded, type RowSpec } from './hint-fixtures';

const detect = (specs: RowSpec[]) => detectFloat32Widening(createFieldView('f', buildInput(specs)));
// Full-precision doubles (a ratio), as a float64 pipeline computes them.
const values = numbers(seeded(12), 60, -1000, 1000, 3).map((x) => x / 7).filter((x) => Math.fround(x) !== x);

describe('float32 widening', () => {
  it('fires when one side is the other widened from float32, and names the fix', () => {
    const hint = detect(values.map((x) => ({ offline: x, online: Math.fround(x) })));
    expect(hint?.kind).toBe('float32_widening');
    expect(hint!.message).toBe(
      'online is offline rounded to float32 on every mismatching row: float32 widening (compare the field with `compare: { fields: { f: { float32: true } } }`, or keep float64 on both sides)',
    );
    expect(hint!.evidence).toMatch(/^\d+ of \d+ mismatching rows equal after rounding both sides to float32; largest relative difference /);
  });

  it('fires on the shortest decimal a float32 serialiser prints, on the offline side too', () => {
    const printed = values.map((x) => Number(Math.fround(x).toPrecision(9))).map((p, i) => (Math.fround(p) === Math.fround(values[i]!) ? p : values[i]!));
    expect(printed.every((p) => isFloat32Shaped(p))).toBe(true);
    const hint = detect(values.map((x, i) => ({ offline: printed[i]!, online: x })));
    expect(hint?.message).toMatch(/^offline is online rounded to float32/);
    expect(hintsForField('f', buildInput(values.map((x) => ({ offline: x, online: Math.fround(x) }))))[0]?.kind).toBe('float32_widening');
  });

  it('stays silent on float noise, though values 1e-8 apart are mostly the same float32 too', () => {
    const random = seeded(3);
    const noisy = values.map((x) => ({ offline: x, online: x * (1 + (0.5 + random.next()) * 4e-9) }));
    const view = createFieldView('f', buildInput(noisy));
    expect(view.pairs.length).toBeGreaterThan(values.length * 0.9);
    expect(view.pairs.filter((p) => Math.fround(p.offline) === Math.fround(p.online)).length).toBeGreaterThan(view.pairs.length * 0.9);
    expect(detectFloat32Widening(view)).toBeUndefined();
  });

  it('stays silent when rounding to float32 explains too few rows, or fewer than 3', () => {
    const mixed = values.map((x, i) => ({ offline: x, online: i % 3 === 0 ? x + 1 : Math.fround(x) }));
    expect(detect(mixed)).toBeUndefined();
    expect(detect(values.slice(0, 2).map((x) => ({ offline: x, online: Math.fround(x) })))).toBeUndefined();
  });
});
