import type { AxiosInstance } from 'axios';
import type { FeatureVector, Row } from '../core/row';
import type { PresetName, PresetSettings } from '../adapters/serving/presets';

/*
 * The `serving` section of the user config (`UserConfig` in user-config.ts, which re-exports these types), in a
 * file of its own because it is the largest section.
 */

/** The `serving` section. */
export interface ServingConfig extends PresetSettings {
  /**
   * Endpoint for one row. May use `${env.NAME}` (read from the environment; never printed), `${port}` (the port
   * of `start`) and `{column}` (from the row, URL-encoded). With a `preset`, the server's base URL
   * (`http://127.0.0.1:8080`): the preset appends its protocol's path (a URL that already ends with it is kept).
   */
  url: string;
  /**
   * The protocol the endpoint speaks: request body, response reading, batches and the default readiness URL.
   * `'json'` (default): the plain JSON protocol below. `'kserve-v2'` (Open Inference Protocol: KServe, Triton,
   * MLServer), `'tf-serving'` (TensorFlow Serving REST), `'mlflow'` (`mlflow models serve`), `'feast'` (Feast feature
   * server), each configured by its section (`kserve`, `tfServing`, `mlflow`, `feast`). `request` / `response`
   * functions still replace the preset's body building and reading; `request.columns` picks the columns it sends.
   */
  preset?: PresetName;
  /** HTTP method. Default `'POST'`. */
  method?: 'POST' | 'PUT' | 'GET';
  /** Request headers; values may use `${env.NAME}`. Never printed. */
  headers?: Record<string, string>;
  /**
   * Deadline of one request attempt in milliseconds, from connecting to the last byte of the response (a server
   * that trickles its answer is cut off too). Default `5000`.
   */
  timeoutMs?: number;
  /**
   * Largest response body read, in bytes. A longer response is cut off while reading (never buffered whole) and
   * fails its row, or its batch, without retries. Default `16777216` (16 MiB): far above any feature vector (a
   * 100k-float embedding is ~2 MB of JSON), and with the default concurrency of 8 it bounds what is in memory at
   * once to 128 MiB.
   */
  maxResponseBytes?: number;
  /** Retries on network errors, timeouts, 429 and 5xx. Default `3`. */
  retries?: number;
  /** Backoff between retries. Default `{ initialMs: 100, maxMs: 2000 }`. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Requests in flight at once. Default `8`. */
  concurrency?: number;
  /** Requests started per second. Default: no limit. */
  ratePerSecond?: number;
  /**
   * Request body for one row. Default: the row's input columns (no label, no precomputed features) as a JSON
   * object. Either a function, or `{ columns }` to send only some columns and `{ wrap }` to nest them
   * (`{ wrap: 'inputs' }` → `{"inputs": {...}}`).
   */
  request?: ((row: Row) => unknown) | { columns?: string[]; wrap?: string };
  /** Features out of a response. Default: the `features` property. A function, or `{ path }` (`''` = the whole body). */
  response?: ((body: unknown, row: Row) => FeatureVector) | { path?: string };
  /** A batch endpoint, used instead of one request per row. */
  batch?: {
    /** Default: `serving.url` + `/batch`. */
    url?: string;
    /** Rows per request. Default `64`. */
    size?: number;
    /** Default: `{ rows: [...] }`; `{ wrap }` changes the property name. */
    request?: ((rows: Row[]) => unknown) | { wrap?: string };
    /** Default: the `features` property, an array in row order. */
    response?: ((body: unknown, rows: Row[]) => FeatureVector[]) | { path?: string };
  };
  /** Rows failing in a row before serving is declared unavailable (inconclusive). Default `10`; 0 = never. */
  maxConsecutiveFailures?: number;
  /**
   * Configures the axios instance every serving request then goes through: interceptors for request signing or a
   * token refresh, defaults. Called once per run with a fresh instance whose adapter is undici's keep-alive pool;
   * retries, `timeoutMs`, `maxResponseBytes` and redirects still work as documented. Without it, requests skip
   * axios's per-request work and go to the same pool directly. Header values an interceptor adds are not known to
   * the redactor: do not let the server echo them.
   *
   * @example
   * axios: (instance) => instance.interceptors.request.use(async (config) => {
   *   config.headers.set('Authorization', `Bearer ${await token()}`);
   *   return config;
   * }),
   */
  axios?: (instance: AxiosInstance) => void;
  /** Start a local serving process for the run and stop it after. */
  start?: StartConfig | null;
  /**
   * Record every serving answer into this directory (relative to the config file): one cassette file per endpoint,
   * keyed by method, path and query, and canonical request body; secrets replaced by `***`. Written when the run
   * completes. `--record-serving DIR` sets it. Default: off.
   */
  record?: string | null;
  /**
   * Answer serving requests from a cassette recorded with {@link record}: no network, and `start` is not run. A
   * request the cassette has no answer for ends the run (exit 2) naming the row. `--replay-serving DIR` sets it.
   * Default: off.
   */
  replay?: string | null;
}

/** The `serving.start` section. */
export interface StartConfig {
  /** argv array, run without a shell, in its own process group; `node_modules/.bin` is on PATH. */
  command: string[];
  /** Working directory, relative to the config file. Default: the config file's directory. */
  cwd?: string;
  /** Extra environment variables (values may use `${env.NAME}`). */
  env?: Record<string, string>;
  /**
   * Polled until it answers 2xx. May use `${port}`. Default with a `serving.preset`: the protocol's readiness URL
   * (KServe `/v2/models/{model}/ready`, TF Serving `/v1/models/{model}` until a version is `AVAILABLE`, MLflow
   * `/ping`, Feast `/health`); required otherwise.
   */
  readyUrl?: string;
  /** Deadline for readiness. Default `30000`. */
  readyTimeoutMs?: number;
  /** `'auto'` picks a free port and passes it as env `PORT` (and `${port}` in URLs). Default: none. */
  port?: 'auto' | number;
  /** Grace period between SIGTERM and SIGKILL on teardown. Default `5000`. */
  stopTimeoutMs?: number;
}
