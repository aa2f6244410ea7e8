import type { Row } from '../../core/row';

/**
 * Rows a pipeline's error message points at, so that they can be tried alone first instead of bisecting the whole
 * batch: exception messages usually quote the value or the column they choked on — `ValueError: invalid literal for
 * int() with base 10: 'n/a'`, `KeyError: 'plan'`, `time data 'John' does not match format '%Y-%m-%d'`. A row is a
 * suspect when one of its values equals a quoted token of the message's last line, or when a quoted token names a
 * column the row lacks. Returns row indexes; none when the message names nothing, or names too many rows to narrow
 * the search (then the caller bisects). Pure: no IO.
 */
export function suspectRows(rows: readonly Row[], stderrTail: string, maxShare = 0.25): number[] {
  const last = stderrTail.split('\n').filter((line) => line.trim() !== '').pop() ?? '';
  const tokens = quotedTokens(last);
  if (tokens.size === 0) return [];
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  const missingColumn = [...tokens].filter((t) => columns.has(t));
  const suspects: number[] = [];
  rows.forEach((row, i) => {
    const named = Object.values(row).some((value) => (typeof value === 'string' || typeof value === 'number') && tokens.has(String(value)));
    const lacks = missingColumn.some((column) => !(column in row) || row[column] === undefined);
    if (named || lacks) suspects.push(i);
  });
  const limit = Math.max(1, Math.floor(rows.length * maxShare));
  return suspects.length > 0 && suspects.length < rows.length && suspects.length <= limit ? suspects : [];
}

/** Tokens in single or double quotes (Python's repr and most runtimes' messages), unescaped for simple escapes. */
function quotedTokens(line: string): Set<string> {
  const tokens = new Set<string>();
  for (const match of line.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) {
    const raw = match[1] ?? match[2] ?? '';
    tokens.add(raw.replace(/\\(['"\\])/g, '$1'));
  }
  return tokens;
}
