import { errorMessage } from './error-message';

/** Where in a file a loader found a syntax error: 1-based line and column, as editors and terminals link them. */
export interface SourceLocation {
  line: number;
  column: number;
}

/** What went wrong loading a TS/JS module (a config file, an offline module), in one line. */
export interface LoadFailure {
  /** `syntax error: Unexpected token, expected ","`, or `could not be loaded: TypeError: x is not a function`. */
  problem: string;
  /** The location of a syntax error in the module itself, when the loader gave one. */
  location?: SourceLocation;
}

/**
 * Reads a loader's error (jiti/babel, Node's own) for the module at `file`. Babel's parser puts `file:line:column`
 * on the second line of its message with a 0-based column; Node's SyntaxError has none. The location is returned
 * 1-based, and only when it is about `file` (an error inside a module it imports names that module in `problem`).
 */
export function describeLoadFailure(file: string, error: unknown, resolve: (p: string) => string = (p) => p): LoadFailure {
  const lines = errorMessage(error).split('\n');
  const first = lines[0]!.trim();
  const location = findLocation(lines.slice(1), file, resolve);
  const syntax = /^(?:ParseError|SyntaxError):\s*(.*)$/.exec(first);
  const name = error !== null && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : '';
  if (syntax || (location && name === 'SyntaxError')) {
    return { problem: `syntax error: ${syntax ? syntax[1]!.trim() : first}`, ...(location ? { location } : {}) };
  }
  const thrown = name && name !== 'Error' ? `${name}: ${first}` : first;
  return { problem: `could not be loaded: ${thrown || 'it threw an empty error'}` };
}

function findLocation(lines: readonly string[], file: string, resolve: (p: string) => string): SourceLocation | undefined {
  for (const line of lines) {
    const match = /^\s*(.*):(\d+):(\d+)\s*$/.exec(line);
    if (match && (match[1] === file || resolve(match[1]!) === file)) return { line: Number(match[2]), column: Number(match[3]) + 1 };
  }
  return undefined;
}
