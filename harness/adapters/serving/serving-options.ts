import type { AxiosInstance } from 'axios';
import type { FeatureVector, Row } from '../../core/row';
import type { ReadyCheck } from './presets/preset-types';

/** Builds the JSON body for one row (single-row requests). */
export type RequestMapper = (row: Row) => unknown;
/** Takes the features of one row out of a response body. */
export type ResponseExtractor = (body: unknown, row: Row) => FeatureVector;
/** Builds the JSON body for a batch of rows. */
export type BatchRequestMapper = (rows: Row[]) => unknown;
/** Takes one feature vector per row, in order, out of a batch response body. */
export type BatchResponseExtractor = (body: unknown, rows: Row[]) => FeatureVector[];

/** Resolved options of the HTTP serving adapter: every property set. */
export interface ServingOptions {
  /**
   * Endpoint URL for single-row requests, env placeholders already substituted. May contain `{column}`
   * placeholders that are filled from the row, URL-encoded (`http://host/users/{user_id}/features`).
   */
  url: string;
  /** HTTP method. With GET no body is sent. */
  method: 'POST' | 'PUT' | 'GET';
  /** Request headers (values may be secrets: never print them). */
  headers: Record<string, string>;
  /** Whole-request deadline in milliseconds, from connecting to the last byte of the response. */
  timeoutMs: number;
  /** Largest response body read, in bytes; a longer one fails its row (or batch) and is not retried. */
  maxResponseBytes: number;
  /** Retries after the first attempt, on network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** Exponential backoff with full jitter: delay = random(0, min(maxMs, initialMs × 2^attempt)); 429 Retry-After wins. */
  backoff: { initialMs: number; maxMs: number };
  /** Most requests in flight at once. */
  concurrency: number;
  /** Most requests started per second, or `null` for no limit. */
  ratePerSecond: number | null;
  /** Request body for one row: default is the row's fields as a JSON object. */
  request: RequestMapper;
  /** Feature extraction from one response: default takes the `features` property. */
  response: ResponseExtractor;
  /** Batch endpoint, used instead of single-row requests when set. */
  batch: BatchOptions | null;
  /**
   * After this many consecutive rows fail for good (after retries), serving is declared unavailable: the
   * remaining rows are not sent and the run is inconclusive. 0 disables the breaker.
   */
  maxConsecutiveFailures: number;
  /** Configures the axios instance every request then goes through, or `null`: requests go to undici directly. */
  axios: ((instance: AxiosInstance) => void) | null;
}

/** Resolved batch endpoint options. */
export interface BatchOptions {
  /** URL of the batch endpoint. */
  url: string;
  /** Rows per request. */
  size: number;
  /** Body for a batch: default `{ rows: [...] }`. */
  request: BatchRequestMapper;
  /** Features out of a batch response: default the `features` property, an array in row order. */
  response: BatchResponseExtractor;
}

/** Resolved options for starting a local serving process before the run (`serving.start`). */
export interface StartOptions {
  /** argv array; no shell. `node_modules/.bin` folders from `cwd` upward are put on PATH, as npm scripts do. */
  command: string[];
  /** Working directory (absolute). */
  cwd: string;
  /** Extra environment variables for the process. */
  env: Record<string, string>;
  /**
   * URL polled until it answers 2xx. `${port}` in it (and in `serving.url`) is replaced by the port when
   * `port` is `'auto'`.
   */
  readyUrl: string;
  /**
   * Reads the JSON body of a 2xx readiness answer: `null` when ready, otherwise why not (`model state LOADING`). Set by
   * a preset whose readiness endpoint answers 200 before the model is up (TF Serving's model status); else `null`.
   */
  readyCheck: ReadyCheck | null;
  /** Give up waiting for readiness after this many milliseconds. */
  readyTimeoutMs: number;
  /** `'auto'`: pick a free port on 127.0.0.1 and pass it to the process as env `PORT`; a number: use it; null: none. */
  port: 'auto' | number | null;
  /** After SIGTERM, wait this long before SIGKILL on teardown. */
  stopTimeoutMs: number;
}
