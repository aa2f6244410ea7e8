import type { Row } from '../../../core/row';

/** The columns of a batch in first-seen order (rows of one source share them; a contract probe may lack one). */
export function columnsOf(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) seen.add(column);
  return [...seen];
}

/** Which input columns a model-server preset sends: the chosen ones (`serving.request.columns`), or all but the key. */
export interface ColumnChoice {
  /** `serving.request.columns`, or null. */
  columns: readonly string[] | null;
  /** Row key columns, left out unless chosen: a model takes features, not the id of the row. */
  keys: readonly string[];
}

/** Keeps the chosen columns of each row, in the chosen order; without a choice every column but the keys. */
export function pickColumns(rows: readonly Row[], choice: ColumnChoice): Row[] {
  const { columns, keys } = choice;
  if (columns !== null) return rows.map((row) => Object.fromEntries(columns.filter((c) => Object.hasOwn(row, c)).map((c) => [c, row[c]])));
  if (keys.length === 0) return [...rows];
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => !keys.includes(c))));
}
