/**
 * JSON parsing that keeps what the wire says. `JSON.parse` reads an int64 id of 9007199254740993 as …992 (a double
 * cannot hold it) and rejects the bare `NaN` / `Infinity` tokens TensorFlow Serving and Python's `json` write. Both
 * are exactly where train-serve skew hides, so every serving response and every line an offline pipeline prints is
 * parsed here: integers a double cannot hold exactly become `bigint`, the bare tokens become the numbers they name,
 * everything else is what `JSON.parse` gives (repeated keys: the last value wins, in the first key's place).
 */

/** A syntax error at a 0-based UTF-16 `position` of the text; `reason` is the message without the position. */
export class JsonSyntaxError extends SyntaxError {
  /** Stable code, as the harness's other errors have. */
  readonly code = 'JSON_SYNTAX';

  constructor(
    /** What is wrong, in V8's words where V8 has some (`Expected ',' or '}' after property value`). */
    readonly reason: string,
    /** 0-based index in the text where parsing stopped. */
    readonly position: number,
  ) {
    super(`${reason} in JSON at position ${position}`);
    this.name = 'SyntaxError';
  }
}

/**
 * Parses JSON text without losing digits: integer literals outside ±(2^53 − 1) become `bigint`, bare `NaN`,
 * `Infinity` and `-Infinity` become those numbers, everything else is exactly `JSON.parse`'s result.
 *
 * Fast: `JSON.parse` reads the text first, and a walk over the numbers it returned (≈10% of the parse) looks for a
 * whole number of magnitude 2^53 or more, the only trace a rounded integer literal leaves. Only text with one, or
 * text `JSON.parse` rejects (for the bare tokens, or for the error's position), is scanned again here.
 *
 * @throws {JsonSyntaxError} with the position of the first error.
 * @example parseJson('{"id": 9007199254740993, "p": NaN}') // { id: 9007199254740993n, p: NaN }
 */
export function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Bare NaN/Infinity, or a syntax error whose position the scan reports.
    return parseJsonLossless(text);
  }
  return mayHaveRounded(value) ? parseJsonLossless(text) : value;
}

/** 2^53: every double of this magnitude or more is whole, and may be a rounded integer literal. */
const UNSAFE = 2 ** 53;

/** Whether `JSON.parse`'s result holds a number an integer literal may have been rounded to. */
function mayHaveRounded(value: unknown): boolean {
  try {
    return holdsUnsafeWhole(value);
  } catch {
    // Nesting deeper than the call stack: let the iterative scan decide.
    return true;
  }
}

function holdsUnsafeWhole(value: unknown): boolean {
  if (typeof value === 'number') return value >= UNSAFE || value <= -UNSAFE;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if ((typeof item === 'number' || (typeof item === 'object' && item !== null)) && holdsUnsafeWhole(item)) return true;
    }
    return false;
  }
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if ((typeof item === 'number' || (typeof item === 'object' && item !== null)) && holdsUnsafeWhole(item)) return true;
  }
  return false;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;

const PLAIN_STRING = /[^"\\\u0000-\u001f]*"/y;
const ESCAPED_STRING = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** A container being filled: an array, or an object with the key whose value comes next. */
type Open = { array: unknown[] } | { object: Record<string, unknown>; key: string };

/**
 * The scanning parser behind {@link parseJson}, always used (no `JSON.parse` fast path). Iterative, so nesting
 * deeper than the call stack parses as `JSON.parse` would.
 */
export function parseJsonLossless(text: string): unknown {
  const length = text.length;
  const stack: Open[] = [];
  let at = 0;

  const fail = (reason: string, where = at): never => {
    throw new JsonSyntaxError(reason, where);
  };
  const unexpected = (): never =>
    at >= length ? fail('Unexpected end of JSON input') : fail(`Unexpected token '${String.fromCodePoint(text.codePointAt(at)!)}'`);
  const skipSpace = (): void => {
    for (let c = text.charCodeAt(at); c === SPACE || c === LF || c === CR || c === TAB; c = text.charCodeAt(++at));
  };
  const readString = (): string => {
    // `at` is on the opening quote.
    PLAIN_STRING.lastIndex = at + 1;
    if (PLAIN_STRING.test(text)) {
      const value = text.slice(at + 1, PLAIN_STRING.lastIndex - 1);
      at = PLAIN_STRING.lastIndex;
      return value;
    }
    ESCAPED_STRING.lastIndex = at + 1;
    if (!ESCAPED_STRING.test(text)) return failInString(text, at + 1);
    const value = JSON.parse(text.slice(at, ESCAPED_STRING.lastIndex)) as string;
    at = ESCAPED_STRING.lastIndex;
    return value;
  };
  const readKey = (): string => {
    if (text.charCodeAt(at) !== QUOTE) {
      return at >= length ? fail('Unexpected end of JSON input') : fail(text.charCodeAt(at - 1) === COMMA ? 'Expected double-quoted property name' : "Expected property name or '}'");
    }
    const key = readString();
    skipSpace();
    if (text.charCodeAt(at) !== COLON) return at >= length ? fail('Unexpected end of JSON input') : fail("Expected ':' after property name");
    at += 1;
    skipSpace();
    return key;
  };
  const readNumber = (): number | bigint => {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (match === null) return failInNumber(text, at);
    const token = match[0];
    const next = text.charCodeAt(NUMBER.lastIndex);
    if (next === 0x2e /* . */ || next === 0x65 || next === 0x45) return failInNumber(text, at);
    at = NUMBER.lastIndex;
    const value = Number(token);
    // Only an integer literal can name a value no double holds; a float literal is a double by definition.
    if (match[1] === undefined && match[2] === undefined && token.length >= 16 && !Number.isSafeInteger(value)) {
      return BigInt(token);
    }
    return value;
  };

  skipSpace();
  for (;;) {
    let value: unknown;
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACE) {
      at += 1;
      skipSpace();
      if (text.charCodeAt(at) === CLOSE_BRACE) {
        at += 1;
        value = {};
      } else {
        stack.push({ object: {}, key: readKey() });
        continue;
      }
    } else if (c === OPEN_BRACKET) {
      at += 1;
      skipSpace();
      if (text.charCodeAt(at) === CLOSE_BRACKET) {
        at += 1;
        value = [];
      } else {
        stack.push({ array: [] });
        continue;
      }
    } else if (c === QUOTE) {
      value = readString();
    } else if (c === 0x74 /* t */ && text.startsWith('true', at)) {
      at += 4;
      value = true;
    } else if (c === 0x66 /* f */ && text.startsWith('false', at)) {
      at += 5;
      value = false;
    } else if (c === 0x6e /* n */ && text.startsWith('null', at)) {
      at += 4;
      value = null;
    } else if (c === 0x4e /* N */ && text.startsWith('NaN', at)) {
      at += 3;
      value = NaN;
    } else if (c === 0x49 /* I */ && text.startsWith('Infinity', at)) {
      at += 8;
      value = Infinity;
    } else if (c === MINUS && text.startsWith('-Infinity', at)) {
      at += 9;
      value = -Infinity;
    } else if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
      value = readNumber();
    } else {
      return unexpected();
    }

    // Put the value in its container; close every container that ends here.
    for (;;) {
      const open = stack[stack.length - 1];
      skipSpace();
      if (open === undefined) {
        if (at < length) fail('Unexpected non-whitespace character after JSON');
        return value;
      }
      const next = text.charCodeAt(at);
      if ('array' in open) {
        open.array.push(value);
        if (next === COMMA) {
          at += 1;
          skipSpace();
          break;
        }
        if (next !== CLOSE_BRACKET) return at >= length ? fail('Unexpected end of JSON input') : fail("Expected ',' or ']' after array element");
        value = open.array;
      } else {
        setMember(open.object, open.key, value);
        if (next === COMMA) {
          at += 1;
          skipSpace();
          open.key = readKey();
          break;
        }
        if (next !== CLOSE_BRACE) return at >= length ? fail('Unexpected end of JSON input') : fail("Expected ',' or '}' after property value");
        value = open.object;
      }
      at += 1;
      stack.pop();
    }
  }
}

/** As `JSON.parse` does: `__proto__` is an ordinary own property, never the prototype. */
function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** Names the first error inside a string whose body starts at `from`. */
function failInString(text: string, from: number): never {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) break;
    if (c < 0x20) throw new JsonSyntaxError('Bad control character in string literal', i);
    if (c !== BACKSLASH) continue;
    const escape = text[i + 1];
    if (escape === undefined) break;
    if (escape === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new JsonSyntaxError('Bad Unicode escape', i + 2);
      i += 5;
    } else if ('"\\/bfnrt'.includes(escape)) {
      i += 1;
    } else {
      throw new JsonSyntaxError('Bad escaped character', i + 1);
    }
  }
  throw new JsonSyntaxError('Unterminated string', text.length);
}

/** Names the error in a number starting at `from` (the regex matched nothing, or stopped before `.`/`e`). */
function failInNumber(text: string, from: number): never {
  let i = from;
  if (text.charCodeAt(i) === MINUS) i += 1;
  const digits = /\d*/y;
  const skipDigits = (): number => {
    digits.lastIndex = i;
    digits.test(text);
    const count = digits.lastIndex - i;
    i = digits.lastIndex;
    return count;
  };
  if (skipDigits() === 0) throw new JsonSyntaxError('No number after minus sign', i);
  if (text[i] === '.') {
    i += 1;
    if (skipDigits() === 0) throw new JsonSyntaxError('Unterminated fractional number', i);
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i += 1;
    if (text[i] === '+' || text[i] === '-') i += 1;
    if (skipDigits() === 0) throw new JsonSyntaxError('Exponent part is missing a number', i);
  }
  throw new JsonSyntaxError('Unexpected number', i);
}
