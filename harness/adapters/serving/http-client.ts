import axios, { isAxiosError, type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { createUndiciAdapter } from './axios-undici-adapter';
import { DeadlineQueue } from './deadline-queue';
import { decodeUtf8 } from './decode-utf8';
import { parseRequestTarget, type RequestTarget } from './request-target';
import { singleHeader } from './response-headers';
import { classifyTransportError, type TransportFailure } from './transport-failure';
import { createUndiciTransport, type RequestHandle, type Transport } from './undici-transport';
import type { AbortLike } from './abort-scope';

/**
 * The HTTP client of the serving adapter. Everything above it sees {@link HttpClient}: one request in, one
 * {@link HttpOutcome} out, never a thrown error — so retry, limits and messages do not depend on how the bytes
 * travel (axios as the API, undici underneath).
 */

/** Options fixed for the life of a client. */
export interface HttpClientOptions {
  /** Sockets kept per host; at least the number of requests the caller keeps in flight. */
  maxSockets: number;
  /**
   * Whole-request deadline (connect + send + wait + read to the last byte), in milliseconds. A server that trickles
   * a byte now and then is cut off at this deadline too; it is reported as a `timeout` failure.
   */
  timeoutMs: number;
  /** Largest response body read, in bytes: a longer one is cut off while reading and is a `too-large` failure. */
  maxResponseBytes: number;
  /** Headers sent with every request (`Content-Type: application/json` is added to requests with a body). */
  headers: Record<string, string>;
  /** Reuse connections (default true). Readiness probes turn it off so they leave no idle sockets behind. */
  keepAlive?: boolean;
  /**
   * Use `HTTP_PROXY` / `HTTPS_PROXY` from the environment, honouring `NO_PROXY` (default true). Turned off for
   * loopback endpoints.
   */
  envProxy?: boolean;
  /**
   * Configures the axios instance every request then goes through (interceptors for request signing or token
   * refresh, defaults). Called once. Without it, requests skip axios and go to the same undici transport directly.
   */
  axios?: (instance: AxiosInstance) => void;
}

/** One request. `body` is already JSON text. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: string | undefined;
  signal?: AbortLike | undefined;
}

/** What came back: a response with any status, or a failure to get one. */
export type HttpOutcome = HttpResponse | { kind: 'failure'; failure: TransportFailure };

/** A response with any status, its body read to the end. */
export interface HttpResponse {
  kind: 'response';
  status: number;
  /** The body as UTF-8 text; when {@link invalidUtf8At} is set, a lossy decoding fit only for messages. */
  body: string;
  /** Byte offset of the first sequence that is not UTF-8, or `null` when the body is valid UTF-8. */
  invalidUtf8At: number | null;
  /** The `Retry-After` header. */
  retryAfter: string | undefined;
  /** The `Location` header (where a 3xx points). */
  location: string | undefined;
  latencyMs: number;
}

/** Sends requests over a pool of keep-alive connections. */
export interface HttpClient {
  /** Sends one request. Never rejects. */
  send(request: HttpRequest): Promise<HttpOutcome>;
  /** Closes pooled connections. */
  close(): void;
}

/**
 * Creates an {@link HttpClient}: axios as the API, undici's keep-alive pool as the transport.
 *
 * Every request has the same semantics on either of two paths, which share the undici transport:
 * - With {@link HttpClientOptions.axios} set, requests go through that axios instance (its interceptors and
 *   defaults apply), whose adapter is {@link createUndiciAdapter}.
 * - Without it, nothing could change a request between us and the wire, so requests go to the transport directly,
 *   skipping axios's per-request config merge, header objects and promise chain.
 *
 * Measured (2-core sandbox, a trivial node:http server in another process, concurrency 16, client CPU per request,
 * which the machine's load moves less than wall time): Node `http.request` keep-alive loop ≈ 93 µs, autocannon ≈
 * 65 µs, the former axios client (its Node adapter, tuned) ≈ 350 µs, axios on the undici adapter ≈ 130–155 µs, the
 * direct path ≈ 75–100 µs. What matters on the direct path:
 * - undici's `dispatch` with our own handler: no Readable per response, the body is collected as chunks and
 *   decoded once (fatal UTF-8: invalid bytes are an error, not U+FFFD).
 * - Headers are built once per client (lower-case, a later spelling of a name wins, as AxiosHeaders does).
 * - The deadline is our own over the whole request (undici's idle timeouts are off, so a server that trickles a
 *   byte now and then is cut off too), one timer for all requests in flight ({@link DeadlineQueue}); the size limit is
 *   counted while reading, and the connection is dropped at the first byte over it.
 * - Redirects are never followed (a feature endpoint that redirects is a misconfiguration we want to see as a
 *   3xx, not follow), bodies never decompressed (`Accept-Encoding: identity`; a server that compresses anyway
 *   shows up as an "Invalid JSON" error naming the endpoint), every status resolves: retry decisions happen above.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const keepAlive = options.keepAlive ?? true;
  const transport = createUndiciTransport({
    maxSockets: options.maxSockets,
    connectTimeoutMs: options.timeoutMs,
    keepAlive,
    envProxy: options.envProxy ?? true,
  });
  const common = lowerCaseHeaders({ 'User-Agent': 'skew-harness', Accept: 'application/json', 'Accept-Encoding': 'identity', ...options.headers });
  const withBody = lowerCaseHeaders({ 'Content-Type': 'application/json', ...common });
  const instance = options.axios ? createAxiosInstance(transport, options, common) : null;
  const start = instance ? startThroughAxios(instance) : startDirect(transport, options.maxResponseBytes, withBody, common);
  // Every request's whole-request deadline, under one timer.
  const deadlines = new DeadlineQueue(options.timeoutMs);

  return {
    send(request) {
      const { signal } = request;
      if (signal?.aborted) return Promise.resolve({ kind: 'failure', failure: ABORTED });
      return new Promise<HttpOutcome>((resolve) => {
        const started = performance.now();
        // The caller's abort and the deadline both stop the request; which one fired decides the failure.
        let handle: RequestHandle | null = null;
        const onAbort = (): void => handle?.abort(ABORT_REASON);
        const deadline = { deadline: 0, expired: false, expire: () => ((deadline.expired = true), handle?.abort(DEADLINE_REASON)) };
        deadlines.add(deadline, started);
        signal?.addEventListener('abort', onAbort);
        handle = start(request, (error, raw) => {
          deadlines.delete(deadline);
          signal?.removeEventListener('abort', onAbort);
          if (raw) resolve(toResponse(raw, performance.now() - started));
          else if (signal?.aborted) resolve({ kind: 'failure', failure: ABORTED });
          else if (deadline.expired) resolve({ kind: 'failure', failure: deadlineFailure(options.timeoutMs) });
          else resolve({ kind: 'failure', failure: toTransportFailure(error) });
        });
      });
    },
    close() {
      transport.close();
    },
  };
}

/** A response read to the end, its body decoded. */
function toResponse(raw: RawOutcome, latencyMs: number): HttpResponse {
  const decoded = decodeUtf8(raw.body);
  return {
    kind: 'response',
    status: raw.status,
    body: decoded.text,
    invalidUtf8At: decoded.kind === 'invalid' ? decoded.offset : null,
    retryAfter: raw.retryAfter,
    location: raw.location,
    latencyMs,
  };
}

// Reasons given to a request we stop; never shown (the failure says what happened), so made once.
const ABORT_REASON = new Error('aborted');
const DEADLINE_REASON = new Error('deadline');
const NO_REQUEST: RequestHandle = { abort: () => undefined };

/** What either path hands back: the status, the raw body and the two headers the layers above read. */
interface RawOutcome {
  status: number;
  body: Uint8Array;
  retryAfter: string | undefined;
  location: string | undefined;
}

/**
 * Starts a request on either path; `done` is called once — with what came back, or with the error — and at once when
 * the returned handle aborts the request.
 */
type Start = (request: HttpRequest, done: (error: unknown, raw: RawOutcome | null) => void) => RequestHandle;

function startDirect(transport: Transport, maxResponseBytes: number, withBody: Record<string, string>, withoutBody: Record<string, string>): Start {
  // Most runs send every request to one URL: keep its parsed form.
  let lastUrl = '';
  let lastTarget: RequestTarget | null = null;
  return (request, done) => {
    let target: RequestTarget;
    try {
      if (request.url !== lastUrl || !lastTarget) {
        lastTarget = parseRequestTarget(request.url);
        lastUrl = request.url;
      }
      target = lastTarget;
    } catch (error) {
      done(error, null);
      return NO_REQUEST;
    }
    let headers = request.body === undefined ? withoutBody : withBody;
    // As axios does: credentials in the URL win over an Authorization header.
    if (target.authorization) headers = { ...headers, authorization: target.authorization };
    const transportRequest = { origin: target.origin, path: target.path, method: request.method, headers, body: request.body ?? null, maxResponseBytes };
    return transport.start(transportRequest, (error, answer) =>
      done(
        error,
        answer && {
          status: answer.status,
          body: answer.body,
          retryAfter: singleHeader(answer.rawHeaders, 'retry-after'),
          location: singleHeader(answer.rawHeaders, 'location'),
        },
      ),
    );
  };
}

function createAxiosInstance(transport: Transport, options: HttpClientOptions, common: Record<string, string>): AxiosInstance {
  const instance = axios.create({
    adapter: createUndiciAdapter(transport),
    validateStatus: null,
    responseType: 'arraybuffer',
    maxContentLength: options.maxResponseBytes,
    maxRedirects: 0,
    decompress: false,
    headers: common,
  });
  options.axios?.(instance);
  return instance;
}

function startThroughAxios(instance: AxiosInstance): Start {
  return (request, done) => {
    const controller = new AbortController();
    const config: AxiosRequestConfig = { url: request.url, method: request.method, data: request.body, signal: controller.signal };
    if (request.body !== undefined) config.headers = { 'content-type': 'application/json' };
    instance.request<unknown>(config).then(
      (answer) => {
        const retryAfter: unknown = answer.headers['retry-after'];
        const location: unknown = answer.headers['location'];
        done(null, {
          status: answer.status,
          body: toBytes(answer.data),
          retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
          location: typeof location === 'string' ? location : undefined,
        });
      },
      (error: unknown) => done(error, null),
    );
    return { abort: (reason) => controller.abort(reason) };
  };
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return lower;
}

const ABORTED: TransportFailure = { kind: 'aborted', code: 'ERR_CANCELED', detail: 'aborted' };

function deadlineFailure(timeoutMs: number): TransportFailure {
  return { kind: 'timeout', code: 'ETIMEDOUT', detail: `no complete response within ${timeoutMs} ms` };
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return Buffer.from(data === undefined || data === null ? '' : String(data), 'utf8');
}

function toTransportFailure(error: unknown): TransportFailure {
  // Duck-typed, not `instanceof Error`: errors made by Node's internals fail that check under jest's module realm.
  const fields = typeof error === 'object' && error !== null ? (error as { message?: unknown; cause?: unknown }) : {};
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  const cause: unknown = fields.cause;
  const causeCode = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  const ownCode = isAxiosError(error) ? error.code : (error as { code?: unknown } | null)?.code;
  // axios wraps socket errors: its own code can be generic (ERR_BAD_RESPONSE) where the cause has ECONNRESET.
  const codes = [ownCode, causeCode].filter((c): c is string => typeof c === 'string');
  for (const code of codes) {
    const kind = classifyTransportError(code, message);
    if (kind !== 'other') return { kind, code, detail: message };
  }
  return { kind: classifyTransportError(undefined, message), code: codes[0], detail: message };
}
