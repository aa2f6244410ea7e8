import type { AnalysisInput, AnalysisRow } from '../analysis-input';

/** Rows in which `field` is present on at least one side (the rows a field's distribution is made of). */
export function rowsWithField(field: string, input: AnalysisInput): AnalysisRow[] {
  return input.rows.filter((row) => row.offline[field] !== undefined || row.online[field] !== undefined);
}

/** The offline and online values of `field` in `rows`, index-aligned (absent values are `undefined`). */
export function fieldValues(field: string, rows: readonly AnalysisRow[]): { offline: unknown[]; online: unknown[] } {
  return { offline: rows.map((row) => row.offline[field]), online: rows.map((row) => row.online[field]) };
}
