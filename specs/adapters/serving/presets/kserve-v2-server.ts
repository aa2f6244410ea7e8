import type http from 'node:http';
import { sendJson, startTestServer, type SeenRequest, type TestServer } from '../test-server';

/**
 * An Open Inference Protocol (KServe v2) server written from the REST specification
 * (kserve/open-inference-protocol, `inference_rest.md`): `/v2/health/ready`, `/v2/models/{name}[/versions/{v}]/ready`
 * and `/infer`. Requests are checked as a real server checks them — every declared input present, datatype equal to
 * the declared one, shape matching the declared dims (-1 = any) and the element count, elements of the datatype —
 * and a failure is HTTP 400 `{"error": "…"}`, as the specification prescribes.
 */

/** A declared tensor: name, datatype and shape (`-1` = any size). */
export interface TensorSpec {
  name: string;
  datatype: string;
  shape: number[];
}

/** A model: declared inputs and outputs, and what it computes for one row (input name → the row's value). */
export interface KserveModel {
  name: string;
  version?: string;
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  /** Output values of one row, by output name; a `[-1, k]` output returns an array of k. */
  compute(row: Record<string, unknown>): Record<string, unknown>;
}

/** Starts the server on 127.0.0.1, port 0. */
export function startKserveServer(model: KserveModel): Promise<TestServer> {
  const modelPath = `/v2/models/${model.name}`;
  return startTestServer((req, res) => {
    if (req.method === 'GET' && req.url === '/v2/health/ready') return sendJson(res, 200, { live: true, ready: true });
    const match = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?\/(infer|ready)$/.exec(req.url);
    if (!match || decodeURIComponent(match[1]!) !== model.name || (match[2] !== undefined && decodeURIComponent(match[2]) !== model.version)) {
      return sendJson(res, 404, { error: `Model with name ${req.url.slice(modelPath.length)} not found` });
    }
    if (match[3] === 'ready') return req.method === 'GET' ? sendJson(res, 200, { name: model.name, ready: true }) : sendJson(res, 405, { error: 'method not allowed' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });
    infer(model, req, res);
  });
}

function infer(model: KserveModel, req: SeenRequest, res: http.ServerResponse): void {
  const fail = (message: string): void => sendJson(res, 400, { error: message });
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return fail('Unrecognized request format: the body is not JSON');
  }
  if (!isObject(body) || !Array.isArray(body['inputs'])) return fail('Unrecognized request format: "inputs" must be an array');
  const inputs = body['inputs'] as unknown[];
  const columns = new Map<string, unknown[]>();
  let batch: number | null = null;
  for (const input of inputs) {
    if (!isObject(input) || typeof input['name'] !== 'string') return fail('each input must be an object with a "name"');
    const spec = model.inputs.find((s) => s.name === input['name']);
    if (!spec) return fail(`unexpected inference input '${input['name']}' for model '${model.name}'`);
    const { shape, datatype, data } = input;
    if (datatype !== spec.datatype) return fail(`inference input '${spec.name}' data-type is '${String(datatype)}', but model '${model.name}' expects '${spec.datatype}'`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return fail(`inference input '${spec.name}' has an invalid shape`);
    if (shape.length !== spec.shape.length || spec.shape.some((d, i) => d !== -1 && d !== shape[i])) {
      return fail(`unexpected shape for input '${spec.name}' for model '${model.name}'. Expected [${spec.shape.join(',')}], got [${shape.join(',')}]`);
    }
    if (!Array.isArray(data)) return fail(`inference input '${spec.name}' has no "data" array`);
    const flat = (data as unknown[]).flat(Infinity);
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (flat.length !== count) return fail(`unexpected number of elements for input '${spec.name}': shape [${shape.join(',')}] holds ${count}, got ${flat.length}`);
    const bad = flat.find((value) => !isElement(value, spec.datatype));
    if (bad !== undefined) return fail(`unable to parse 'data': expected ${spec.datatype} elements for input '${spec.name}', got ${JSON.stringify(bad)}`);
    if (batch !== null && shape[0] !== batch) return fail(`inputs have different batch sizes (${batch} and ${shape[0]})`);
    batch = shape[0] as number;
    const width = count / (batch || 1);
    columns.set(spec.name, Array.from({ length: batch }, (_, i) => (width === 1 ? flat[i] : flat.slice(i * width, (i + 1) * width))));
  }
  const missing = model.inputs.find((s) => !columns.has(s.name));
  if (missing) return fail(`expected ${model.inputs.length} inputs but got ${columns.size} inputs for model '${model.name}': missing '${missing.name}'`);
  const requested = Array.isArray(body['outputs']) ? (body['outputs'] as Array<{ name?: unknown }>).map((o) => o.name) : model.outputs.map((o) => o.name);
  const unknown = requested.find((name) => !model.outputs.some((o) => o.name === name));
  if (unknown !== undefined) return fail(`unexpected inference output '${String(unknown)}' for model '${model.name}'`);
  const rows = Array.from({ length: batch ?? 0 }, (_, i) => model.compute(Object.fromEntries([...columns].map(([name, values]) => [name, values[i]]))));
  const outputs = model.outputs
    .filter((o) => requested.includes(o.name))
    .map((o) => {
      const values = rows.map((row) => row[o.name]);
      const width = Array.isArray(values[0]) ? values[0].length : 1;
      return { name: o.name, datatype: o.datatype, shape: [rows.length, width], data: values.flat() };
    });
  sendJson(res, 200, { model_name: model.name, ...(model.version ? { model_version: model.version } : {}), ...(typeof body['id'] === 'string' ? { id: body['id'] } : {}), outputs });
}

function isElement(value: unknown, datatype: string): boolean {
  if (datatype === 'BOOL') return typeof value === 'boolean';
  if (datatype === 'BYTES') return typeof value === 'string';
  if (datatype.startsWith('FP')) return typeof value === 'number';
  return Number.isInteger(value) && (!datatype.startsWith('UINT') || (value as number) >= 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
