import fc from 'fast-check';
import { createComparePolicy, type CompareOptions } from '../../harness/core/compare-policy';
import { diffFeatures } from '../../harness/core/diff';
import type { FieldPolicyOptions } from '../../harness/core/field-policy';
import type { FeatureVector } from '../../harness/core/row';
import { diffFeatures as referenceDiffFeatures } from './reference-diff';

// The diff's fast path (cached per-field rules, an allocation-free match test, shared outcomes for matching
// fields) must give exactly what the straightforward implementation it replaced gives: reference-diff.ts is that
// implementation, kept verbatim.

const special = fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 2 ** 52, 2 ** 52 + 1, 2 ** 53, 4953959590107546, 1e-300, Number.MAX_VALUE);
const number = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }), special);
const text = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('3', '3.0', ' 4 ', 'NaN', '-Infinity', '2024-03-10T10:00:00Z', '2024-03-10 10:00:00', '2024-03-10T11:00:00.400+01:00', 'yesterday'),
);
const scalar = fc.oneof(number, text, fc.boolean(), fc.constant(null), fc.constant(undefined));
const nestedKey = fc.constantFrom('lat', 'lon', 'x.y', '', 'tags');
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nestedKey, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const fieldName = fc.constantFrom('a', 'b', 'emb', 'emb_user', 'geo', 't', 'c', 'x.y', 'A');

/** A change the online side may make to a value: none (an independent copy), float noise, or anything else. */
function perturb(v: unknown): fc.Arbitrary<unknown> {
  const same = fc.constant(structuredClone(v));
  const options: Array<fc.Arbitrary<unknown>> = [same, same, same, value, fc.constant(null)];
  if (typeof v === 'number') {
    options.push(fc.constantFrom(v * (1 + Number.EPSILON), v + 1e-10, v * (1 + 1e-10), -v, String(v), v + 1));
  }
  if (Array.isArray(v) && v.length > 0) {
    options.push(fc.nat(v.length - 1).chain((i) => perturb(v[i]).map((x) => v.map((y, j) => (j === i ? x : structuredClone(y))))));
    options.push(fc.constant([...v].reverse()));
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length > 0) {
      options.push(
        fc.constantFrom(...keys).chain((k) =>
          fc.oneof(
            perturb((v as Record<string, unknown>)[k]).map((x) => ({ ...structuredClone(v), [k]: x })),
            fc.constant(Object.fromEntries(Object.entries(structuredClone(v) as object).filter(([key]) => key !== k))),
          ),
        ),
      );
    }
  }
  return fc.oneof(...options);
}

/** An offline vector and an online one made from it: mostly equal, so the fast path's matching case is exercised. */
const vectorPair: fc.Arbitrary<[FeatureVector, FeatureVector]> = fc
  .dictionary(fieldName, value, { maxKeys: 6 })
  .chain((offline) => {
    const entries = Object.entries(offline).map(([k, v]) => fc.tuple(fc.constant(k), fc.oneof(perturb(v).map((x) => ({ x })), fc.constant(null))));
    return fc.tuple(fc.constant(offline), fc.tuple(...entries), fc.dictionary(fieldName, value, { maxKeys: 2 }), fc.boolean());
  })
  .map(([offline, changes, extra, reorder]) => {
    const online: FeatureVector = {};
    // `null` in changes: the field is absent online.
    for (const [k, change] of changes) if (change !== null) online[k] = change.x;
    for (const [k, v] of Object.entries(extra)) if (!(k in online)) online[k] = v;
    const ordered = reorder ? Object.fromEntries(Object.entries(online).reverse()) : online;
    return [offline, ordered];
  });

const fieldOptions: fc.Arbitrary<FieldPolicyOptions> = fc.record(
  {
    abs: fc.constantFrom(0, 1e-9, 0.5),
    rel: fc.constantFrom(0, 1e-12, 1e-6),
    ulps: fc.constantFrom(0, 2),
    nan: fc.constantFrom('equal' as const, 'mismatch' as const),
    signedZero: fc.constantFrom('equal' as const, 'distinct' as const),
    nullVsMissing: fc.constantFrom('equal' as const, 'mismatch' as const),
    coerce: fc.boolean(),
    arrays: fc.constantFrom('ordered' as const, 'set' as const),
    timestamp: fc.constantFrom(false, true, 's' as const, { precision: 'min' as const, unit: 'ms' as const }),
    budget: fc.constant(0),
  },
  { requiredKeys: [] },
);
const pattern = fc.constantFrom('a', 'emb', 'emb*', 'emb[1]', 'emb_*', 'geo', 'geo.lat', 'geo.*', 'g*', '*', 't', 'x.y', 'geo["x.y"]', 'b[0].lat');
const compareOptions: fc.Arbitrary<CompareOptions> = fc.record(
  {
    default: fieldOptions,
    fields: fc.dictionary(pattern, fieldOptions, { maxKeys: 3 }),
    ignore: fc.array(pattern, { maxLength: 2 }),
    rename: fc.constantFrom<Record<string, string>>({}, { a: 'A' }, { emb: 'a' }),
  },
  { requiredKeys: [] },
);

/** Key columns (`source.key`), some of them field names the vectors use. */
const keyColumns: fc.Arbitrary<string[]> = fc.constantFrom<string[]>([], ['a'], ['id', 'b'], ['emb']);

describe('diffFeatures fast path', () => {
  it('gives exactly the outcomes of the reference implementation, row after row under one policy', () => {
    fc.assert(
      fc.property(compareOptions, keyColumns, fc.array(vectorPair, { minLength: 1, maxLength: 6 }), (options, keys, rows) => {
        const policy = createComparePolicy(options, { keyColumns: keys });
        rows.forEach(([offline, online], i) => {
          const key = `r${i}`;
          expect(diffFeatures(key, offline, online, policy)).toStrictEqual(referenceDiffFeatures(key, offline, online, createComparePolicy(options, { keyColumns: keys })));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('honours policies and ignores set on paths inside a field (elements, nested keys, sets) exactly as the reference', () => {
    const noise = fc.constantFrom(0, 0, 1e-10, -1e-7, 1e-7, 0.3, -0.05, 8);
    const num = fc.constantFrom(0.5, 2, 10, 1e6, -3.25);
    const structured = fc.record({
      emb: fc.array(num, { minLength: 2, maxLength: 3 }),
      geo: fc.record({ lat: num, lon: num, 'x.y': num }),
      bags: fc.array(fc.array(num, { minLength: 1, maxLength: 1 }), { minLength: 2, maxLength: 3 }),
    });
    const strictOrSet = fc.constantFrom<FieldPolicyOptions>({ abs: 0, rel: 0 }, { abs: 0.2 }, { arrays: 'set', abs: 0.1 }, { arrays: 'set' }, { nan: 'mismatch' });
    const nested = fc.constantFrom('emb[1]', 'emb*', '*[1]', 'g*t', 'geo.lat', 'geo.*', 'geo["x.y"]', 'bags', 'bags[0]', 'bags[1][0]', 'b*', 'g*');
    const options = fc.record({
      default: fc.constantFrom<FieldPolicyOptions>({ abs: 0.5, rel: 1e-6 }, { abs: 1e-9 }, {}),
      fields: fc.dictionary(nested, strictOrSet, { maxKeys: 3 }),
      ignore: fc.array(nested, { maxLength: 1 }),
    });
    const walk = (v: unknown, shift: () => number): unknown =>
      typeof v === 'number' ? v + shift() : Array.isArray(v) ? v.map((x) => walk(x, shift)) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, shift)])) : v;
    fc.assert(
      fc.property(options, structured, fc.array(noise, { minLength: 16, maxLength: 16 }), fc.boolean(), (compare, offline, shifts, reverse) => {
        let i = 0;
        const online = walk(offline, () => shifts[i++ % shifts.length]!) as FeatureVector;
        if (reverse) (online['bags'] as unknown[]).reverse();
        const policy = createComparePolicy(compare);
        expect(diffFeatures('k', offline, online, policy)).toStrictEqual(referenceDiffFeatures('k', offline, online, createComparePolicy(compare)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the reference outcomes under the default policy for any pair of JSON feature vectors', () => {
    const vector = fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    const policy = createComparePolicy();
    fc.assert(
      fc.property(vector, vector, (a, b) => {
        expect(diffFeatures('k', a, b, policy)).toStrictEqual(referenceDiffFeatures('k', a, b, policy));
        expect(diffFeatures('k', a, structuredClone(a), policy)).toStrictEqual(referenceDiffFeatures('k', a, structuredClone(a), policy));
      }),
    );
  });

  it('shares one frozen outcome for a field that matched, so no caller can change another row through it', () => {
    const policy = createComparePolicy();
    const [first] = diffFeatures('r1', { x: 1 }, { x: 1 }, policy);
    const [second] = diffFeatures('r2', { x: 1 }, { x: 1 }, policy);
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first!.mismatches)).toBe(true);
    expect(() => first!.mismatches.push({ key: 'r1', field: 'x', path: 'x', kind: 'value' })).toThrow(TypeError);
  });
});
