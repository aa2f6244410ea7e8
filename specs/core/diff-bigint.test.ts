import fc from 'fast-check';
import { createComparePolicy, withFloat64Integers, type CompareOptions } from '../../harness/core/compare-policy';
import { diffFeatures } from '../../harness/core/diff';
import type { Mismatch } from '../../harness/core/mismatch';

const mismatches = (offline: unknown, online: unknown, options: CompareOptions = {}): Mismatch[] =>
  diffFeatures('k', { f: offline }, { f: online }, createComparePolicy(options)).flatMap((o) => o.mismatches);

const BEYOND = 2n ** 53n;
/** Integers past 2^53 (where doubles skip some), as bigints. */
const huge = fc.oneof(fc.bigInt({ min: BEYOND, max: 2n ** 70n }), fc.bigInt({ min: -(2n ** 70n), max: -BEYOND }));

describe('diff with bigint values', () => {
  it('finds the one-unit difference a double would hide: 9007199254740993 vs …992', () => {
    expect(mismatches(9007199254740993n, 9007199254740992n)).toEqual([
      { key: 'k', field: 'f', path: 'f', kind: 'value', offline: 9007199254740993n, online: 9007199254740992n, absDiff: 1, relDiff: 1 / 9007199254740993 },
    ]);
    // Against the double the other side parsed (JSON.parse's …992): still one apart, exactly.
    expect(mismatches(9007199254740993n, 9007199254740992)).toMatchObject([{ kind: 'value', absDiff: 1 }]);
    // The default rel tolerance is for float noise and does not apply between integers.
    expect(mismatches([9007199254740993n], [9007199254740992n])).toMatchObject([{ kind: 'value', absDiff: 1 }]);
  });

  it('matches a bigint and a number only when the number is exactly that integer', () => {
    expect(mismatches(9007199254740992n, 9007199254740992)).toEqual([]);
    expect(mismatches(-(2n ** 60n), -(2 ** 60))).toEqual([]);
    // 2^60 as JavaScript prints it (shortest digits), parsed exactly, is not the double 2^60: 24 apart.
    expect(mismatches(1152921504606847000n, 2 ** 60)).toMatchObject([{ kind: 'value', absDiff: 24 }]);
    expect(mismatches(2n ** 60n, 0.5)).toMatchObject([{ kind: 'value' }]);
    expect(mismatches(2n ** 60n, NaN)).toMatchObject([{ kind: 'value' }]);
    expect(mismatches(2n ** 60n, '1152921504606846976')).toMatchObject([{ kind: 'type' }]);
    expect(mismatches(2n ** 60n, '1152921504606846976', { default: { coerce: true } })).toEqual([]);
    expect(mismatches(2n ** 60n, '1152921504606846977', { default: { coerce: true } })).toMatchObject([{ kind: 'value', absDiff: 1 }]);
  });

  it('applies abs and rel tolerances to the exact difference', () => {
    expect(mismatches(9007199254740993n, 9007199254740995n, { default: { abs: 2 } })).toEqual([]);
    expect(mismatches(9007199254740993n, 9007199254740996n, { default: { abs: 2.5 } })).toMatchObject([{ absDiff: 3 }]);
    expect(mismatches(9007199254740993n, 9007199254740996n, { default: { rel: 1e-15 } })).toEqual([]);
    expect(mismatches(9007199254740993n, 9007199254740992n, { default: { ulps: 4 } })).toHaveLength(1);
    expect(mismatches(9007199254740993n, 9007199254740992n, { default: { float32: true } })).toEqual([]);
  });

  it('diff(a, a) is empty, and a changed bigint is always found with its exact difference (property)', () => {
    fc.assert(
      fc.property(huge, fc.bigInt({ min: 1n, max: 1000n }), fc.boolean(), (a, delta, nested) => {
        const wrap = (v: bigint) => (nested ? { xs: [1, v], s: [v, 2n] } : v);
        expect(mismatches(wrap(a), wrap(a))).toEqual([]);
        const found = mismatches(wrap(a), wrap(a + delta));
        expect(found.length).toBeGreaterThan(0);
        if (!nested) expect(found[0]!.absDiff).toBe(Number(delta));
        // The same value as a double (where it is one) matches; the double one step away does not.
        const asDouble = Number(a);
        if (BigInt(asDouble) === a) expect(mismatches(a, asDouble)).toEqual([]);
        else expect(mismatches(a, asDouble)).toHaveLength(1);
      }),
    );
  });

  it('compares arrays of bigints as sets, ordered against doubles', () => {
    expect(mismatches([3n ** 40n, 1, 2n ** 60n], [2n ** 60n, 3n ** 40n, 1], { default: { arrays: 'set' } })).toEqual([]);
    expect(mismatches([3n ** 40n, 1], [3n ** 40n + 1n, 1], { default: { arrays: 'set' } })).toHaveLength(1);
  });
});

describe('float32 policy', () => {
  it('matches a float64 and its float32 widening, per field and by default, and still finds real differences', () => {
    const x = 0.1234567891234;
    expect(mismatches(x, Math.fround(x))).toHaveLength(1);
    expect(mismatches(x, Math.fround(x), { fields: { f: { float32: true } } })).toEqual([]);
    expect(mismatches(x, Number(Math.fround(x).toPrecision(9)), { default: { float32: true } })).toEqual([]);
    expect(mismatches(x, Math.fround(x) + 1e-6, { default: { float32: true } })).toHaveLength(1);
    expect(mismatches({ g: x }, { g: Math.fround(x) }, { fields: { 'f.g': { float32: true } } })).toEqual([]);
  });

  it('is what Math.fround on both sides gives (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e30, max: 1e30 }), fc.double({ noNaN: true, min: -1e30, max: 1e30 }), (a, b) => {
        const policy = { default: { float32: true, abs: 0, rel: 0 } };
        expect(mismatches(a, b, policy).length === 0).toBe(Math.fround(a) === Math.fround(b));
      }),
    );
  });
});

describe('the integers policy', () => {
  it('compares integers past 2^53 as the doubles they round to with float64, by their digits with exact and auto', () => {
    // The doubles may be equal while the digits differ: 9007199254740993 rounds to …992.
    expect(mismatches(9007199254740993n, 9007199254740992n, { default: { integers: 'float64' } })).toEqual([]);
    fc.assert(
      fc.property(huge, fc.bigInt({ min: -3n, max: 3n }), (a, delta) => {
        const b = a + delta;
        // float64: exactly what the two doubles give under the rules for doubles (past 2^52 those include `rel`).
        const asDoubles = mismatches(Number(a), Number(b)).length === 0;
        expect(mismatches(a, b, { default: { integers: 'float64' } }).length === 0).toBe(asDoubles);
        expect(mismatches(a, b, { default: { integers: 'exact' } }).length === 0).toBe(delta === 0n);
        expect(mismatches(a, b).length === 0).toBe(delta === 0n);
      }),
    );
  });

  it('turns auto into float64 for generated rows, and leaves a field that says exact exact', () => {
    const policy = withFloat64Integers(createComparePolicy({ fields: { id: { integers: 'exact' } } }));
    const diff = (field: string) => diffFeatures('k', { [field]: 9007199254740993n }, { [field]: 9007199254740992n }, policy).flatMap((o) => o.mismatches);
    expect(diff('count')).toEqual([]);
    expect(diff('id')).toMatchObject([{ kind: 'value', absDiff: 1 }]);
  });
});
