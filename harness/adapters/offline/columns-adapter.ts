import type { SideResult } from '../../core/row';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';

/** Options of {@link createColumnsAdapter}: the feature columns and the names they are reported under. */
export interface ColumnsAdapterOptions {
  /** Source column → feature name. */
  columns: ReadonlyArray<{ column: string; feature: string }>;
}

/**
 * Offline features already present in the source (precomputed by the training job): read from the row, no
 * process involved. A null cell is a null feature, as the training job wrote it.
 */
export function createColumnsAdapter(options: ColumnsAdapterOptions): FeatureAdapter {
  return {
    side: 'offline',
    description: `columns ${options.columns.map((c) => c.column).join(', ')}`,
    async compute(rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> {
      return rows.map((row, index) => {
        const features: Record<string, unknown> = {};
        for (const { column, feature } of options.columns) if (column in row.fields) features[feature] = row.fields[column];
        const result: SideResult = { kind: 'ok', features };
        computeOptions.onResult?.(index, result);
        return result;
      });
    },
    async close() {},
  };
}

/** Chooses the feature columns from a header: an explicit list, or every column with a prefix (optionally stripped). */
export function selectFeatureColumns(
  header: readonly string[],
  choice: { columns: string[] | null; prefix: string | null; stripPrefix: boolean },
): Array<{ column: string; feature: string }> {
  if (choice.columns) return choice.columns.map((column) => ({ column, feature: column }));
  const prefix = choice.prefix ?? '';
  return header
    .filter((c) => c.startsWith(prefix) && c.length > prefix.length)
    .map((column) => ({ column, feature: choice.stripPrefix ? column.slice(prefix.length) : column }));
}
