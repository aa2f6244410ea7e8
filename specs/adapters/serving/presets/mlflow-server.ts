import type http from 'node:http';
import { sendJson, startTestServer, type SeenRequest, type TestServer } from '../test-server';

/**
 * An MLflow scoring server written from MLflow's serving docs and `pyfunc/scoring_server`: `GET /ping` and
 * `/health`, `POST /invocations` taking exactly one of `dataframe_split`, `dataframe_records`, `instances`, `inputs`
 * as `application/json`, enforcing the model signature (a missing input column or a value of the wrong type is HTTP
 * 400 `{"error_code": "BAD_REQUEST", "message": …}`), answering `{"predictions": …}`.
 */

/** MLflow column types the test models use. */
export type MlflowType = 'double' | 'long' | 'string' | 'boolean';

/** A model: its input signature and its prediction for one row (a number, or an object for a DataFrame output). */
export interface MlflowModel {
  signature: Record<string, MlflowType>;
  predict(row: Record<string, unknown>): unknown;
}

/** Starts the server on 127.0.0.1, port 0. */
export function startMlflowServer(model: MlflowModel): Promise<TestServer> {
  return startTestServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/ping' || req.url === '/health')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('\n');
      return;
    }
    if (req.url !== '/invocations') return sendJson(res, 404, { error_code: 'NOT_FOUND', message: `no route ${req.url}` });
    if (req.method !== 'POST') return sendJson(res, 405, { error_code: 'BAD_REQUEST', message: 'Method not allowed' });
    invocations(model, req, res);
  });
}

function invocations(model: MlflowModel, req: SeenRequest, res: http.ServerResponse): void {
  const fail = (message: string): void => sendJson(res, 400, { error_code: 'BAD_REQUEST', message });
  if (!String(req.headers['content-type']).startsWith('application/json')) {
    return sendJson(res, 415, { error_code: 'BAD_REQUEST', message: `This predictor only supports the following content types: ['text/csv', 'application/json']. Got '${String(req.headers['content-type'])}'.` });
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body) as Record<string, unknown>;
  } catch {
    return fail('Failed to parse input as JSON');
  }
  const formats = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'].filter((k) => Object.hasOwn(body, k));
  if (formats.length !== 1) return fail(`The input must be a JSON dictionary with exactly one of the input fields {'dataframe_split', 'dataframe_records', 'instances', 'inputs'}. Received dictionary with input fields: [${Object.keys(body).map((k) => `'${k}'`).join(', ')}].`);
  let rows: Array<Record<string, unknown>>;
  if (formats[0] === 'dataframe_split') {
    const split = body['dataframe_split'] as { columns?: unknown; data?: unknown };
    if (!Array.isArray(split?.columns) || !Array.isArray(split.data) || !split.data.every((r) => Array.isArray(r) && r.length === (split.columns as unknown[]).length)) {
      return fail('Failed to parse data as TF serving input / dataframe_split: "columns" and rows of "data" must have the same length');
    }
    const columns = split.columns as string[];
    rows = (split.data as unknown[][]).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  } else if (formats[0] === 'dataframe_records') {
    const records = body['dataframe_records'];
    if (!Array.isArray(records) || !records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) return fail('dataframe_records must be a list of objects');
    rows = records as Array<Record<string, unknown>>;
  } else return fail(`this model takes a DataFrame, not ${formats[0]}`);
  const missing = Object.keys(model.signature).filter((c) => !rows.every((r) => Object.hasOwn(r, c)));
  if (missing.length > 0) return fail(`Model is missing inputs [${missing.map((c) => `'${c}'`).join(', ')}]. Note that there were extra inputs: []`);
  for (const row of rows) {
    for (const [column, type] of Object.entries(model.signature)) {
      if (!fits(row[column], type)) return fail(`Incompatible input types for column ${column}. Can not safely convert ${typeof row[column]} to ${type}.`);
    }
  }
  sendJson(res, 200, { predictions: rows.map((row) => model.predict(row)) });
}

function fits(value: unknown, type: MlflowType): boolean {
  if (type === 'double') return typeof value === 'number';
  if (type === 'long') return Number.isInteger(value);
  if (type === 'string') return typeof value === 'string';
  return typeof value === 'boolean';
}
