import fc from 'fast-check';
import { JsonSyntaxError, parseJson, parseJsonLossless } from '../../harness/core/lossless-json';
import { stringifyJson } from '../../harness/core/stringify-json';

/** JSON values with integers of any size (bigints outside the safe range), doubles, strings with escapes. */
const bigInteger = fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map((n) => (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n));
const { value: jsonValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    bigInteger,
    // A whole double past 2^53 prints as integer digits, which read back as the integer they name (a bigint).
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0) && !(Number.isInteger(x) && !Number.isSafeInteger(x) && Math.abs(x) < 1e21)),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
}));

function positionOf(text: string): number | undefined {
  try {
    parseJson(text);
    return undefined;
  } catch (error) {
    return error instanceof JsonSyntaxError ? error.position : -1;
  }
}

describe('lossless JSON', () => {
  it('round-trips any value built with bigints and doubles exactly: parse(stringify(v)) equals v', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const text = stringifyJson(value)!;
        expect(parseJson(text)).toEqual(value);
        expect(parseJsonLossless(stringifyJson(value, 2)!)).toEqual(value);
      }),
    );
  });

  it('equals JSON.parse wherever JSON.parse is exact (no integer literal past 2^53)', () => {
    const exact = jsonValue.filter((v) => !stringifyJson(v)!.match(/\d{16}/));
    fc.assert(
      fc.property(exact, (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
        expect(Object.keys(parseJsonLossless(`{"__proto__":1,"b":2,"b":3}`) as object)).toEqual(Object.keys(JSON.parse(`{"__proto__":1,"b":2,"b":3}`) as object));
      }),
    );
  });

  it('keeps int64 digits past 2^53 as bigint, and doubles as doubles', () => {
    expect(parseJson('{"id":9007199254740993,"n":-9007199254740993,"safe":9007199254740991,"f":9007199254740993.0,"e":1e300}')).toEqual({
      id: 9007199254740993n,
      n: -9007199254740993n,
      safe: 9007199254740991,
      f: 9007199254740992,
      e: 1e300,
    });
    expect(parseJson('[123456789012345678901234567890]')).toEqual([123456789012345678901234567890n]);
    // A long digit run in a string, or a float's mantissa, is no integer literal.
    expect(parseJson('{"s":"90071992547409931","x":0.30000000000000004}')).toEqual({ s: '90071992547409931', x: 0.30000000000000004 });
    expect(stringifyJson({ id: 9007199254740993n, xs: [1n, undefined], f: () => 1 })).toBe('{"id":9007199254740993,"xs":[1,null]}');
  });

  it('accepts the bare NaN, Infinity and -Infinity tokens TF Serving and Python print, outside strings only', () => {
    expect(parseJson('{"a":NaN,"b":[Infinity,-Infinity],"c":"NaN"}')).toEqual({ a: NaN, b: [Infinity, -Infinity], c: 'NaN' });
    expect(parseJson(' NaN ')).toBeNaN();
    expect(positionOf('[nan]')).toBe(1);
    expect(positionOf('[-NaN]')).toBe(2);
  });

  it('reports syntax errors at their position, in V8 words', () => {
    const cases: Array<[string, string, number]> = [
      ['{"a":x}', "Unexpected token 'x'", 5],
      ['{"a":1', 'Unexpected end of JSON input', 6],
      ['{"a":1 2}', "Expected ',' or '}' after property value", 7],
      ['{a:1}', "Expected property name or '}'", 1],
      ['{"a":1,}', 'Expected double-quoted property name', 7],
      ['{"a" 1}', "Expected ':' after property name", 5],
      ['1 2', 'Unexpected non-whitespace character after JSON', 2],
      ['"a\u0001"', 'Bad control character in string literal', 2],
      ['"\\q"', 'Bad escaped character', 2],
      ['"abc', 'Unterminated string', 4],
      ['[1 2]', "Expected ',' or ']' after array element", 3],
      ['-', 'No number after minus sign', 1],
      ['1e', 'Exponent part is missing a number', 2],
      ['1.', 'Unterminated fractional number', 2],
      ['[9007199254740993,]', "Unexpected token ']'", 18],
      ['', 'Unexpected end of JSON input', 0],
    ];
    for (const [text, reason, position] of cases) {
      let error: unknown;
      try {
        parseJson(text);
      } catch (e) {
        error = e;
      }
      expect({ text, error }).toEqual({ text, error: expect.objectContaining({ reason, position, message: `${reason} in JSON at position ${position}` }) });
    }
  });

  it('rejects what JSON.parse rejects, and parses nesting deeper than the call stack', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '-', 'e', '.', ' ', 'n', 'u', 'l') }), (text) => {
        let native: unknown;
        try {
          native = JSON.parse(text);
        } catch {
          expect(() => parseJsonLossless(text)).toThrow(JsonSyntaxError);
          return;
        }
        expect(parseJsonLossless(text)).toEqual(native);
      }),
    );
    const deep = `${'['.repeat(30_000)}9007199254740993${']'.repeat(30_000)}`;
    let value = parseJson(deep);
    for (let i = 0; i < 30_000; i++) value = (value as unknown[])[0];
    expect(value).toBe(9007199254740993n);
  });
});
