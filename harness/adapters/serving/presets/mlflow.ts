import { isPlainObject } from '../default-mappers';
import { columnsToRows, mapOutputs, perRow, UNNAMED_OUTPUT, unwrapSingle, type OutputMapping } from './output-mapping';
import type { ResolvedPreset } from './preset-types';
import { joinPresetPath } from './preset-url';
import { columnsOf, pickColumns, type ColumnChoice } from './row-columns';

/**
 * `serving.mlflow`: the MLflow scoring server (`mlflow models serve`, `/invocations`).
 *
 * @example
 * serving: { preset: 'mlflow', url: 'http://127.0.0.1:5000', mlflow: { format: 'dataframe_records' } }
 */
export interface MlflowSettings {
  /**
   * `'dataframe_split'` (default): `{"dataframe_split": {"columns": [...], "data": [[...], ...]}}`.
   * `'dataframe_records'`: `{"dataframe_records": [{...}, ...]}`.
   */
  format?: 'dataframe_split' | 'dataframe_records';
  /**
   * Which outputs become which features (column → feature, or → a list of features for a vector prediction). A model
   * that returns one value per row has one output, called `prediction`. Default: every output, named after it.
   */
  outputs?: OutputMapping;
}

/** The MLflow scoring server preset, resolved against the configured URL. */
export function mlflowPreset(configured: string, settings: MlflowSettings, columns: ColumnChoice): ResolvedPreset {
  const { endpoint, base } = joinPresetPath(configured, '/invocations');
  const mapping = settings.outputs ?? null;
  return {
    name: 'mlflow',
    url: endpoint,
    request: (rows) => {
      const picked = pickColumns(rows, columns);
      if (settings.format === 'dataframe_records') return { dataframe_records: picked };
      const names = columnsOf(picked);
      return { dataframe_split: { columns: names, data: picked.map((row) => names.map((name) => (Object.hasOwn(row, name) ? row[name] : null))) } };
    },
    response: (body, rows) => {
      // MLflow 2 wraps predictions in {"predictions": …}; MLflow 1 answered with them bare.
      const predictions = isPlainObject(body) && Object.hasOwn(body, 'predictions') ? body['predictions'] : body;
      const outputs = isPlainObject(predictions)
        ? columnsToRows(predictions, rows.length, 'predictions')
        : perRow(predictions, rows.length, '"predictions"').map((p) => (isPlainObject(p) ? { ...p } : { [UNNAMED_OUTPUT]: unwrapSingle(p) }));
      return outputs.map((row) => mapOutputs(row, mapping));
    },
    ready: { url: `${base}/ping`, check: null },
  };
}
