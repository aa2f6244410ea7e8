import fc from 'fast-check';

import { mayRepeatKeys, scanJson } from '../../harness/source/json-scan';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('scanJson', () => {
  it('finds nothing in any JSON that JSON.stringify writes (keys are unique)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat({ max: 2 }), (value, indent) => {
        expect(scanJson(JSON.stringify(value, null, indent))).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse on what is valid, for near-JSON text', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"b"', '1', '-0.5e3', 'true', 'null', ' ', '"\\u00e9"', '"\\x"', 'tru', '01', '-');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const text = tokens.join('');
        const finding = scanJson(text);
        if (parses(text)) expect(finding === null || finding.kind === 'duplicate-key').toBe(true);
        else expect(finding?.kind).toBe('syntax');
      }),
    );
  });

  it('finds a repeated key where JSON.parse keeps only the last value, at the repeated key', () => {
    expect(scanJson('{"a":1,"a":2}')).toEqual({ kind: 'duplicate-key', key: 'a', at: 7 });
    expect(scanJson('[{"x":{"y":[1,{"z":0,"z":1}]}}]')).toEqual({ kind: 'duplicate-key', key: 'z', at: 21 });
    expect(scanJson('{"a":{"k":1},"b":{"k":1}}')).toBeNull();
  });

  it('scans deep nesting without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(scanJson(deep)).toBeNull();
  });
});

describe('mayRepeatKeys', () => {
  it('is never false for a line that repeats a key (the fast path cannot miss one)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }), (object) => {
        const [first] = Object.keys(object);
        const body = JSON.stringify(object);
        const repeated = `${body.slice(0, -1)},${JSON.stringify(first)}:0}`;
        expect(mayRepeatKeys(repeated, JSON.parse(repeated) as Record<string, unknown>)).toBe(true);
      }),
    );
  });

  it('is false for a flat line without colons in its strings', () => {
    const text = '{"a":1,"b":"x","c":null}';
    expect(mayRepeatKeys(text, JSON.parse(text) as Record<string, unknown>)).toBe(false);
  });
});
