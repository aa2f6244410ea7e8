import type http from 'node:http';
import { sendJson, startTestServer, type SeenRequest, type TestServer } from '../test-server';

/**
 * A TensorFlow Serving REST server written from `api_rest.md` (tensorflow/serving): the model status API
 * (`GET /v1/models/{name}[/versions/{v}]`, 200 with `model_version_status` — `LOADING` before `AVAILABLE`) and
 * `:predict` in the row (`instances` → `predictions`) and columnar (`inputs` → `outputs`) formats. A request that
 * names an unknown input, lacks one, mixes formats or sends a value of the wrong dtype gets HTTP 400
 * `{"error": "…"}`; an unknown model or signature 404 / 400, as TF Serving answers.
 */

/** TF dtypes the test models use. */
export type TfDtype = 'DT_FLOAT' | 'DT_INT64' | 'DT_STRING' | 'DT_BOOL';

/** A servable: named inputs with dtypes, and its outputs for one row. */
export interface TfModel {
  name: string;
  version: number;
  signature: string;
  inputs: Record<string, TfDtype>;
  /** Outputs of one row by name; a model with one output answers without its name. */
  compute(row: Record<string, unknown>): Record<string, unknown>;
  /** Status probes answered `LOADING` before the model is `AVAILABLE`. Default 0. */
  loadingProbes?: number;
}

/** How the fake server is deployed. */
export interface TfServerOptions {
  /**
   * Every path, the model status included, answers 401 `{"error": "invalid token <what came>"}` unless the request
   * carries `Authorization: Bearer <token>` — a server behind an auth proxy. Default: no auth.
   */
  token?: string;
}

/** Starts the server on 127.0.0.1, port 0. */
export function startTfServingServer(model: TfModel, options: TfServerOptions = {}): Promise<TestServer & { statusProbes: number }> {
  let statusProbes = 0;
  const started = startTestServer((req, res) => {
    if (options.token !== undefined && req.headers['authorization'] !== `Bearer ${options.token}`) {
      const got = String(req.headers['authorization'] ?? 'none').replace(/^Bearer /, '');
      return sendJson(res, 401, { error: `invalid token ${got}` }, { 'www-authenticate': 'Bearer' });
    }
    const match = /^\/v1\/models\/([^/:]+)(?:\/versions\/(\d+)|\/labels\/([^/:]+))?(:predict)?$/.exec(req.url);
    if (!match || match[1] !== model.name || (match[2] !== undefined && Number(match[2]) !== model.version)) {
      return sendJson(res, 404, { error: `Servable not found for request: Latest(${match?.[1] ?? req.url})` });
    }
    if (!match[4]) {
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'Method not allowed' });
      statusProbes++;
      const state = statusProbes <= (model.loadingProbes ?? 0) ? 'LOADING' : 'AVAILABLE';
      return sendJson(res, 200, { model_version_status: [{ version: String(model.version), state, status: { error_code: 'OK', error_message: '' } }] });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Method not allowed' });
    predict(model, req, res);
  });
  return started.then((server) =>
    Object.defineProperty(server, 'statusProbes', { get: () => statusProbes, enumerable: true }) as TestServer & { statusProbes: number },
  );
}

function predict(model: TfModel, req: SeenRequest, res: http.ServerResponse): void {
  const fail = (message: string): void => sendJson(res, 400, { error: message });
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body) as Record<string, unknown>;
  } catch {
    return fail('JSON Parse error: Invalid value. at offset: 0');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('JSON Value: must be an object');
  if (body['signature_name'] !== undefined && body['signature_name'] !== model.signature) return fail(`Serving signature name: "${String(body['signature_name'])}" not found in signature def`);
  const hasInstances = Object.hasOwn(body, 'instances');
  if (hasInstances === Object.hasOwn(body, 'inputs')) return fail('Missing \'inputs\' or \'instances\' key');
  let rows: Array<Record<string, unknown>>;
  if (hasInstances) {
    const instances = body['instances'];
    if (!Array.isArray(instances) || instances.length === 0) return fail("'instances' must be a non-empty JSON array");
    if (!instances.every((i) => typeof i === 'object' && i !== null && !Array.isArray(i))) return fail('Expecting object but got list at item 0 of input list');
    rows = instances as Array<Record<string, unknown>>;
  } else {
    const inputs = body['inputs'];
    if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) return fail("'inputs' must be a JSON object of named inputs");
    const lists = Object.entries(inputs as Record<string, unknown>);
    const size = Array.isArray(lists[0]?.[1]) ? (lists[0]![1] as unknown[]).length : -1;
    if (!lists.every(([, v]) => Array.isArray(v) && v.length === size)) return fail('Input tensors must have the same 0-th dimension');
    rows = Array.from({ length: size }, (_, i) => Object.fromEntries(lists.map(([name, v]) => [name, (v as unknown[])[i]])));
  }
  for (const [i, row] of rows.entries()) {
    for (const name of Object.keys(row)) if (!Object.hasOwn(model.inputs, name)) return fail(`Failed to process element: ${i} key: ${name} of 'instances' list. Error: Invalid argument: JSON object: does not have named input: ${name}`);
    for (const [name, dtype] of Object.entries(model.inputs)) {
      if (!Object.hasOwn(row, name)) return fail(`Failed to process element: ${i} of 'instances' list. JSON object: does not have named input: ${name}`);
      if (!fitsDtype(row[name], dtype)) return fail(`Failed to process element: ${i} key: ${name} of 'instances' list. Error: Invalid argument: JSON Value: ${JSON.stringify(row[name])} not of expected type: ${dtype.slice(3).toLowerCase()}`);
    }
  }
  const results = rows.map((row) => model.compute(row));
  const names = Object.keys(results[0] ?? {});
  const single = names.length === 1;
  if (hasInstances) return sendJson(res, 200, { predictions: results.map((r) => (single ? r[names[0]!] : r)) });
  const columns = Object.fromEntries(names.map((n) => [n, results.map((r) => r[n])]));
  sendJson(res, 200, { outputs: single ? columns[names[0]!] : columns });
}

function fitsDtype(value: unknown, dtype: TfDtype): boolean {
  switch (dtype) {
    case 'DT_FLOAT':
      return typeof value === 'number';
    case 'DT_INT64':
      return Number.isInteger(value);
    case 'DT_STRING':
      return typeof value === 'string';
    case 'DT_BOOL':
      return typeof value === 'boolean';
  }
}
