import * as path from 'node:path';

import type { ColumnInfo, ColumnRole, ColumnType, Row, SourceRow } from '../../harness/core/row';
import { readSample } from '../../harness/source';

/** Source rows from plain value objects: keys `1`, `2`… and lines as if under a CSV header. */
export function sourceRows(values: readonly Row[]): SourceRow[] {
  return values.map((row, i) => ({ key: String(i + 1), line: i + 2, values: row }));
}

/** Columns from a name → type map, all inputs unless `roles` says otherwise. */
export function columnsOf(types: Record<string, ColumnType>, roles: Record<string, ColumnRole> = {}): ColumnInfo[] {
  return Object.entries(types).map(([name, type]) => ({ name, type, typeSource: 'inferred', role: roles[name] ?? 'input' }));
}

/** The bundled example's training CSV. */
export const CHURN_CSV = path.resolve(__dirname, '..', '..', 'examples', 'churn', 'data', 'training.csv');

/** Every row of the bundled example's training data, read by the real CSV reader, keyed and labelled as its config says. */
export async function readChurnExample(): Promise<{ rows: SourceRow[]; columns: ColumnInfo[] }> {
  const sample = await readSample(
    { path: CHURN_CSV, format: 'csv', key: ['customer_id'], label: 'churned', types: {}, nullValues: [''], delimiter: ',', onBadRow: 'error' },
    { method: 'all', size: 1, seed: 1, stratifyBy: null },
  );
  const roleOf = (name: string): ColumnRole => (name === 'customer_id' ? 'key' : name === 'churned' ? 'label' : 'input');
  return { rows: sample.rows, columns: sample.columns.map((c) => ({ ...c, role: roleOf(c.name) })) };
}
