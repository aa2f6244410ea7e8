import fc from 'fast-check';
import { capValue, jsonSize, MAX_REPORT_VALUE_CHARS } from '../../harness/core/cap-value';
import { capCheckResult } from '../../harness/core/cap-check-result';
import type { CheckResult } from '../../harness/core/check-result';

describe('capValue', () => {
  it('keeps every value whose JSON fits, as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        fc.pre(JSON.stringify(value).length <= 1000);
        expect(capValue(value, 1000)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('replaces every value whose JSON is too big by a short string saying how big it was', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        fc.pre(JSON.stringify(value).length > 200);
        const capped = capValue(value, 200);
        expect(typeof capped).toBe('string');
        expect((capped as string).length).toBeLessThan(300);
        expect(capped).toMatch(/… \[truncated: (string of \d+ characters|array of \d+ items, ~\S+ \S+ as JSON|object of \d+ keys, ~\S+ \S+ as JSON)\]$/);
      }),
      { numRuns: 300 },
    );
  });

  it('says what a big value was', () => {
    expect(capValue('ab'.repeat(5000))).toBe(`${'ab'.repeat(512)}… [truncated: string of 10000 characters]`);
    expect(capValue(Array.from({ length: 100_000 }, (_, i) => i))).toMatch(/^\[0,1,2,3,.*… \[truncated: array of 100000 items, ~588\.9 kB as JSON\]$/);
    expect(capValue({ embedding: new Array(5000).fill(0.5) })).toMatch(/^\{"embedding":\[0\.5,0\.5,.*… \[truncated: object of 1 keys, ~20\.0 kB as JSON\]$/);
    expect(capValue(42)).toBe(42);
    expect(capValue(undefined)).toBeUndefined();
  });

  it('measures and previews a value nested 100 000 deep without overflowing the stack', () => {
    let deep: unknown = 'x'.repeat(10_000);
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonSize(deep, Infinity)).toBe(10_002 + 200_000);
    expect(capValue(deep)).toMatch(/^\[{65}…\]{65}… \[truncated: array of 1 items, ~210\.0 kB as JSON\]$/);
  });

  it('counts JSON size exactly, escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        expect(jsonSize(value, Infinity)).toBe(JSON.stringify(value).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('capCheckResult', () => {
  it('caps example values, row errors and their details, and leaves counts and keys alone', () => {
    const huge = 'q'.repeat(1_000_000);
    const result: CheckResult = {
      name: 'parity',
      status: 'failed',
      summary: '1 field differs',
      rows: { total: 1, compared: 1, offlineErrors: 0, onlineErrors: 1, notRun: 0 },
      fields: [
        {
          field: 'blob', compared: 1, mismatched: 1, rate: 1, interval: [0.2, 1], budget: 0, status: 'failed',
          kinds: { value: 1, type: 0, missing_online: 0, missing_offline: 0, error: 0 }, maxAbsDiff: null, maxRelDiff: null,
          examples: [{ key: 'k1', field: 'blob', path: 'blob', kind: 'value', offline: 'small', online: huge }],
        },
      ],
      errors: [{ key: 'k2', side: 'online', message: huge, detail: huge }],
    };
    const capped = capCheckResult(result);
    expect(JSON.stringify(capped).length).toBeLessThan(4 * MAX_REPORT_VALUE_CHARS);
    expect(capped.fields[0]!.examples[0]).toEqual({ ...result.fields[0]!.examples[0], online: `${'q'.repeat(1024)}… [truncated: string of 1000000 characters]` });
    expect(capped.errors[0]).toMatchObject({ key: 'k2', side: 'online' });
    expect(capped.rows).toEqual(result.rows);
    expect(capCheckResult({ ...result, errors: [] }).fields[0]!.examples[0]!.offline).toBe('small');
  });
});
