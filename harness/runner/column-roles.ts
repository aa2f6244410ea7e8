import type { ColumnInfo, Row, SourceRow } from '../core/row';
import { ConfigError } from '../errors/config-error';
import type { ResolvedConfig } from '../config/resolved-config';
import type { SourceColumn } from '../source/sample-result';
import { likelyMeant } from '../source/record-table';
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

/** `names column "agee", which data.csv does not have (did you mean "age"?)`. */
function describeMissing(column: string, file: string, names: readonly string[]): string {
  const guess = likelyMeant(column, names);
  return `names column ${JSON.stringify(column)}, which ${file} does not have${guess === undefined ? '' : ` (did you mean ${JSON.stringify(guess)}?)`}`;
}

/**
 * Assigns roles to the source columns and decides what each side sees. Throws a {@link ConfigError} naming the
 * setting when the config names a column the source does not have (`offline.columns[1]`,
 * `serving.request.columns[0]`, `golden.redact[2]`).
 */
export function planColumns(config: ResolvedConfig, columns: readonly SourceColumn[]): ColumnPlan {
  const names = columns.map((c) => c.name);
  let featureColumns: ColumnPlan['featureColumns'] = [];
  const fail = (configPath: string, problem: string): never => {
    throw new ConfigError(configPath, problem, config.configFile ? { file: config.configFile } : {});
  };
  if (config.offline.kind === 'columns') {
    featureColumns = selectFeatureColumns(names, config.offline);
    const missing = featureColumns.findIndex((f) => !names.includes(f.column));
    if (missing >= 0) fail(`offline.columns[${missing}]`, describeMissing(featureColumns[missing]!.column, config.source.path, names));
    if (featureColumns.length === 0) fail('offline.prefix', `matches no column of ${config.source.path}`);
  }
  for (const { configPath, column } of config.columnReferences) {
    if (!names.includes(column)) fail(configPath, describeMissing(column, config.source.path, names));
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
