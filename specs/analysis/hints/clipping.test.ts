import { detectClipping } from '../../../harness/analysis/hints/clipping';
import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { buildInput, numbers, seeded, type RowSpec } from './hint-fixtures';

const random = seeded(21);
const detect = (specs: RowSpec[]) => detectClipping(createFieldView('f', buildInput(specs)));

describe('clipping', () => {
  it('names the range and the input when one side is the other clamped to [lo, hi]', () => {
    const xs = numbers(random, 400, -20, 120);
    const hint = detect(xs.map((x) => ({ inputs: { score: x }, offline: x, online: Math.min(100, Math.max(0, x)) })));
    expect(hint?.kind).toBe('clipping');
    expect(hint!.message).toBe('online = offline clipped to [0, 100]: where score > 100 or score < 0 online is pinned to the bound; only online clips');
  });

  it('reads the offline side as the clamped one too', () => {
    const xs = numbers(random, 300, 0, 50);
    expect(detect(xs.map((x) => ({ offline: Math.min(x, 40), online: x })))?.message).toMatch(/^offline = online clipped to \[−∞, 40\]/);
  });

  it('stays silent when rows beyond the bound often match (not specific)', () => {
    // Only a third of the rows above 100 are clipped: a clip would pin them all.
    const xs = numbers(random, 400, 0, 200);
    expect(detect(xs.map((x, i) => ({ offline: x, online: x > 100 && i % 3 === 0 ? 100 : x })))).toBeUndefined();
  });

  it('stays silent on a constant that is no bound (every mismatching row from a single value)', () => {
    expect(detect(Array.from({ length: 100 }, (_, i) => ({ offline: i % 10 === 0 ? 500 : i, online: i % 10 === 0 ? 100 : i })))).toBeUndefined();
  });
});
