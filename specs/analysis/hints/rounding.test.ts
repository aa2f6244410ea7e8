import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { detectRounding } from '../../../harness/analysis/hints/rounding';
import { buildInput, numbers, seeded, type RowSpec } from './hint-fixtures';

const detect = (specs: RowSpec[]) => detectRounding(createFieldView('f', buildInput(specs)));
const random = seeded(4);
const raw = numbers(random, 80, 0, 500, 4);

describe('rounding', () => {
  it('finds one side rounded to 0.1 (round to nearest)', () => {
    const hint = detect(raw.map((x) => ({ offline: x, online: Math.round(x * 10) / 10 })));
    expect(hint?.kind).toBe('rounding');
    expect(hint!.message).toContain('online is offline brought to a multiple of 0.1 (round to nearest)');
    expect(hint!.message).toContain('a rounding/truncation difference at granularity 0.1');
  });

  it('finds the offline side floored to whole numbers (floor or truncation on positives)', () => {
    const hint = detect(raw.map((x) => ({ offline: Math.floor(x), online: x })));
    expect(hint!.message).toContain('offline is online brought to a multiple of 1 (floor or truncation)');
  });

  it('finds rounding to tens', () => {
    const hint = detect(raw.map((x) => ({ offline: x, online: Math.ceil(x / 10) * 10 })));
    expect(hint!.message).toContain('multiple of 10 (ceiling)');
  });

  it('tells floor from truncation when the differences appear only on negative values', () => {
    const spend = numbers(random, 120, -80, 200);
    const specs = spend.map((x) => ({ offline: Math.floor(x / 25), online: Math.trunc(x / 25) + 0 }));
    const hints = hintsForField('f', buildInput(specs));
    expect(hints[0]?.kind).toBe('rounding');
    expect(hints[0]!.message).toBe(
      'online is one higher only on negative values: offline floors (toward −∞) where online truncates toward zero, a rounding/truncation difference at granularity 1',
    );
  });

  it('reads ±1 steps on some rows as two rounding modes', () => {
    const specs = raw.map((x, i) => ({ offline: Math.round(x), online: i % 4 === 0 ? Math.round(x) + (i % 8 === 0 ? 1 : -1) : Math.round(x) }));
    expect(detect(specs)?.message).toContain('the sides differ by ±1');
  });

  describe('near misses', () => {
    it('stays silent on tiny noise around rounded values (noise, not rounding)', () => {
      expect(detect(raw.map((x) => ({ offline: Math.round(x * 10) / 10, online: Math.round(x * 10) / 10 + random.uniform(-1e-3, 1e-3) })))).toBeUndefined();
    });

    it('stays silent when a step of +1 is on every row (that is an offset)', () => {
      expect(detect(raw.map((x) => ({ offline: Math.round(x), online: Math.round(x) + 1 })))).toBeUndefined();
    });

    it('stays silent on differences of random size and on too few rows', () => {
      expect(detect(raw.map((x) => ({ offline: x, online: x + random.uniform(-3, 3) })))).toBeUndefined();
      expect(detect([{ offline: 1.26, online: 1.3 }, { offline: 2.71, online: 2.7 }])).toBeUndefined();
    });
  });
});

