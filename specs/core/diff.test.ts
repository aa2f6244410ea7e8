import fc from 'fast-check';
import { createComparePolicy, type CompareOptions } from '../../harness/core/compare-policy';
import { diffFeatures, type FieldOutcome } from '../../harness/core/diff';
import type { Mismatch } from '../../harness/core/mismatch';

const strict = createComparePolicy();
const mismatches = (outcomes: FieldOutcome[]): Mismatch[] => outcomes.flatMap((o) => o.mismatches);
const diff = (offline: Record<string, unknown>, online: Record<string, unknown>, options?: CompareOptions) =>
  mismatches(diffFeatures('k1', offline, online, createComparePolicy(options)));

const featureVector = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });

describe('diffFeatures properties', () => {
  it('finds nothing when a feature vector is compared with itself (any JSON value)', () => {
    fc.assert(fc.property(featureVector, (v) => mismatches(diffFeatures('k', v, structuredClone(v), strict)).length === 0));
  });

  it('swapping the sides swaps the labels and nothing else', () => {
    const swapKind = (m: Mismatch): Mismatch => ({
      ...m,
      kind: m.kind === 'missing_online' ? 'missing_offline' : m.kind === 'missing_offline' ? 'missing_online' : m.kind,
    });
    fc.assert(
      fc.property(featureVector, featureVector, (a, b) => {
        const forward = mismatches(diffFeatures('k', a, b, strict));
        const backward = mismatches(diffFeatures('k', b, a, strict));
        const key = (m: Mismatch) => `${m.path}\u0000${m.kind}`;
        const swapped = backward.map(swapKind).map(key).sort();
        expect(forward.map(key).sort()).toEqual(swapped);
        for (const m of forward) {
          const twin = backward.find((n) => n.path === m.path);
          expect(twin).toBeDefined();
          expect(twin!.offline).toEqual(m.online);
          expect(twin!.online).toEqual(m.offline);
          expect(twin!.absDiff).toEqual(m.absDiff);
        }
      }),
    );
  });

  it('a looser tolerance never adds a mismatch', () => {
    const tolerance = fc.record({ abs: fc.double({ min: 0, max: 10, noNaN: true }), rel: fc.double({ min: 0, max: 1, noNaN: true }), ulps: fc.nat(1000) });
    const numbers = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 4 })), { minKeys: 1 });
    fc.assert(
      fc.property(numbers, numbers, tolerance, tolerance, (off, on, t1, t2) => {
        const tight = { abs: Math.min(t1.abs, t2.abs), rel: Math.min(t1.rel, t2.rel), ulps: Math.min(t1.ulps, t2.ulps) };
        const loose = { abs: Math.max(t1.abs, t2.abs), rel: Math.max(t1.rel, t2.rel), ulps: Math.max(t1.ulps, t2.ulps) };
        const tightPaths = new Set(diff(off, on, { default: tight }).map((m) => m.path));
        for (const m of diff(off, on, { default: loose })) expect(tightPaths.has(m.path)).toBe(true);
      }),
    );
  });

  it('every mismatch names the row key, its top-level field and a path inside it', () => {
    fc.assert(
      fc.property(featureVector, featureVector, (a, b) => {
        for (const m of mismatches(diffFeatures('row-7', a, b, strict))) {
          expect(m.key).toBe('row-7');
          expect(m.path === m.field || m.path.startsWith(`${m.field}.`) || m.path.startsWith(`${m.field}[`)).toBe(true);
        }
      }),
    );
  });
});

describe('diffFeatures numbers', () => {
  it('accepts float noise by default and reports a real difference with abs and rel', () => {
    expect(diff({ x: 0.1 + 0.2 }, { x: 0.3 })).toEqual([]);
    expect(diff({ x: 10 }, { x: 12 })).toEqual([
      { key: 'k1', field: 'x', path: 'x', kind: 'value', offline: 10, online: 12, absDiff: 2, relDiff: 2 / 12 },
    ]);
  });

  it('applies absolute, relative and ULP tolerances per field', () => {
    expect(diff({ x: 1.0 }, { x: 1.05 }, { fields: { x: { abs: 0.1 } } })).toEqual([]);
    expect(diff({ x: 100 }, { x: 101 }, { fields: { x: { rel: 0.02 } } })).toEqual([]);
    expect(diff({ x: 100 }, { x: 103 }, { fields: { x: { rel: 0.02 } } })).toHaveLength(1);
    const next = 1 + Number.EPSILON * 2;
    expect(diff({ x: 1 }, { x: next }, { default: { abs: 0, rel: 0, ulps: 2 } })).toEqual([]);
    expect(diff({ x: 1 }, { x: next }, { default: { abs: 0, rel: 0, ulps: 1 } })).toHaveLength(1);
  });

  it('treats NaN as equal to NaN unless told otherwise, and never equal to a number', () => {
    expect(diff({ x: NaN }, { x: NaN })).toEqual([]);
    expect(diff({ x: NaN }, { x: NaN }, { default: { nan: 'mismatch' } })).toHaveLength(1);
    expect(diff({ x: NaN }, { x: 0 })).toMatchObject([{ kind: 'value', offline: NaN, online: 0 }]);
  });

  it('treats -0 as 0 unless signed zeros are distinct', () => {
    expect(diff({ x: -0 }, { x: 0 })).toEqual([]);
    expect(diff({ x: -0 }, { x: 0 }, { default: { signedZero: 'distinct' } })).toHaveLength(1);
  });

  it('reports infinities that differ', () => {
    expect(diff({ x: Infinity }, { x: Infinity })).toEqual([]);
    expect(diff({ x: Infinity }, { x: 1e308 })).toMatchObject([{ kind: 'value' }]);
  });
});

describe('diffFeatures types and presence', () => {
  it('reports a number sent as a string as a type mismatch, whatever the value', () => {
    expect(diff({ x: 3 }, { x: '3' })).toMatchObject([{ kind: 'type', detail: 'number offline, string online' }]);
  });

  it('compares numeric strings as numbers when the field opts into coercion', () => {
    expect(diff({ x: 3 }, { x: '3.0' }, { fields: { x: { coerce: true } } })).toEqual([]);
    expect(diff({ x: 3 }, { x: '4' }, { fields: { x: { coerce: true } } })).toMatchObject([{ kind: 'value', absDiff: 1 }]);
    expect(diff({ x: 3 }, { x: 'three' }, { fields: { x: { coerce: true } } })).toMatchObject([{ kind: 'type' }]);
  });

  it('reports fields present on one side only', () => {
    expect(diff({ a: 1, b: 2 }, { a: 1, c: 3 })).toMatchObject([
      { field: 'b', kind: 'missing_online', offline: 2 },
      { field: 'c', kind: 'missing_offline', online: 3 },
    ]);
  });

  it('leaves out a key column only one side returns (an echoed join key) and compares it when both do', () => {
    const keyed = createComparePolicy({}, { keyColumns: ['order_id', 'region'] });
    const run = (offline: Record<string, unknown>, online: Record<string, unknown>) => diffFeatures('k1', offline, online, keyed);
    // Echoed by offline only, by serving only, several key columns: no outcome at all, so not compared.
    expect(run({ order_id: 'k1', x: 1 }, { x: 1 }).map((o) => o.field)).toEqual(['x']);
    expect(run({ x: 1 }, { x: 1, order_id: 'k1', region: 'eu' }).map((o) => o.field)).toEqual(['x']);
    // Both sides return it: an answer for another entity is a difference like any other.
    expect(mismatches(run({ order_id: 'k1', x: 1 }, { order_id: 'k2', x: 1 }))).toMatchObject([{ field: 'order_id', kind: 'value' }]);
    // Other one-sided fields are still reported, and without keyColumns the key is an ordinary field.
    expect(mismatches(run({ order_id: 'k1', b: 2 }, {}))).toMatchObject([{ field: 'b', kind: 'missing_online' }]);
    expect(diff({ order_id: 'k1' }, {})).toMatchObject([{ field: 'order_id', kind: 'missing_online' }]);
  });

  it('treats null vs missing as a mismatch unless the policy says equal', () => {
    expect(diff({ a: null }, {})).toMatchObject([{ kind: 'missing_online' }]);
    expect(diff({ a: null }, {}, { default: { nullVsMissing: 'equal' } })).toEqual([]);
    expect(diff({ a: 1 }, {}, { default: { nullVsMissing: 'equal' } })).toHaveLength(1);
  });

  it('reports null against a value as a value mismatch', () => {
    expect(diff({ a: null }, { a: 0 })).toMatchObject([{ kind: 'value', offline: null, online: 0 }]);
  });

  it('keeps strings exact: padding and case are differences', () => {
    expect(diff({ c: 'US' }, { c: ' us' })).toMatchObject([{ kind: 'value' }]);
  });
});

describe('diffFeatures structure', () => {
  it('compares arrays element-wise and says where they first differ and by how much', () => {
    expect(diff({ e: [1, 2, 3] }, { e: [1, 2.5, 3.25] })).toEqual([
      { key: 'k1', field: 'e', path: 'e', kind: 'value', offline: [1, 2, 3], online: [1, 2.5, 3.25], absDiff: 0.5, detail: 'first difference at [1]' },
    ]);
    expect(diff({ e: [1, 2] }, { e: [1, 2, 3] })).toMatchObject([{ detail: 'length 2 offline, 3 online; first difference at [2]' }]);
  });

  it('compares arrays as multisets when asked', () => {
    expect(diff({ t: ['a', 'b', 'b'] }, { t: ['b', 'a', 'b'] }, { fields: { t: { arrays: 'set' } } })).toEqual([]);
    expect(diff({ t: ['a', 'b'] }, { t: ['b', 'b'] }, { fields: { t: { arrays: 'set' } } })).toHaveLength(1);
  });

  it('walks nested objects and reports each differing path', () => {
    expect(diff({ geo: { lat: 1, tags: [{ id: 1 }] } }, { geo: { lat: 2, tags: [{ id: 1 }], extra: true } })).toMatchObject([
      { field: 'geo', path: 'geo.lat', kind: 'value', absDiff: 1 },
      { field: 'geo', path: 'geo.extra', kind: 'missing_offline' },
    ]);
  });

  it('applies the most specific policy: a field entry covers its elements, a nested path beats its parent', () => {
    const options: CompareOptions = { fields: { geo: { abs: 1 }, 'geo.lat': { abs: 0 }, 'emb*': { abs: 0.1 } } };
    expect(diff({ geo: { lat: 1, lon: 1 } }, { geo: { lat: 1.5, lon: 1.5 } }, options)).toMatchObject([{ path: 'geo.lat' }]);
    expect(diff({ emb_user: [0.1, 0.2] }, { emb_user: [0.15, 0.25] }, options)).toEqual([]);
  });

  it('compares timestamps as instants with a precision', () => {
    const ts = { fields: { at: { timestamp: { precision: 's' as const } } } };
    expect(diff({ at: '2024-03-10T10:00:00Z' }, { at: '2024-03-10T11:00:00.400+01:00' }, ts)).toEqual([]);
    expect(diff({ at: '2024-03-10T10:00:00Z' }, { at: '2024-03-10T10:00:02Z' }, ts)).toMatchObject([{ kind: 'value', absDiff: 2000 }]);
    expect(diff({ at: 1710064800 }, { at: '2024-03-10T10:00:00Z' }, ts)).toEqual([]);
    expect(diff({ at: '2024-03-10T10:00:00Z' }, { at: 'yesterday' }, ts)).toMatchObject([{ kind: 'type', detail: 'online value is not a timestamp' }]);
  });

  it('maps renamed online fields to their offline names and leaves out ignored ones', () => {
    expect(diff({ tenure_days: 5, debug: 1 }, { tenureDays: 5, debug: 2 }, { rename: { tenure_days: 'tenureDays' }, ignore: ['debug'] })).toEqual([]);
  });
});

describe('diffFeatures integers', () => {
  it('compares integers exactly by default: the relative float tolerance would hide a second in epoch ms', () => {
    expect(diff({ t: 1732000000000 }, { t: 1732000001500 })).toMatchObject([{ kind: 'value', absDiff: 1500 }]);
    // Epoch microseconds are below 2^52: still exact.
    expect(diff({ us: 1_732_000_000_000_000 }, { us: 1_732_000_000_000_001 })).toHaveLength(1);
    expect(diff({ x: 1e12 + 0.5 }, { x: 1e12 + 0.5000001 })).toEqual([]);
  });

  it('compares whole numbers from 2^52 up as floats: there every double is whole, so float noise looks like an integer', () => {
    // Python prints the float product 2^52 * 1.1 as `4953959590107546.0`, JavaScript a neighbour without `.0`.
    expect(diff({ x: 4953959590107546 }, { x: 4953959590107547 })).toEqual([]);
    expect(diff({ x: 2 ** 60 }, { x: 2 ** 60 * (1 + 2 ** -50) })).toEqual([]);
    // ...but a real difference there is still one.
    expect(diff({ x: 2 ** 53 }, { x: 2 ** 53 * 1.001 })).toHaveLength(1);
  });

  it('property: a float computation one or two ulps apart never differs under the default policy, whatever its magnitude', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e300, noNaN: true }), fc.integer({ min: 1, max: 2 }), (x, ulps) => {
        let y = x;
        for (let i = 0; i < ulps; i++) y = nextUp(y);
        // Below 2^52 two whole neighbours cannot both be whole one ulp apart unless the ulp is >= 1; skip exact integers.
        fc.pre(!(Number.isInteger(x) && Number.isInteger(y) && Math.abs(y) < 2 ** 52));
        return diff({ v: x }, { v: y }).length === 0;
      }),
    );
  });

  it('applies rel to integers once a config sets it', () => {
    expect(diff({ n: 1000000 }, { n: 1000001 }, { fields: { n: { rel: 1e-5 } } })).toEqual([]);
    expect(diff({ n: 1000000 }, { n: 1000001 }, { default: { rel: 1e-5 } })).toEqual([]);
  });
});

describe('diffFeatures ignore and time zones', () => {
  it('ignores nested paths as well as fields', () => {
    expect(diff({ geo: { lat: 1, lon: 2 } }, { geo: { lat: 1, lon: 3 } }, { ignore: ['geo.lon'] })).toEqual([]);
    expect(diff({ geo: { lat: 1, lon: 2 } }, { geo: { lat: 5, lon: 3 } }, { ignore: ['geo.lon'] })).toMatchObject([{ path: 'geo.lat' }]);
  });

  it('reads date-times without an offset as UTC, whatever the machine time zone', () => {
    const ts = { fields: { at: { timestamp: 's' as const } } };
    expect(diff({ at: '2024-03-10T10:00:00' }, { at: '2024-03-10T10:00:00Z' }, ts)).toEqual([]);
    expect(diff({ at: '2024-03-10 10:00:00' }, { at: '2024-03-10T11:00:00+01:00' }, ts)).toEqual([]);
  });
});

/** The next double above a positive finite x. */
function nextUp(x: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  buf.setBigUint64(0, buf.getBigUint64(0) + 1n);
  return buf.getFloat64(0);
}
