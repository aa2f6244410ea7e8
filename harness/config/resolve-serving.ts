import type { RequestMapper, ResponseExtractor, ServingOptions, StartOptions } from '../adapters/serving/serving-options';
import { PRESET_SETTINGS_KEY, resolvePreset, type ResolvedPreset } from '../adapters/serving/presets';
import { batchRequestMapper, batchResponseExtractor, requestMapper, responseExtractor } from '../adapters/serving/default-mappers';
import { interpolateEnv, replayEnv } from './interpolate-env';
import type { HttpOfflineConfig, ServingConfig } from './user-config';

/**
 * Default `serving.maxResponseBytes`, 16 MiB: far above any feature vector (a 100k-float embedding is ~2 MB of
 * JSON), while `concurrency` (8) such responses in flight stay within 128 MiB.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The `serving.start` section with defaults, paths and env placeholders resolved; `presetReady` is the default probe. */
export function resolveStart(
  start: NonNullable<ServingConfig['start']> | null,
  presetReady: ResolvedPreset['ready'] | null,
  at: (p: string) => string,
  rootDir: string,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
  fail: (p: string, problem: string) => never,
): StartOptions | null {
  if (!start) return null;
  if (start.readyUrl === undefined && presetReady === null) fail('serving.start.readyUrl', 'is required (only a serving.preset other than "json" gives a default)');
  const readyUrl = start.readyUrl === undefined ? presetReady!.url : interpolateEnv(start.readyUrl, 'serving.start.readyUrl', env, secrets);
  const port = start.port ?? null;
  checkUrl('serving.start.readyUrl', start.readyUrl ?? readyUrl, readyUrl, port, fail);
  return {
    command: start.command,
    cwd: start.cwd ? at(start.cwd) : rootDir,
    env: interpolateMap(start.env ?? {}, 'serving.start.env', env, secrets),
    readyUrl,
    // The preset's check reads the body of its own readiness URL only; a URL the user chose answers as they know.
    readyCheck: start.readyUrl === undefined ? (presetReady?.check ?? null) : null,
    readyTimeoutMs: start.readyTimeoutMs ?? 30_000,
    port,
    stopTimeoutMs: start.stopTimeoutMs ?? 5_000,
  };
}

/** The `serving` section resolved, and the readiness probe its preset suggests (null for the plain JSON protocol). */
export interface ResolvedServingSection {
  serving: ServingOptions;
  presetReady: ResolvedPreset['ready'] | null;
}

/** The `serving` section with defaults, env placeholders, preset and mappers resolved; URLs checked. */
export function resolveServing(
  s: ServingConfig,
  sourceKey: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
  fail: (p: string, problem: string) => never,
): ResolvedServingSection {
  const port = s.start?.port ?? null;
  const configuredUrl = checkUrl('serving.url', s.url, interpolateEnv(s.url, 'serving.url', env, secrets), port, fail);
  const request = s.request ?? {};
  const response = s.response ?? {};
  const preset = resolveServingPreset(s, configuredUrl, sourceKey, fail);
  const url = preset?.url ?? configuredUrl;
  const one = preset ? singleRowOf(preset) : null;
  let batch: ServingOptions['batch'] = null;
  if (s.batch) {
    const b = s.batch;
    const defaultUrl = preset ? preset.url : `${url.replace(/\/+$/, '')}/batch`;
    const batchUrl = b.url === undefined ? defaultUrl : checkUrl('serving.batch.url', b.url, interpolateEnv(b.url, 'serving.batch.url', env, secrets), port, fail);
    const br = b.request ?? {};
    const bs = b.response ?? {};
    batch = {
      url: batchUrl,
      size: b.size ?? 64,
      request: typeof br === 'function' ? br : (preset?.request ?? batchRequestMapper(br.wrap)),
      response: typeof bs === 'function' ? bs : (preset?.response ?? batchResponseExtractor(bs.path)),
    };
  }
  const serving: ServingOptions = {
    url,
    method: s.method ?? 'POST',
    // A replay never sends these (and a cassette's key holds no header): their secrets need not be set.
    headers: interpolateMap(s.headers ?? {}, 'serving.headers', s.replay ? replayEnv(env) : env, secrets),
    timeoutMs: s.timeoutMs ?? 5_000,
    maxResponseBytes: s.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retries: s.retries ?? 3,
    backoff: { initialMs: s.backoff?.initialMs ?? 100, maxMs: s.backoff?.maxMs ?? 2_000 },
    concurrency: s.concurrency ?? 8,
    ratePerSecond: s.ratePerSecond ?? null,
    request: typeof request === 'function' ? request : (one?.request ?? requestMapper(request)),
    response: typeof response === 'function' ? response : (one?.response ?? responseExtractor(response.path)),
    batch,
    maxConsecutiveFailures: s.maxConsecutiveFailures ?? 10,
    axios: s.axios ?? null,
  };
  return { serving, presetReady: preset?.ready ?? null };
}

/**
 * The preset `serving.preset` names, with its settings section checked: present when required, and no section of
 * another preset (a `serving.kserve` under `preset: 'mlflow'` is a mistake, not a no-op). Null for `json`.
 */
function resolveServingPreset(
  s: ServingConfig,
  url: string,
  sourceKey: readonly string[],
  fail: (p: string, problem: string) => never,
): ResolvedPreset | null {
  const name = s.preset ?? 'json';
  for (const [other, key] of Object.entries(PRESET_SETTINGS_KEY)) {
    if (other !== name && s[key] !== undefined) fail(`serving.${key}`, `is set, but serving.preset is ${JSON.stringify(name)} (set serving.preset: "${other}", or remove serving.${key})`);
  }
  if (name === 'json') return null;
  const key = PRESET_SETTINGS_KEY[name];
  if ((name === 'kserve-v2' || name === 'tf-serving') && s[key] === undefined) fail(`serving.${key}`, `is required with serving.preset "${name}": set at least { model: "…" }`);
  if (name === 'feast') {
    const feast = s.feast;
    if (!feast || (feast.features === undefined) === (feast.featureService === undefined)) {
      fail('serving.feast', feast?.features && feast.featureService ? 'must set only one of features, featureService' : 'must set features (a list of feature references) or featureService');
    }
    if (feast!.entities === undefined && sourceKey.length === 0) fail('serving.feast.entities', 'is required: there is no source.key to default to (list the entity join-key columns)');
  }
  const request = s.request;
  if (request !== undefined && typeof request !== 'function' && request.wrap !== undefined) fail('serving.request.wrap', `cannot be used with serving.preset "${name}": the preset builds the body (use a function to replace it)`);
  if (s.response !== undefined && typeof s.response !== 'function') fail('serving.response.path', `cannot be used with serving.preset "${name}": the preset reads the body (use a function to replace it)`);
  const b = s.batch;
  if (b?.request !== undefined && typeof b.request !== 'function') fail('serving.batch.request', `cannot be { wrap } with serving.preset "${name}": the preset builds the body`);
  if (b?.response !== undefined && typeof b.response !== 'function') fail('serving.batch.response', `cannot be { path } with serving.preset "${name}": the preset reads the body`);
  if (s.method !== undefined && s.method !== 'POST') fail('serving.method', `must be "POST" with serving.preset "${name}" (got ${JSON.stringify(s.method)})`);
  const columns = request !== undefined && typeof request !== 'function' ? (request.columns ?? null) : null;
  return resolvePreset(name, s, { url, columns, keys: sourceKey });
}

/** A preset's batch mappers as single-row mappers: one row is a batch of one at the same URL. */
function singleRowOf(preset: ResolvedPreset): { request: RequestMapper; response: ResponseExtractor } {
  return {
    request: (row) => preset.request([row]),
    response: (body, row) => preset.response(body, [row])[0]!,
  };
}

/**
 * `offline: { url, … }` as serving options: every request a batch (`{ rows }` → `{ features }` unless mapped); one row
 * is a batch of one at the same URL, which is how a batch failed by its rows is resent row by row.
 */
export function resolveOfflineHttp(
  o: HttpOfflineConfig,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
  fail: (p: string, problem: string) => never,
): ServingOptions {
  const url = checkUrl('offline.url', o.url, interpolateEnv(o.url, 'offline.url', env, secrets), null, fail);
  const request = typeof o.request === 'function' ? o.request : batchRequestMapper(o.request?.wrap);
  const response = typeof o.response === 'function' ? o.response : batchResponseExtractor(o.response?.path);
  return {
    url,
    method: o.method ?? 'POST',
    headers: interpolateMap(o.headers ?? {}, 'offline.headers', env, secrets),
    timeoutMs: o.timeoutMs ?? 60_000,
    maxResponseBytes: o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retries: o.retries ?? 3,
    backoff: { initialMs: 100, maxMs: 2_000 },
    concurrency: o.concurrency ?? 2,
    ratePerSecond: null,
    request: (row) => request([row]),
    response: (body, row) => response(body, [row])[0]!,
    batch: { url, size: o.batchSize ?? 256, request, response },
    maxConsecutiveFailures: 10,
    axios: null,
  };
}

/** Checks that a URL (after env substitution) is http(s); messages quote the text as written, never secrets. */
function checkUrl(
  configPath: string,
  written: string,
  value: string,
  port: 'auto' | number | null,
  fail: (p: string, problem: string) => never,
): string {
  if (value.includes('${port}') && port === null) fail(configPath, 'uses ${port}, which needs serving.start.port');
  const probe = value.replace(/\$\{port\}/g, '1').replace(/\{[^{}]+\}/g, 'x');
  let protocol = '';
  try {
    protocol = new URL(probe).protocol;
  } catch {
    /* reported below */
  }
  if (protocol !== 'http:' && protocol !== 'https:') fail(configPath, `must be an http(s) URL (got ${JSON.stringify(written)})`);
  return value;
}

/** Substitutes `${env.NAME}` in every value of a map (values become secrets). */
export function interpolateMap(
  map: Record<string, string>,
  configPath: string,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, interpolateEnv(v, `${configPath}.${k}`, env, secrets)]));
}

