import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

/** Response headers: lower-case names; a header sent twice is an array. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * The bytes on the wire: one request out, status, headers and the whole body back, over undici's keep-alive
 * connection pool. Nothing here knows about retries, messages or axios; {@link createHttpClient} and the axios
 * adapter sit on top of it.
 */

/** Options fixed for the life of a transport. */
export interface TransportOptions {
  /** Connections kept per origin (requests beyond it wait for a free one). */
  maxSockets: number;
  /** Give up connecting after this long. Callers keep their own whole-request deadline; this only frees the socket. */
  connectTimeoutMs: number;
  /** Reuse connections. When false every request says `Connection: close` and its socket is closed after it. */
  keepAlive: boolean;
  /** Route through `HTTP_PROXY` / `HTTPS_PROXY` (honouring `NO_PROXY`) when they are set. */
  envProxy: boolean;
}

/** One request, already split into origin and path. */
export interface TransportRequest {
  /** `http://host:port`. */
  origin: string;
  /** Path and query, starting with `/`. */
  path: string;
  method: string;
  /** Header names in any case; undici adds `host`, `content-length` and `connection`. */
  headers: Record<string, string>;
  body: string | Uint8Array | null;
  /** Largest body read, in bytes; a negative number means no limit. */
  maxResponseBytes: number;
  /** Aborts the request: the promise rejects with the signal's reason at once. */
  signal?: AbortSignal | undefined;
}

/** A response with any status, its body read to the end. */
export interface TransportResponse {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  body: Buffer;
}

/** Sends requests over one pool of connections. */
export interface Transport {
  /**
   * Sends one request. Rejects with the socket's error (`ECONNREFUSED`, `ENOTFOUND`, undici's `UND_ERR_SOCKET`
   * for a connection the server closed, …), a {@link ResponseTooLargeError}, or the signal's reason.
   */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Starts one request (its `signal` is ignored): what the hot path uses, sparing an AbortSignal per request. */
  start(request: TransportRequest): PendingRequest;
  /** Closes every connection at once; requests in flight fail. */
  close(): void;
}

/**
 * A body over the limit: reading stopped there and the connection was closed. Worded and coded as axios words its
 * own `maxContentLength` error, so both paths classify it the same way.
 */
export class ResponseTooLargeError extends Error {
  /** Same code axios gives this failure. */
  readonly code = 'ERR_BAD_RESPONSE';

  constructor(maxBytes: number) {
    super(`maxContentLength size of ${maxBytes} exceeded`);
    this.name = 'ResponseTooLargeError';
  }
}

/**
 * Creates a {@link Transport} on an undici `Agent` (one pool per origin, `maxSockets` connections each), or on an
 * `EnvHttpProxyAgent` when `envProxy` is on and a proxy variable is set. undici's idle timeouts (headers, body) are
 * off: the caller's deadline covers the whole request, so a server that trickles bytes cannot stretch it.
 * A plain-HTTP target goes to the proxy as an absolute-URI request (as axios sent it); HTTPS is tunnelled with
 * CONNECT.
 */
export function createUndiciTransport(options: TransportOptions): Transport {
  const agentOptions: Agent.Options = {
    connections: options.maxSockets,
    pipelining: 1,
    connectTimeout: options.connectTimeoutMs,
    headersTimeout: 0,
    bodyTimeout: 0,
  };
  const dispatcher: Dispatcher = options.envProxy && hasProxyInEnvironment() ? new EnvHttpProxyAgent({ ...agentOptions, proxyTunnel: false }) : new Agent(agentOptions);
  const reset = !options.keepAlive;

  return {
    send: (request) => sendWithSignal(dispatcher, request, reset),
    start: (request) => startRequest(dispatcher, request, reset),
    close() {
      void dispatcher.destroy().catch(() => undefined);
    },
  };
}

function hasProxyInEnvironment(): boolean {
  const env = process.env;
  return Boolean(env['http_proxy'] ?? env['HTTP_PROXY'] ?? env['https_proxy'] ?? env['HTTPS_PROXY']);
}

/** A request under way: its response, and a way to stop it. */
export interface PendingRequest {
  /** Settles once: with the response, the transport's error, or the reason given to {@link abort}. */
  response: Promise<TransportResponse>;
  /** Rejects {@link response} with `reason` at once and cancels the request as soon as undici lets us. */
  abort(reason: unknown): void;
}

function sendWithSignal(dispatcher: Dispatcher, request: TransportRequest, reset: boolean): Promise<TransportResponse> {
  const { signal } = request;
  if (!signal) return startRequest(dispatcher, request, reset).response;
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  const pending = startRequest(dispatcher, request, reset);
  const onAbort = (): void => pending.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const cleanUp = (): void => signal.removeEventListener('abort', onAbort);
  pending.response.then(cleanUp, cleanUp);
  return pending.response;
}

function startRequest(dispatcher: Dispatcher, request: TransportRequest, reset: boolean): PendingRequest {
  const { maxResponseBytes } = request;
  let controller: Dispatcher.DispatchController | null = null;
  let settled = false;
  let status = 0;
  let statusText = '';
  let headers: ResponseHeaders = {};
  let chunks: Buffer[] = [];
  let size = 0;
  let resolve!: (response: TransportResponse) => void;
  let reject!: (error: unknown) => void;
  const response = new Promise<TransportResponse>((ok, fail) => ((resolve = ok), (reject = fail)));
  const finish = (error: unknown, answer?: TransportResponse): void => {
    if (settled) return;
    settled = true;
    chunks = [];
    if (answer) resolve(answer);
    else reject(error);
  };
  // The promise settles at once; the request itself is cancelled as soon as undici hands it a controller (a
  // request still waiting for a connection has none yet).
  const abort = (reason: unknown): void => {
    finish(reason);
    controller?.abort(reason instanceof Error ? reason : new Error('aborted'));
  };

  const handler: Dispatcher.DispatchHandler = {
    onRequestStart(started) {
      controller = started;
      if (settled) started.abort(new Error('aborted'));
    },
    onResponseStart(_controller, statusCode, responseHeaders, statusMessage) {
      status = statusCode;
      statusText = statusMessage ?? '';
      headers = responseHeaders;
      chunks = [];
      size = 0;
    },
    onResponseData(current, chunk) {
      if (settled) return;
      size += chunk.length;
      if (maxResponseBytes >= 0 && size > maxResponseBytes) {
        // Stop reading here: the rest of the body is never buffered, and the connection is not reused.
        const error = new ResponseTooLargeError(maxResponseBytes);
        finish(error);
        current.abort(error);
        return;
      }
      chunks.push(chunk);
    },
    onResponseEnd() {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      finish(null, { status, statusText, headers, body });
    },
    onResponseError(_controller, error) {
      finish(error);
    },
  };
  try {
    dispatcher.dispatch({ origin: request.origin, path: request.path, method: request.method as Dispatcher.HttpMethod, headers: request.headers, body: request.body, reset }, handler);
  } catch (error) {
    // Invalid arguments (a header value with a newline) are thrown, not reported to the handler.
    finish(error);
  }
  return { response, abort };
}
