import fc from 'fast-check';
import { parseGolden, serializeGolden } from '../../harness/golden/golden-format';
import { GOLDEN_FORMAT, GOLDEN_VERSION, type GoldenFile, type GoldenHeader } from '../../harness/golden/golden-record';

const header: GoldenHeader = { format: GOLDEN_FORMAT, version: GOLDEN_VERSION, harness: '0.1.0', suite: 's', compare: { fields: { a: { abs: 0.1 } } }, redacted: [] };

const features = fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.double(), { maxLength: 3 })), { maxKeys: 5 });
const record = fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), input: features, offline: fc.option(features, { nil: null }), online: fc.option(features, { nil: null }) });
const goldenFile = fc.uniqueArray(record, { selector: (r) => r.key, maxLength: 8 }).map((records): GoldenFile => ({ header, records }));

/** Reverses the key order of every object (same content, other insertion order). */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]));
  return value;
}

describe('golden file format', () => {
  it('round-trips any content losslessly, NaN, ±Infinity and −0 included, records sorted by key', () => {
    fc.assert(
      fc.property(goldenFile, (file) => {
        const parsed = parseGolden(serializeGolden(file));
        const sorted = [...file.records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        expect(parsed.records).toEqual(sorted);
        expect(parsed.header).toEqual(header);
      }),
    );
  });

  it('is canonical: the same content gives the same bytes whatever the key and record order', () => {
    fc.assert(
      fc.property(goldenFile, (file) => {
        const shuffled: GoldenFile = { header: reorder(file.header) as GoldenHeader, records: (reorder([...file.records].reverse()) as GoldenFile['records']) };
        expect(serializeGolden(shuffled)).toBe(serializeGolden(file));
      }),
    );
  });

  it('writes one line per record, LF only, full precision, no machine-dependent bytes', () => {
    const text = serializeGolden({ header, records: [{ key: 'b', input: { x: 0.1 + 0.2 }, offline: { y: -0, z: NaN }, online: null }, { key: 'a', input: {}, offline: {}, online: {} }] });
    expect(text).toBe(
      [
        '{"compare":{"fields":{"a":{"abs":0.1}}},"format":"skew-harness/golden","harness":"0.1.0","redacted":[],"suite":"s","version":1}',
        '{"input":{},"key":"a","offline":{},"online":{}}',
        '{"input":{"x":0.30000000000000004},"key":"b","offline":{"y":{"$number":"-0"},"z":{"$number":"NaN"}},"online":null}',
        '',
      ].join('\n'),
    );
  });

  it('names the line of a broken file', () => {
    const good = serializeGolden({ header, records: [{ key: 'a', input: {}, offline: {}, online: {} }] });
    expect(() => parseGolden(`${good}<<<<<<< HEAD\n`)).toThrow('line 3: is not valid JSON (a merge conflict? resolve it, or re-record with skew golden record)');
    expect(() => parseGolden('{"format":"other"}\n')).toThrow('line 1: is not a skew-harness golden file');
    expect(() => parseGolden(`${good}{"key":"a","input":{},"offline":{},"online":{}}\n`)).toThrow('line 3: duplicate record for key "a"');
  });
});
