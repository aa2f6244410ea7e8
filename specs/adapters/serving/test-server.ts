import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultBatchRequest, defaultBatchResponse, defaultRequest, defaultResponse } from '../../../harness/adapters/serving';
import type { ServingOptions, StartOptions } from '../../../harness/adapters/serving';

/** A request as the test server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server on 127.0.0.1 with a handler the test controls, tracking what it saw. */
export interface TestServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  /** Most requests being handled at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

export type TestHandler = (request: SeenRequest, res: http.ServerResponse, req: http.IncomingMessage) => void | Promise<void>;

/** Starts a server on 127.0.0.1, port 0. The handler gets the body already read. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  let inFlight = 0;
  const state = { requests: [] as SeenRequest[], maxInFlight: 0 };
  const server = http.createServer((req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on('close', finish);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      state.requests.push(seen);
      void Promise.resolve(handler(seen, res, req)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` as JSON with `status`. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Serving options for tests: small timeouts and backoffs, default mappers, no breaker. */
export function servingOptions(overrides: Partial<ServingOptions> & { url: string }): ServingOptions {
  return {
    method: 'POST',
    headers: {},
    timeoutMs: 2000,
    maxResponseBytes: 16 * 1024 * 1024,
    retries: 3,
    backoff: { initialMs: 5, maxMs: 20 },
    concurrency: 4,
    ratePerSecond: null,
    request: defaultRequest,
    response: defaultResponse,
    batch: null,
    maxConsecutiveFailures: 0,
    axios: null,
    ...overrides,
  };
}

/** Default batch options for `url`. */
export function batchOptions(url: string, size: number): NonNullable<ServingOptions['batch']> {
  return { url, size, request: defaultBatchRequest, response: defaultBatchResponse };
}

/** `count` adapter rows with key `r<i>` and fields `{ id, x }`. */
export function makeRows(count: number): Array<{ key: string; fields: Record<string, unknown> }> {
  return Array.from({ length: count }, (_, i) => ({ key: `r${i}`, fields: { id: `r${i}`, x: i } }));
}

/** A port nothing listens on: bind port 0, read it, close. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `serving.start` options for a test server script in `cwd` (`server.js` on an automatic port, 5 s to be ready). */
export function startOptions(cwd: string, overrides: Partial<StartOptions> = {}): StartOptions {
  return {
    command: [process.execPath, 'server.js'],
    cwd,
    env: {},
    readyUrl: 'http://127.0.0.1:${port}/healthz',
    readyCheck: null,
    readyTimeoutMs: 5000,
    port: 'auto',
    stopTimeoutMs: 1000,
    ...overrides,
  };
}
