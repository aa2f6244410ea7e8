import type { ColumnInfo, Row, SourceRow } from '../core/row';
import { ConfigError } from '../errors/config-error';
import type { ResolvedConfig } from '../config/resolved-config';
import type { SourceColumn } from '../source/sample-result';
import { selectFeatureColumns } from '../adapters/offline/columns-adapter';

/** Which columns each side sees. */
export interface ColumnPlan {
  /** Every column with its role. */
  columns: ColumnInfo[];
  /** Precomputed offline feature columns (columns kind only): source column → feature name. */
  featureColumns: Array<{ column: string; feature: string }>;
  /** Columns the offline pipeline receives: all but precomputed features (the label included: pipelines read it). */
  offlineFields: (row: SourceRow) => Row;
  /** Columns sent to serving: inputs and keys, never the label or precomputed features. */
  onlineFields: (row: SourceRow) => Row;
}

/** Assigns roles to the source columns and decides what each side sees. */
export function planColumns(config: ResolvedConfig, columns: readonly SourceColumn[]): ColumnPlan {
  const names = columns.map((c) => c.name);
  let featureColumns: ColumnPlan['featureColumns'] = [];
  if (config.offline.kind === 'columns') {
    featureColumns = selectFeatureColumns(names, config.offline);
    const missing = featureColumns.find((f) => !names.includes(f.column));
    if (missing) throw new ConfigError('offline.columns', `names column "${missing.column}", which ${config.source.path} does not have`);
    if (featureColumns.length === 0) throw new ConfigError('offline.prefix', `matches no column of ${config.source.path}`);
  }
  const featureSet = new Set(featureColumns.map((f) => f.column));
  const keys = new Set(config.source.key);
  const info: ColumnInfo[] = columns.map((c) => ({
    ...c,
    role: keys.has(c.name) ? 'key' : c.name === config.source.label ? 'label' : featureSet.has(c.name) ? 'offline_feature' : 'input',
  }));
  const offlineNames = names.filter((n) => !featureSet.has(n));
  const onlineNames = info.filter((c) => c.role === 'key' || c.role === 'input').map((c) => c.name);
  const pick = (list: string[]) => (row: SourceRow): Row => {
    const out: Row = {};
    for (const name of list) if (name in row.values) out[name] = row.values[name];
    return out;
  };
  return {
    columns: info,
    featureColumns,
    offlineFields: config.offline.kind === 'columns' ? (row) => row.values : pick(offlineNames),
    onlineFields: pick(onlineNames),
  };
}
