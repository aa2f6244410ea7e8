import type { Row } from '../../../core/row';
import { describeValue, isPlainObject } from '../default-mappers';
import { UnsendableValueError } from '../unsendable-value';
import { mapOutputs, type OutputMapping } from './output-mapping';
import type { ResolvedPreset } from './preset-types';
import { joinPresetPath, segment } from './preset-url';
import { columnsOf, pickColumns, type ColumnChoice } from './row-columns';
import { elementCount, flatten, isShape, reshape } from './tensor-shape';

/** Tensor element types of the Open Inference Protocol. */
export type KserveDatatype = 'BOOL' | 'UINT8' | 'UINT16' | 'UINT32' | 'UINT64' | 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FP16' | 'FP32' | 'FP64' | 'BYTES';

/** Every {@link KserveDatatype}. */
export const KSERVE_DATATYPES: readonly KserveDatatype[] = ['BOOL', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64', 'FP16', 'FP32', 'FP64', 'BYTES'];

/**
 * `serving.kserve`: the Open Inference Protocol (KServe v2, Triton, MLServer, OpenVINO, TorchServe v2).
 *
 * @example
 * serving: { preset: 'kserve-v2', url: 'http://127.0.0.1:8080', kserve: { model: 'churn', datatypes: { plan: 'BYTES' } } }
 */
export interface KserveSettings {
  /** Model name: requests go to `/v2/models/{model}[/versions/{version}]/infer`. */
  model: string;
  /** Model version. Default: the server's choice. */
  version?: string;
  /**
   * How rows become input tensors. `'columns'` (default): one tensor per input column, named after it, shape
   * `[rows, 1]` (`[rows, k]` for an array column of length k), datatype from the values. `{ tensor, datatype, columns }`:
   * one `[rows, columns]` tensor of every numeric input column (or the listed ones, in that order) — a model with a
   * single feature matrix input. Default datatype `'FP64'`.
   */
  inputs?: 'columns' | { tensor: string; datatype?: 'FP32' | 'FP64' | 'INT32' | 'INT64'; columns?: string[] };
  /**
   * Datatype per input column, where inference from the values is not what the model declares (`{ age: 'INT32',
   * ratio: 'FP32' }`). Default: booleans `BOOL`, strings `BYTES`, numbers `FP64`, integers past 2^53 (bigint) `INT64`.
   */
  datatypes?: Record<string, KserveDatatype>;
  /**
   * Which output tensors become which features (output → feature, or → a list of features for a `[rows, k]` output).
   * Listed outputs are also asked for in the request. Default: every output, named after it; a row of one element is a
   * scalar.
   */
  outputs?: OutputMapping;
}

/** The Open Inference Protocol preset, resolved against the configured URL. */
export function kservePreset(configured: string, settings: KserveSettings, columns: ColumnChoice): ResolvedPreset {
  const modelPath = `/v2/models/${segment(settings.model)}${settings.version === undefined ? '' : `/versions/${segment(settings.version)}`}`;
  const { endpoint, base } = joinPresetPath(configured, `${modelPath}/infer`);
  const mapping = settings.outputs ?? null;
  return {
    name: 'kserve-v2',
    url: endpoint,
    request: (rows) => {
      const picked = pickColumns(rows, columns);
      const inputs = settings.inputs === undefined || settings.inputs === 'columns' ? columnTensors(picked, settings.datatypes ?? {}) : [matrixTensor(picked, settings.inputs)];
      return { inputs, ...(mapping ? { outputs: Object.keys(mapping).map((name) => ({ name })) } : {}) };
    },
    response: (body, rows) => readOutputs(body, rows.length).map((outputs) => mapOutputs(outputs, mapping)),
    ready: { url: `${base}${modelPath}/ready`, check: (body) => (isPlainObject(body) && body['ready'] === false ? 'model ready: false' : null) },
  };
}

/** An input tensor of the request. */
interface InputTensor {
  name: string;
  shape: number[];
  datatype: KserveDatatype;
  data: unknown[];
}

function columnTensors(rows: readonly Row[], datatypes: Record<string, KserveDatatype>): InputTensor[] {
  return columnsOf(rows).map((column) => {
    const values = rows.map((row) => {
      if (!Object.hasOwn(row, column)) throw new UnsendableValueError(`a row has no column ${JSON.stringify(column)}, which the other rows of the batch have: a tensor needs every row`);
      const value = row[column];
      if (value === null || value === undefined) throw new UnsendableValueError(`column ${JSON.stringify(column)} is null: Open Inference Protocol tensors cannot hold null`);
      return value;
    });
    const width = rowWidth(column, values);
    const data = width === null ? values : values.flat();
    const datatype = datatypes[column] ?? inferDatatype(column, data);
    data.forEach((value) => checkElement(column, value, datatype));
    return { name: column, shape: [rows.length, width ?? 1], datatype, data };
  });
}

/** The length of an array column (every row alike), or null for a scalar column. */
function rowWidth(column: string, values: readonly unknown[]): number | null {
  if (!values.some(Array.isArray)) return null;
  const width = Array.isArray(values[0]) ? values[0].length : -1;
  for (const value of values) {
    if (!Array.isArray(value) || value.length !== width || value.some(Array.isArray)) {
      throw new Error(`column ${JSON.stringify(column)} mixes arrays of different lengths or scalars: it cannot be one [rows, k] tensor`);
    }
  }
  return width;
}

function matrixTensor(rows: readonly Row[], spec: { tensor: string; datatype?: KserveDatatype; columns?: string[] }): InputTensor {
  const datatype = spec.datatype ?? 'FP64';
  const columns = spec.columns ?? columnsOf(rows).filter((c) => rows.every((row) => typeof row[c] === 'number' || typeof row[c] === 'bigint'));
  const data = rows.flatMap((row) =>
    columns.map((column) => {
      const value = row[column];
      checkElement(column, value, datatype);
      return value;
    }),
  );
  return { name: spec.tensor, shape: [rows.length, columns.length], datatype, data };
}

function inferDatatype(column: string, values: readonly unknown[]): KserveDatatype {
  if (values.every((v) => typeof v === 'boolean')) return 'BOOL';
  if (values.every((v) => typeof v === 'string')) return 'BYTES';
  if (values.every((v) => typeof v === 'number' || typeof v === 'bigint')) return values.some((v) => typeof v === 'bigint') && values.every(isInteger) ? 'INT64' : 'FP64';
  const kinds = [...new Set(values.map((v) => describeValue(v).split(' ')[0]))].join(', ');
  throw new Error(`column ${JSON.stringify(column)} holds ${kinds}: no single tensor datatype fits (set serving.kserve.datatypes.${column})`);
}

function checkElement(column: string, value: unknown, datatype: KserveDatatype): void {
  const ok =
    datatype === 'BOOL' ? typeof value === 'boolean' : datatype === 'BYTES' ? typeof value === 'string' : datatype.startsWith('FP') ? typeof value === 'number' || typeof value === 'bigint' : isInteger(value);
  if (!ok) throw new Error(`column ${JSON.stringify(column)} holds ${describeValue(value)}, which is not a ${datatype} element`);
}

function isInteger(value: unknown): boolean {
  return typeof value === 'bigint' || Number.isInteger(value);
}

/** Each row's outputs by name: output tensors split along their first dimension. */
function readOutputs(body: unknown, rowCount: number): Array<Record<string, unknown>> {
  if (!isPlainObject(body)) throw new Error(`response is not an inference response object (got ${describeValue(body)})`);
  const outputs = body['outputs'];
  if (!Array.isArray(outputs)) throw new Error(`response has no "outputs" array (got ${describeValue(outputs)})`);
  const rows = Array.from({ length: rowCount }, () => ({}) as Record<string, unknown>);
  outputs.forEach((output, i) => {
    if (!isPlainObject(output) || typeof output['name'] !== 'string') throw new Error(`response outputs[${i}] is not a named tensor (got ${describeValue(output)})`);
    const { name, shape, data } = output;
    if (!isShape(shape) || shape.length === 0) throw new Error(`output ${JSON.stringify(name)} has no [rows, …] shape (got ${JSON.stringify(shape)})`);
    if (!Array.isArray(data)) throw new Error(`output ${JSON.stringify(name)} has no data array (got ${describeValue(data)})`);
    const flat = flatten(data);
    if (flat.length !== elementCount(shape)) throw new Error(`output ${JSON.stringify(name)} has ${flat.length} elements for shape [${shape.join(', ')}]`);
    if (shape[0] !== rowCount) throw new Error(`output ${JSON.stringify(name)} has shape [${shape.join(', ')}] for ${rowCount} rows`);
    const inner = shape.slice(1);
    const size = elementCount(inner);
    for (let row = 0; row < rowCount; row++) {
      const slice = flat.slice(row * size, (row + 1) * size);
      rows[row]![name] = size === 1 ? slice[0] : reshape(slice, inner);
    }
  });
  return rows;
}
