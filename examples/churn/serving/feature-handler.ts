import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { scoreChurn } from './churn-model';
import { InvalidRowError, type OnlineFeatures } from './online-features';

/** Largest request body accepted (a batch of a few thousand rows is well under this). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A request that cannot be served as sent: answered with `status` and `{"error": message}`. */
class RequestError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The HTTP routes of the feature endpoint, over a feature function:
 * - `GET /healthz` → 200 `{"ok":true}`;
 * - `POST /features`, body one row → 200 `{"features":{…}}` (422 `{"error"}` if the row is invalid);
 * - `POST /features/batch`, body `{"rows":[…]}` → 200 `{"features":[…]}` in order; an invalid row's entry is
 *   `{"$error": message}` (the same marker the offline JSON Lines protocol uses), the others are unaffected;
 * - `POST /score`, body one feature vector → 200 `{"prediction": p}`, the churn model's probability (`churn-model.ts`);
 * - invalid JSON or body shape → 400, unknown path → 404, wrong method → 405; every error body is JSON.
 *
 * No per-request access log: the harness sends thousands of requests and measures throughput. `onServed` (the
 * serving log of `SKEW_EXAMPLE_LOG`) receives every row answered with features, and what it got.
 */
export function createFeatureHandler(
  computeFeatures: (row: Record<string, unknown>) => OnlineFeatures,
  onServed?: (row: Record<string, unknown>, features: OnlineFeatures) => void,
): RequestListener {
  const compute = onServed
    ? (row: Record<string, unknown>): OnlineFeatures => {
        const features = computeFeatures(row);
        onServed(row, features);
        return features;
      }
    : computeFeatures;
  const route = async (request: IncomingMessage): Promise<unknown> => {
    const path = (request.url ?? '/').split('?')[0];
    const method = path === '/healthz' ? 'GET' : path === '/features' || path === '/features/batch' || path === '/score' ? 'POST' : null;
    if (method === null) throw new RequestError(404, `no route for ${request.method} ${path}`);
    if (request.method !== method) throw new RequestError(405, `${path} accepts ${method} only`);
    if (path === '/healthz') return { ok: true };
    const body = await readJsonBody(request);
    if (path === '/score') {
      if (!isObject(body)) throw new RequestError(400, 'body must be a JSON object: one feature vector');
      return { prediction: scoreChurn(body) };
    }
    if (path === '/features') {
      if (!isObject(body)) throw new RequestError(400, 'body must be a JSON object: one row of input columns');
      return { features: computeOrReject(compute, body) };
    }
    const rows = isObject(body) ? body.rows : undefined;
    if (!Array.isArray(rows)) throw new RequestError(400, 'body must be {"rows": [ ...rows ]}');
    return { features: rows.map((row) => computeOrMark(compute, row)) };
  };

  return (request, response) => {
    route(request).then(
      (payload) => send(response, 200, payload),
      (error: unknown) => {
        if (error instanceof RequestError) send(response, error.status, { error: error.message });
        else send(response, 500, { error: error instanceof Error ? error.message : String(error) });
      },
    );
  };
}

function computeOrReject(compute: (row: Record<string, unknown>) => OnlineFeatures, row: Record<string, unknown>): OnlineFeatures {
  try {
    return compute(row);
  } catch (error) {
    if (error instanceof InvalidRowError) throw new RequestError(422, error.message);
    throw error;
  }
}

function computeOrMark(compute: (row: Record<string, unknown>) => OnlineFeatures, row: unknown): OnlineFeatures | { $error: string } {
  if (!isObject(row)) return { $error: 'row must be a JSON object' };
  try {
    return compute(row);
  } catch (error) {
    if (error instanceof InvalidRowError) return { $error: error.message };
    throw error;
  }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new RequestError(400, `invalid JSON: ${(error as Error).message}`);
  }
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
