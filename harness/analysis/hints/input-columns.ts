import type { ColumnInfo, ColumnType } from '../../core/row';
import type { AnalysisInput } from '../analysis-input';

/**
 * Whether a column is an input for hints: what both sides compute features from. Key columns are sent to serving
 * too (a timestamp key is often the very input a time-zone bug reads), so they count; the label and precomputed
 * offline features do not.
 */
export function isHintInput(column: ColumnInfo): boolean {
  return column.role === 'input' || column.role === 'key';
}

/**
 * Input columns of the rows (inputs and keys), optionally of some types. Falls back to the row's own keys when
 * no column list was given (rows built by hand, JSON Lines without a schema).
 */
export function inputColumns(input: AnalysisInput, types?: readonly ColumnType[]): ColumnInfo[] {
  const listed = input.columns.filter(isHintInput);
  if (listed.length > 0 || input.columns.length > 0) return types ? listed.filter((c) => types.includes(c.type)) : listed;
  const names = new Set(input.rows.flatMap((row) => Object.keys(row.inputs)));
  const inferred = [...names].map((name): ColumnInfo => ({ name, type: 'json', typeSource: 'inferred', role: 'input' }));
  return types ? [] : inferred;
}

/** Whether an input value counts as missing: null, absent, or NaN. */
export function isNullish(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}
