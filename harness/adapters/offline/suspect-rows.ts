import { exceptionLine } from './exception-line';
import type { Row } from '../../core/row';

/**
 * Rows a pipeline's error message points at, so that they can be tried alone first instead of bisecting the whole
 * batch: exception messages usually name the value, the row or the column they choked on — `ValueError: invalid
 * literal for int() with base 10: 'n/a'`, `KeyError: 'plan'`, `ValueError: ACC880122: credit_limit must be positive,
 * got -5000.0`. A row is a suspect when one of its values equals a token of the exception's line (see `exceptionLine`) (quoted or bare;
 * numbers compared as numbers), or when a quoted token names a column the row lacks. Tokens that match too many rows
 * (a `0`, a common category) say nothing and are ignored. Returns row indexes; none when nothing specific is named.
 * Pure: no IO.
 */
export function suspectRows(rows: readonly Row[], stderrTail: string, maxShare = 0.25): number[] {
  const last = exceptionLine(stderrTail);
  const { quoted, bare } = tokensOf(last);
  if (quoted.size === 0 && bare.size === 0) return [];
  const limit = Math.max(1, Math.floor(rows.length * maxShare));
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  // Rows matching the most specific tokens are the suspects: a message naming a row's key and its bad value points
  // at that row, not at every row sharing the key (generated rows keep their base row's key).
  const score = new Map<number, number>();
  for (const token of new Set([...quoted, ...bare])) {
    const lacksColumn = quoted.has(token) && columns.has(token);
    const matches = rows.flatMap((row, i) => (holds(row, token) || (lacksColumn && (!(token in row) || row[token] === undefined)) ? [i] : []));
    if (matches.length > 0 && matches.length <= limit) for (const i of matches) score.set(i, (score.get(i) ?? 0) + 1);
  }
  const best = Math.max(0, ...score.values());
  const suspects = [...score].filter(([, s]) => s === best).map(([i]) => i);
  return suspects.length > 0 && suspects.length < rows.length && suspects.length <= limit ? suspects.sort((a, b) => a - b) : [];
}

function holds(row: Row, token: string): boolean {
  const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token) ? Number(token) : NaN;
  return Object.values(row).some((value) => (typeof value === 'string' ? value === token : typeof value === 'number' && value === number));
}

/** Tokens in single or double quotes (Python's repr and most runtimes' messages), and bare words and numbers. */
function tokensOf(line: string): { quoted: Set<string>; bare: Set<string> } {
  const quoted = new Set<string>();
  for (const match of line.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) quoted.add((match[1] ?? match[2] ?? '').replace(/\\(['"\\])/g, '$1'));
  const unquoted = line.replace(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g, ' ');
  // The exception's class name (`ValueError:`) is not a value; everything after it may name one.
  const body = unquoted.replace(/^\s*[\w.]+(Error|Exception|Warning)\b:?/, ' ');
  const bare = new Set(body.split(/[\s,;:()[\]{}=<>]+/).map((t) => t.replace(/\.$/, '')).filter((t) => t.length > 0));
  return { quoted, bare };
}
