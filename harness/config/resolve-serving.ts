import type { ServingOptions, StartOptions } from '../adapters/serving/serving-options';
import { batchRequestMapper, batchResponseExtractor, requestMapper, responseExtractor } from '../adapters/serving/default-mappers';
import { interpolateEnv } from './interpolate-env';
import type { ServingConfig } from './user-config';

/**
 * Default `serving.maxResponseBytes`, 16 MiB: far above any feature vector (a 100k-float embedding is ~2 MB of
 * JSON), while `concurrency` (8) such responses in flight stay within 128 MiB.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The `serving.start` section with defaults, paths and env placeholders resolved. */
export function resolveStart(
  start: NonNullable<ServingConfig['start']> | null,
  at: (p: string) => string,
  rootDir: string,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
): StartOptions | null {
  if (!start) return null;
  return {
    command: start.command,
    cwd: start.cwd ? at(start.cwd) : rootDir,
    env: interpolateMap(start.env ?? {}, 'serving.start.env', env, secrets),
    readyUrl: interpolateEnv(start.readyUrl, 'serving.start.readyUrl', env, secrets),
    readyTimeoutMs: start.readyTimeoutMs ?? 30_000,
    port: start.port ?? null,
    stopTimeoutMs: start.stopTimeoutMs ?? 5_000,
  };
}

/** The `serving` section with defaults, env placeholders and mappers resolved; URLs checked. */
export function resolveServing(
  s: ServingConfig,
  start: StartOptions | null,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
  fail: (p: string, problem: string) => never,
): ServingOptions {
  const url = checkUrl('serving.url', s.url, interpolateEnv(s.url, 'serving.url', env, secrets), start, fail);
  if (start) checkUrl('serving.start.readyUrl', start.readyUrl, start.readyUrl, start, fail);
  const request = s.request ?? {};
  const response = s.response ?? {};
  let batch: ServingOptions['batch'] = null;
  if (s.batch) {
    const b = s.batch;
    const batchUrl = b.url === undefined ? `${url.replace(/\/+$/, '')}/batch` : checkUrl('serving.batch.url', b.url, interpolateEnv(b.url, 'serving.batch.url', env, secrets), start, fail);
    const br = b.request ?? {};
    const bs = b.response ?? {};
    batch = {
      url: batchUrl,
      size: b.size ?? 64,
      request: typeof br === 'function' ? br : batchRequestMapper(br.wrap),
      response: typeof bs === 'function' ? bs : batchResponseExtractor(bs.path),
    };
  }
  return {
    url,
    method: s.method ?? 'POST',
    headers: interpolateMap(s.headers ?? {}, 'serving.headers', env, secrets),
    timeoutMs: s.timeoutMs ?? 5_000,
    maxResponseBytes: s.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retries: s.retries ?? 3,
    backoff: { initialMs: s.backoff?.initialMs ?? 100, maxMs: s.backoff?.maxMs ?? 2_000 },
    concurrency: s.concurrency ?? 8,
    ratePerSecond: s.ratePerSecond ?? null,
    request: typeof request === 'function' ? request : requestMapper(request),
    response: typeof response === 'function' ? response : responseExtractor(response.path),
    batch,
    maxConsecutiveFailures: s.maxConsecutiveFailures ?? 10,
    axios: s.axios ?? null,
  };
}

/** Checks that a URL (after env substitution) is http(s); messages quote the text as written, never secrets. */
function checkUrl(
  configPath: string,
  written: string,
  value: string,
  start: StartOptions | null,
  fail: (p: string, problem: string) => never,
): string {
  if (value.includes('${port}') && start?.port == null) fail(configPath, 'uses ${port}, which needs serving.start.port');
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

