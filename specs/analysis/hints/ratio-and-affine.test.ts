import fc from 'fast-check';
import { createFieldView } from '../../../harness/analysis/hints/field-view';
import { detectAffine, detectConstantRatio } from '../../../harness/analysis/hints/ratio-and-affine';
import { countSeparate } from '../../../harness/analysis/hints/statistics';
import { buildInput, numbers, seeded, share, type RowSpec } from './hint-fixtures';

const view = (specs: RowSpec[]) => createFieldView('f', buildInput(specs));
const random = seeded(2);
const base = numbers(random, 80, -3, 5, 3).filter((x) => x !== 0);

describe('constant_ratio', () => {
  it('finds online = offline × k and names a common unit change', () => {
    const hint = detectConstantRatio(view(base.map((x) => ({ offline: x, online: x * 100 }))));
    expect(hint).toMatchObject({ kind: 'constant_ratio', strength: share(base.length) });
    expect(hint!.message).toBe('online = offline × 100 on every mismatching row: a unit change (online in percent, offline in a fraction)');
  });

  it('names the direction of ms vs s', () => {
    expect(detectConstantRatio(view(base.map((x) => ({ offline: x * 1000, online: x }))))?.message).toContain('online in s, offline in ms');
    expect(detectConstantRatio(view(base.map((x) => ({ offline: x, online: x * 86_400 }))))?.message).toContain('online in s, offline in days');
  });

  it('reports an unnamed factor as a scale factor, with a few outliers', () => {
    const hint = detectConstantRatio(view(base.map((x, i) => ({ offline: x, online: i < 4 ? x + 9 : x * 2.5 }))));
    expect(hint?.message).toContain('online = offline × 2.5 on 95% of mismatching rows: a constant scale factor');
  });

  it('leaves k = −1 to the sign flip and k = 1 alone', () => {
    expect(detectConstantRatio(view(base.map((x) => ({ offline: x, online: -x }))))).toBeUndefined();
  });

  it('stays silent on offsets, lines and noise', () => {
    expect(detectConstantRatio(view(base.map((x) => ({ offline: x, online: x + 3 }))))).toBeUndefined();
    expect(detectConstantRatio(view(base.map((x) => ({ offline: x, online: 2 * x + 3 }))))).toBeUndefined();
    expect(detectConstantRatio(view(base.map((x) => ({ offline: x, online: x * random.uniform(1.5, 2.5) }))))).toBeUndefined();
  });

  it('property: any k away from 0 and ±1 on any varied offline values is found', () => {
    const ks = fc
      .oneof(fc.double({ min: 1.01, max: 1e4, noNaN: true }), fc.double({ min: 1e-4, max: 0.99, noNaN: true }))
      .chain((k) => fc.constantFrom(k, -k));
    const xs = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => Math.abs(x) > 1e-6), { minLength: 3, maxLength: 30 });
    fc.assert(
      fc.property(xs.filter((v) => countSeparate(v) >= 2), ks, (values, k) => {
        const hint = detectConstantRatio(view(values.map((x) => ({ offline: x, online: x * k }))));
        expect(hint?.kind).toBe('constant_ratio');
        expect(Number(/ratio (\S+)/.exec(hint!.evidence)?.[1])).toBeCloseTo(Number(k.toPrecision(6)), 6);
      }),
      { numRuns: 150 },
    );
  });
});

describe('affine', () => {
  // A standard scaler refit: offline (x − 17) / 8.9, online (x − 16.2) / 9.4.
  const sessions = numbers(random, 120, 0, 40, 0);
  const scaler = (mean: number, std: number) => (x: number) => (x - mean) / std;
  const specs = sessions.map((x) => ({ offline: scaler(17, 8.9)(x), online: scaler(16.2, 9.4)(x) }));

  it('finds online ≈ a · offline + b: stale or refit statistics', () => {
    const hint = detectAffine(view(specs.filter((s) => s.offline !== s.online)));
    expect(hint?.kind).toBe('affine');
    expect(hint!.strength).toBeGreaterThanOrEqual(0.99);
    expect(hint!.message).toContain(`online ≈ ${Number((8.9 / 9.4).toPrecision(6))} × offline + ${Number((0.8 / 9.4).toPrecision(6))}`);
    expect(hint!.message).toContain("stale or refit statistics (a scaler's mean/std differ)");
    expect(hint!.evidence).toContain('R² 1');
  });

  it('is robust to a few outliers', () => {
    const noisy = specs.map((s, i) => (i % 20 === 0 ? { offline: s.offline, online: 40 + i } : s));
    expect(detectAffine(view(noisy))?.strength).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves offsets, ratios and sign flips to their own hints', () => {
    expect(detectAffine(view(base.map((x) => ({ offline: x, online: x + 3 }))))).toBeUndefined();
    expect(detectAffine(view(base.map((x) => ({ offline: x, online: x * 3 }))))).toBeUndefined();
    expect(detectAffine(view(base.map((x) => ({ offline: x, online: -x }))))).toBeUndefined();
  });

  it('stays silent on a curve, on noise around a line, and on too few rows', () => {
    expect(detectAffine(view(base.map((x) => ({ offline: x, online: x * x + 1 }))))).toBeUndefined();
    expect(detectAffine(view(base.map((x) => ({ offline: x, online: 2 * x + 1 + random.uniform(-0.1, 0.1) }))))).toBeUndefined();
    expect(detectAffine(view([{ offline: 1, online: 3 }, { offline: 2, online: 5 }]))).toBeUndefined();
  });
});
