/**
 * A JSON text scanner for what `JSON.parse` does not tell: where a syntax error is (some V8 messages give no
 * position) and whether an object repeats a key (`JSON.parse` silently keeps the last one). It only runs on the
 * slow path — a line that failed to parse, or one whose colon count says it may repeat a key — so it favours
 * clarity over speed. Iterative, so deeply nested input cannot overflow the stack.
 */

/**
 * What {@link scanJson} found first: a syntax error, a repeated key, or the top-level member it was asked for (`at`
 * is where its value starts), with its 0-based index in the text.
 */
export type JsonScanFinding = { kind: 'syntax'; at: number } | { kind: 'duplicate-key'; key: string; at: number } | { kind: 'member'; key: string; at: number };

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** An object or array being scanned; objects keep the keys seen so far. */
type Container = { keys: Set<string> } | null;

/**
 * Scans one JSON text; returns the first syntax error or repeated object key, or `null` for valid JSON. Given
 * `member`, stops at the value of that property of the top-level object, if it comes first.
 */
export function scanJson(text: string, member?: string): JsonScanFinding | null {
  const stack: Container[] = [];
  let at = 0;
  const skipSpace = (): void => {
    for (let c = text.charCodeAt(at); c === SPACE || c === TAB || c === LF || c === CR; c = text.charCodeAt(++at));
  };
  /** Reads a string starting at its opening quote; returns its text, or null when malformed. */
  const readString = (): string | null => {
    const start = at;
    STRING_BODY.lastIndex = at + 1;
    if (!STRING_BODY.test(text)) return null;
    at = STRING_BODY.lastIndex;
    const raw = text.slice(start, at);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };

  // Each step reads one value; containers are pushed and popped around their members.
  skipSpace();
  for (;;) {
    // A value.
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      at += 1;
      skipSpace();
      const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      if (text.charCodeAt(at) === close) {
        at += 1;
      } else {
        const container: Container = c === OPEN_BRACE ? { keys: new Set() } : null;
        stack.push(container);
        if (container) {
          const key = readKey();
          if (typeof key !== 'string') return key;
        }
        continue;
      }
    } else if (c === QUOTE) {
      if (readString() === null) return { kind: 'syntax', at };
    } else if (!readLiteral()) {
      return { kind: 'syntax', at };
    }
    // After a value: close containers or move to the next member.
    for (;;) {
      skipSpace();
      const container = stack.at(-1);
      if (container === undefined) return at === text.length ? null : { kind: 'syntax', at };
      const next = text.charCodeAt(at);
      if (next === COMMA) {
        at += 1;
        skipSpace();
        if (container) {
          const key = readKey();
          if (typeof key !== 'string') return key;
        }
        break;
      }
      if (next !== (container ? CLOSE_BRACE : CLOSE_BRACKET)) return { kind: 'syntax', at };
      at += 1;
      stack.pop();
    }
  }

  /** Reads `"key":` in the current object; returns the key, or the finding that stops the scan. */
  function readKey(): string | JsonScanFinding {
    const keyAt = at;
    if (text.charCodeAt(at) !== QUOTE) return { kind: 'syntax', at };
    const key = readString();
    if (key === null) return { kind: 'syntax', at };
    const keys = stack.at(-1)!.keys;
    if (keys.has(key)) return { kind: 'duplicate-key', key, at: keyAt };
    keys.add(key);
    skipSpace();
    if (text.charCodeAt(at) !== COLON) return { kind: 'syntax', at };
    at += 1;
    skipSpace();
    if (member !== undefined && stack.length === 1 && key === member) return { kind: 'member', key, at };
    return key;
  }

  function readLiteral(): boolean {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = at;
    if (!NUMBER.test(text)) return false;
    at = NUMBER.lastIndex;
    return true;
  }
}

/** The 0-based index where the value of the top-level property `name` starts in a JSON object's text, if it has one. */
export function findMemberIndex(text: string, name: string): number | undefined {
  const finding = scanJson(text, name);
  return finding?.kind === 'member' ? finding.at : undefined;
}

/**
 * Whether a line that parsed to `value` may repeat a key, cheaply (a native colon count and a walk of the parsed
 * value, no pass over the text in JS). Every object member has one colon of its own, and the only other colons
 * are inside strings; `value` keeps one member per distinct key. So when the line has no more colons than
 * `value` accounts for (a colon per key, plus those inside its keys and string values, at every depth), no key
 * can repeat. Only a line that may repeat a key needs the exact {@link scanJson}. (A colon written as `\u003a`
 * in a string is counted by the walk but not in the text, and so could hide a repeated key on that line.)
 */
export function mayRepeatKeys(text: string, value: Record<string, unknown>): boolean {
  return countColons(text) > colonsAccountedFor(value);
}

function countColons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) count += 1;
  return count;
}

/** Colons a value's text has without repeated keys: one per member, and those inside keys and strings. */
function colonsAccountedFor(value: unknown): number {
  let count = 0;
  // Iterative: parsed JSON may nest deeply.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.indexOf(':') !== -1) count += countColons(item);
    } else if (Array.isArray(item)) {
      for (const element of item) if ((element !== null && typeof element === 'object') || typeof element === 'string') pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const name in item) {
        count += 1;
        if (name.indexOf(':') !== -1) count += countColons(name);
        const member = (item as Record<string, unknown>)[name];
        if (typeof member === 'string') {
          if (member.indexOf(':') !== -1) count += countColons(member);
        } else if (member !== null && typeof member === 'object') {
          pending.push(member);
        }
      }
    }
  }
  return count;
}
