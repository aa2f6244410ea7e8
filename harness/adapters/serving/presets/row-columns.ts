import type { Row } from '../../../core/row';

/** The columns of a batch in first-seen order (rows of one source share them; a contract probe may lack one). */
export function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) seen.add(column);
  return [...seen];
}

/** Keeps the chosen columns of each row (`serving.request.columns`), or every column when `columns` is null. */
export function pickColumns(rows: readonly Row[], columns: readonly string[] | null): Row[] {
  if (columns === null) return [...rows];
  return rows.map((row) => Object.fromEntries(columns.filter((c) => Object.hasOwn(row, c)).map((c) => [c, row[c]])));
}
