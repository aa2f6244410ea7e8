import { describeValue, isPlainObject } from '../default-mappers';
import { columnsToRows, mapOutputs, perRow, UNNAMED_OUTPUT, unwrapSingle, type OutputMapping } from './output-mapping';
import type { ResolvedPreset } from './preset-types';
import { joinPresetPath, segment } from './preset-url';
import { columnsOf, pickColumns, type ColumnChoice } from './row-columns';

/**
 * `serving.tfServing`: the TensorFlow Serving REST API (`:predict`).
 *
 * @example
 * serving: { preset: 'tf-serving', url: 'http://127.0.0.1:8501', tfServing: { model: 'churn', signature: 'serving_default' } }
 */
export interface TfServingSettings {
  /** Model name: requests go to `/v1/models/{model}[/versions/{version} | /labels/{label}]:predict`. */
  model: string;
  /** Model version. Default: the latest the server has. */
  version?: string | number;
  /** Version label (`stable`, `canary`) instead of a version. */
  label?: string;
  /** `signature_name` of the request. Default: the server's default signature. */
  signature?: string;
  /**
   * `'instances'` (default): the row format, one object of named inputs per row, answered with `predictions`.
   * `'inputs'`: the columnar format, one list per named input, answered with `outputs`.
   */
  format?: 'instances' | 'inputs';
  /**
   * Which outputs become which features (output → feature, or → a list of features for a vector output). A model with
   * one output answers without its name: that output is called `prediction`. Default: every output, named after it;
   * a row of one element (`[0.7]`) is a scalar.
   */
  outputs?: OutputMapping;
}

/** The TensorFlow Serving REST preset, resolved against the configured URL. */
export function tfServingPreset(configured: string, settings: TfServingSettings, columns: ColumnChoice): ResolvedPreset {
  const selector = settings.version !== undefined ? `/versions/${segment(settings.version)}` : settings.label !== undefined ? `/labels/${segment(settings.label)}` : '';
  const modelPath = `/v1/models/${segment(settings.model)}${selector}`;
  const { endpoint, base } = joinPresetPath(configured, `${modelPath}:predict`);
  const format = settings.format ?? 'instances';
  const mapping = settings.outputs ?? null;
  const signature = settings.signature === undefined ? {} : { signature_name: settings.signature };
  return {
    name: 'tf-serving',
    url: endpoint,
    request: (rows) => {
      const picked = pickColumns(rows, columns);
      if (format === 'instances') return { ...signature, instances: picked };
      const names = columnsOf(picked);
      return { ...signature, inputs: Object.fromEntries(names.map((name) => [name, picked.map((row) => (Object.hasOwn(row, name) ? row[name] : null))])) };
    },
    response: (body, rows) => {
      if (!isPlainObject(body)) throw new Error(`response is not a predict response object (got ${describeValue(body)})`);
      const key = format === 'instances' ? 'predictions' : 'outputs';
      if (!Object.hasOwn(body, key)) throw new Error(`response has no ${JSON.stringify(key)} (got keys: ${Object.keys(body).join(', ') || 'none'})`);
      const value = body[key];
      const outputs = isPlainObject(value) ? columnsToRows(value, rows.length, key) : perRow(value, rows.length, JSON.stringify(key)).map(namedOutputs);
      return outputs.map((row) => mapOutputs(row, mapping));
    },
    ready: { url: `${base}${modelPath}`, check: modelAvailable },
  };
}

/** One row of `predictions`: an object of named outputs, or the value of the one unnamed output. */
function namedOutputs(prediction: unknown): Record<string, unknown> {
  if (!isPlainObject(prediction)) return { [UNNAMED_OUTPUT]: unwrapSingle(prediction) };
  return Object.fromEntries(Object.entries(prediction).map(([name, value]) => [name, unwrapSingle(value)]));
}

/** The model status API answers 200 while a version is still loading: ready once one is `AVAILABLE`. */
function modelAvailable(body: unknown): string | null {
  const versions = isPlainObject(body) ? body['model_version_status'] : undefined;
  if (!Array.isArray(versions)) return 'no model_version_status in the model status response';
  if (versions.some((v) => isPlainObject(v) && v['state'] === 'AVAILABLE')) return null;
  const states = versions.map((v) => (isPlainObject(v) ? String(v['state']) : '?'));
  return `model state ${states.join(', ') || 'unknown'}`;
}
