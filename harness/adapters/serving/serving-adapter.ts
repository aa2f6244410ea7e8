import type { Redactor, SideResult } from '../../core/row';
import { ServingCassetteError } from '../../errors/cassette-error';
import { ConfigError } from '../../errors/config-error';
import { ServingAuthError, ServingError } from '../../errors/serving-error';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';
import { createCircuitBreaker } from './circuit-breaker';
import { createConcurrencyLimiter } from './concurrency-limiter';
import type { SendFinal, ServingCassette } from './cassette/serving-cassette';
import { createHttpClient, type HttpClient } from './http-client';
import { sendWithRetries } from './send-with-retries';
import { createMessageRedactor } from './message-redactor';
import { createRateLimiter } from './rate-limiter';
import type { RequestContext } from './row-requests';
import { ServingCall, type ServingCallShared } from './serving-call';
import { isLoopbackUrl } from './request-target';
import type { ServingOptions } from './serving-options';
import { describeEndpoint } from './serving-messages';
import { createServingStats, type ServingStats } from './serving-stats';
import { parseUrlTemplate } from './url-template';

/** The serving side of a comparison: an HTTP endpoint, reached through retries, limits and a circuit breaker. */
export interface ServingAdapter extends FeatureAdapter {
  readonly side: 'online';
  /**
   * Why serving was declared unavailable (`serving unavailable: 10 consecutive requests failed; last: …`), or
   * `null`. Once set it stays set: later `compute` calls skip every row at once, and the run is inconclusive.
   */
  readonly unavailable: string | null;
  /** Requests, retries, statuses and latency so far, across all `compute` calls. */
  readonly stats: ServingStats;
}

/** What the adapter takes from its caller besides options. */
export interface ServingAdapterContext {
  /** Hides secrets in every message (header values from env, tokens in URLs). */
  redact?: Redactor;
  /** Float in [0, 1) for backoff jitter; default `Math.random` (tests pass a seeded one). */
  random?: () => number;
  /**
   * Records every final answer into this cassette, or (replay mode) answers from it without opening a connection.
   * A replayed request the cassette has no answer for ends `compute` with a {@link ServingCassetteError} naming the
   * row and the endpoint.
   */
  cassette?: ServingCassette;
  /**
   * The source's key columns (`source.key`): a batch never carries two rows with the same key values, so an endpoint
   * that answers by key cannot swap them (generated rows keep their base row's key).
   */
  keyColumns?: readonly string[];
}

/**
 * Creates the HTTP serving adapter.
 *
 * Rows are pulled by at most `concurrency` workers (100k rows never become 100k pending promises); each HTTP attempt
 * also takes a permit from an adapter-wide limiter (so concurrent `compute` calls share `concurrency`) and a start
 * slot from the rate limiter. A row that fails for good becomes `{ kind: 'error', message, status }`, never a
 * match. After `maxConsecutiveFailures` such failures in a row the breaker opens: requests in flight are aborted,
 * every row not yet answered becomes `{ kind: 'skipped' }`, and {@link ServingAdapter.unavailable} says why.
 * When the first answers refuse the credentials (401, 403, 407) or redirect (3xx), no row ever will be answered:
 * `compute` rejects with a {@link ServingAuthError} or a {@link ConfigError} naming the URL's config path.
 * With `streamResults` (and an `onResult`), each result is handed over once and not kept: `compute` resolves to `[]`.
 *
 * @example
 * const serving = createServingAdapter({ ...resolved.serving }, { redact });
 * const results = await serving.compute(rows, { signal, onResult: (i, r) => progress.tick() });
 * if (serving.unavailable) verdict = 'inconclusive';
 * await serving.close();
 */
export function createServingAdapter(options: ServingOptions, context: ServingAdapterContext = {}): ServingAdapter {
  validateOptions(options);
  const redact = createMessageRedactor(options.headers, [options.url, options.batch?.url ?? ''], context.redact);
  const urlTemplate = parseUrlTemplate(options.url);
  const loopback = [options.url, options.batch?.url ?? options.url].every(isLoopbackUrl);
  const { cassette } = context;
  const replaying = cassette?.mode === 'replay';
  // A replay opens no connection at all: no client, no pool.
  const client: HttpClient | null = replaying
    ? null
    : createHttpClient({
        maxSockets: options.concurrency,
        timeoutMs: options.timeoutMs,
        maxResponseBytes: options.maxResponseBytes,
        headers: options.headers,
        // A proxy from the environment is never right for a server on this machine (and NO_PROXY rarely lists it).
        envProxy: !loopback,
        ...(options.axios ? { axios: options.axios } : {}),
      });
  const stats = createServingStats();
  const breaker = createCircuitBreaker(options.maxConsecutiveFailures);
  const retry = client && {
    client,
    limiter: createConcurrencyLimiter(options.concurrency),
    rate: createRateLimiter(options.ratePerSecond),
    stats,
    retries: options.retries,
    backoff: options.backoff,
    random: context.random ?? Math.random,
  };
  const live: SendFinal = (request) => {
    if (!retry) throw new Error('serving adapter: no HTTP client while replaying');
    return sendWithRetries(retry, request);
  };
  const requests: RequestContext = { options, urlTemplate, redact, send: cassette ? cassette.sender(live, redact) : live };
  const endpointText = options.batch
    ? `${describeEndpoint(options.method === 'PUT' ? 'PUT' : 'POST', options.batch.url)} (batches of ${options.batch.size})`
    : describeEndpoint(options.method, options.url);
  const description = redact(replaying ? `${endpointText}, replayed from ${cassette?.label ?? ''}` : endpointText);
  let closed = false;
  const shared: ServingCallShared = { requests, breaker, cassette, answeredOnce: false, lastAnswered: null, batches: { sent: 0, resentRowByRow: 0, firstResendReason: null }, unsendable: { keys: new Set(), firstReason: null }, sentOnce: false, unread: new Set(), keyColumns: context.keyColumns ?? [] };
  const compute = (rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> => {
    if (closed) return Promise.reject(new ServingError(`serving adapter used after close(): ${description}`, { attempts: 0 }));
    const { signal, onResult } = computeOptions;
    return new ServingCall(shared, rows, onResult, computeOptions.streamResults === true && onResult !== undefined).execute(signal);
  };

  return {
    side: 'online',
    description,
    get unavailable() {
      return breaker.openReason;
    },
    get stats() {
      const { unsendable } = shared;
      return {
        ...stats.snapshot(),
        ...(options.batch ? { batches: { ...shared.batches } } : {}),
        ...(unsendable.keys.size > 0 ? { unsendable: { rows: unsendable.keys.size, firstReason: unsendable.firstReason ?? '' } } : {}),
      };
    },
    compute,
    async close() {
      closed = true;
      client?.close();
    },
  };
}

function validateOptions(options: ServingOptions): void {
  const check = (path: string, url: string): void => {
    if (/\$\{[^}]*\}/.test(url)) {
      throw new ConfigError(path, `still contains a \${…} placeholder after substitution: ${describeEndpoint('', url).trim()}`);
    }
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/\{[^{}\s]+\}/g, 'x'));
    } catch {
      throw new ConfigError(path, `is not a valid URL: ${describeEndpoint('', url).trim()}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ConfigError(path, `must be an http:// or https:// URL (got ${parsed.protocol})`);
    }
  };
  const positiveInteger = (path: string, value: number): void => {
    if (!Number.isInteger(value) || value < 1) throw new ConfigError(path, `must be a positive integer (got ${value})`);
  };
  check('serving.url', options.url);
  positiveInteger('serving.concurrency', options.concurrency);
  if (options.batch) {
    check('serving.batch.url', options.batch.url);
    positiveInteger('serving.batch.size', options.batch.size);
    if (parseUrlTemplate(options.batch.url).columns.length > 0) {
      throw new ConfigError('serving.batch.url', 'cannot contain {column} placeholders: a batch holds many rows');
    }
  }
}
