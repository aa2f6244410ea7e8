const SENTINEL = '\u0000skew-number:';
const BARE_NUMBER = /^(-?Infinity|NaN)/;

/**
 * Parses one line of JSON, also accepting the bare `NaN`, `Infinity` and `-Infinity` tokens that Python's
 * `json.dumps` writes by default — the most common offline pipelines print them, and a NaN is exactly the kind
 * of value skew hides in, so it must arrive as a number rather than as a parse error.
 */
export function parseJsonLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    if (!/NaN|Infinity/.test(line)) throw error;
  }
  return JSON.parse(quoteBareNumbers(line), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(SENTINEL) ? Number(value.slice(SENTINEL.length)) : value,
  );
}

/** Rewrites bare NaN/Infinity tokens outside strings as sentinel strings. */
function quoteBareNumbers(line: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += line[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    const token = BARE_NUMBER.exec(line.slice(i, i + 9))?.[0];
    if (token) {
      out += JSON.stringify(SENTINEL + token);
      i += token.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
