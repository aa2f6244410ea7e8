import type http from 'node:http';
import { sendJson, startTestServer, type SeenRequest, type TestServer } from '../test-server';

/**
 * A Feast feature server written from Feast's feature-server docs and `GetOnlineFeaturesResponse`
 * (`metadata.feature_names`; `results` one entry per feature name, in that order, each holding `values`,
 * `statuses`, `event_timestamps` for every entity row): `GET /health`, `POST /get-online-features`. A body without
 * `entities`, with both or neither of `features` / `feature_service`, or with entity lists of different lengths is
 * 422 (FastAPI validation); an unknown feature view 404. Statuses: `PRESENT`, `NULL_VALUE` (a stored null),
 * `NOT_FOUND` (unknown entity), `OUTSIDE_MAX_AGE` (stale).
 */

/** One stored feature value of an entity. */
export interface StoredValue {
  value: unknown;
  /** Seconds since the value was written; past `maxAgeSeconds` it is `OUTSIDE_MAX_AGE`. Default 0. */
  ageSeconds?: number;
}

/** A feature view: entity join key, features, TTL, and stored rows by entity key (as JSON text of the key value). */
export interface FeatureView {
  name: string;
  joinKey: string;
  maxAgeSeconds: number;
  rows: Record<string, Record<string, StoredValue>>;
}

/** Starts the server on 127.0.0.1, port 0. `services` maps a feature service to its feature references. */
export function startFeastServer(view: FeatureView, services: Record<string, string[]> = {}): Promise<TestServer> {
  return startTestServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') return sendJson(res, 200, {});
    if (req.url !== '/get-online-features') return sendJson(res, 404, { detail: 'Not Found' });
    if (req.method !== 'POST') return sendJson(res, 405, { detail: 'Method Not Allowed' });
    getOnlineFeatures(view, services, req, res);
  });
}

function getOnlineFeatures(view: FeatureView, services: Record<string, string[]>, req: SeenRequest, res: http.ServerResponse): void {
  const invalid = (msg: string): void => sendJson(res, 422, { detail: [{ type: 'value_error', loc: ['body'], msg }] });
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body) as Record<string, unknown>;
  } catch {
    return invalid('JSON decode error');
  }
  const entities = body['entities'];
  if (typeof entities !== 'object' || entities === null || Array.isArray(entities)) return invalid('entities: Field required (an object of join key → list of values)');
  const lists = Object.entries(entities as Record<string, unknown>);
  if (lists.length === 0 || !lists.every(([, v]) => Array.isArray(v))) return invalid('entities: each join key must map to a list');
  const count = (lists[0]![1] as unknown[]).length;
  if (!lists.every(([, v]) => (v as unknown[]).length === count)) return invalid('entities: all join keys must have the same number of values');
  const hasFeatures = Object.hasOwn(body, 'features');
  if (hasFeatures === Object.hasOwn(body, 'feature_service')) return invalid('exactly one of features or feature_service must be given');
  const refs = hasFeatures ? body['features'] : services[String(body['feature_service'])];
  if (!Array.isArray(refs)) return sendJson(res, 404, { detail: `Feature service ${String(body['feature_service'])} does not exist` });
  const features: string[] = [];
  for (const ref of refs) {
    const [viewName, feature] = String(ref).split(':');
    if (viewName !== view.name || feature === undefined) return sendJson(res, 404, { detail: `Feature view ${viewName} does not exist` });
    features.push(feature);
  }
  const keys = (entities as Record<string, unknown[]>)[view.joinKey];
  if (!keys) return sendJson(res, 400, { detail: `Entity key ${view.joinKey} is required by feature view ${view.name}` });
  const full = body['full_feature_names'] === true;
  const entityNames = lists.map(([name]) => name);
  const results = [
    ...lists.map(([, values]) => ({ values, statuses: (values as unknown[]).map(() => 'PRESENT'), event_timestamps: (values as unknown[]).map(() => '1970-01-01T00:00:00Z') })),
    ...features.map((feature) => {
      const cells = keys.map((key) => {
        const stored = view.rows[JSON.stringify(key)]?.[feature];
        if (!stored) return { value: null, status: 'NOT_FOUND' };
        if ((stored.ageSeconds ?? 0) > view.maxAgeSeconds) return { value: null, status: 'OUTSIDE_MAX_AGE' };
        return { value: stored.value, status: stored.value === null ? 'NULL_VALUE' : 'PRESENT' };
      });
      return { values: cells.map((c) => c.value), statuses: cells.map((c) => c.status), event_timestamps: cells.map(() => '2024-01-01T00:00:00Z') };
    }),
  ];
  sendJson(res, 200, { metadata: { feature_names: [...entityNames, ...features.map((f) => (full ? `${view.name}__${f}` : f))] }, results });
}
