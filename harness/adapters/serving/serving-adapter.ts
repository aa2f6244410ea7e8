import type { Redactor, SideResult } from '../../core/row';
import { ServingCassetteError } from '../../errors/cassette-error';
import { ConfigError } from '../../errors/config-error';
import type { SkewError } from '../../errors/skew-error';
import { ServingAuthError, ServingError } from '../../errors/serving-error';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';
import { AbortScope, type AbortLike } from './abort-scope';
import { createCircuitBreaker } from './circuit-breaker';
import { createConcurrencyLimiter } from './concurrency-limiter';
import { CassetteMissError, type SendFinal, type ServingCassette } from './cassette/serving-cassette';
import { createHttpClient, type HttpClient } from './http-client';
import { sendWithRetries } from './send-with-retries';
import { createMessageRedactor } from './message-redactor';
import { createRateLimiter } from './rate-limiter';
import { isRowCausedBatchFailure, sendOneByOne } from './batch-fallback';
import { sendBatch, sendRow, type RequestContext, type RequestOutcome } from './row-requests';
import type { ServingOptions } from './serving-options';
import { describeEndpoint, SKIPPED_ABORTED } from './serving-messages';
import { createServingStats, type ServingStats } from './serving-stats';
import { parseUrlTemplate } from './url-template';

/** Statuses that refuse the run's credentials (before any row was answered, no row ever will be). */
const AUTH_STATUSES: readonly number[] = [401, 403, 407];

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
  let answeredOnce = false;
  // The rows of the last request the endpoint answered in full: the health check of a streak of failures.
  let lastAnswered: readonly AdapterRow[] | null = null;
  const stillAnswers = async (adapterRows: readonly AdapterRow[], signal: AbortLike): Promise<boolean> => {
    const rows = adapterRows.map((row) => row.fields);
    const outcome = options.batch && rows.length > 1 ? await sendBatch(requests, rows, signal) : await sendRow(requests, rows[0]!, signal);
    return outcome.kind !== 'aborted' && outcome.endpoint === 'up' && outcome.results.every((r) => r.kind === 'ok');
  };

  const compute = async (rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> => {
    if (closed) throw new ServingError(`serving adapter used after close(): ${description}`, { attempts: 0 });
    const { signal, onResult } = computeOptions;
    // Streaming, results go to onResult only: which rows are settled is all this call keeps.
    const stream = computeOptions.streamResults === true && onResult !== undefined;
    const results = stream ? [] : new Array<SideResult | undefined>(rows.length);
    const settled = new Uint8Array(rows.length);
    // One scope per call: the caller's abort, the breaker opening and a throwing onResult all stop this call.
    const run = new AbortScope();
    const forwardAbort = (): void => run.abort();
    if (signal?.aborted) run.abort();
    signal?.addEventListener('abort', forwardAbort, { once: true });

    let callbackError: { error: unknown } | null = null;
    let endingError: SkewError | undefined;
    const settle = (index: number, result: SideResult): void => {
      settled[index] = 1;
      if (!stream) results[index] = result;
      if (!onResult || callbackError) return;
      try {
        onResult(index, result);
      } catch (error) {
        callbackError = { error };
        run.abort();
      }
    };

    const batchSize = options.batch?.size ?? 1;
    const unitCount = Math.ceil(rows.length / batchSize);
    // One request's rows (a batch, or one row), start to settled results.
    const runUnit = async (unit: number): Promise<void> => {
      const first = unit * batchSize;
      const unitRows = rows.slice(first, first + batchSize);
      try {
        let outcome: RequestOutcome = options.batch
          ? await sendBatch(requests, unitRows.map((row) => row.fields), run)
          : await sendRow(requests, unitRows[0]!.fields, run);
        // One row the batch endpoint cannot handle must not cost its whole batch: resend the rows one by one.
        if (options.batch && unitRows.length > 1 && isRowCausedBatchFailure(outcome)) outcome = await sendOneByOne(requests, unitRows.map((row) => row.fields), run);
        if (outcome.kind === 'aborted' || run.aborted) return;
        const { results: unitResults } = outcome;
        let okCount = 0;
        for (let i = 0; i < unitResults.length; i++) if (unitResults[i]!.kind === 'ok') okCount++;
        if (okCount > 0) answeredOnce = true;
        // Refused or redirected before any row was ever answered: the configuration is wrong, and every row would get
        // the same answer (later, a 403 may be one row's WAF rule).
        const misconfigured = answeredOnce ? undefined : configurationError(unitResults, options.batch ? 'serving.batch.url' : 'serving.url');
        if (misconfigured) {
          endingError ??= misconfigured;
          run.abort();
          return;
        }
        if (outcome.endpoint === 'up') {
          breaker.recordSuccess();
          if (okCount === unitResults.length) lastAnswered = unitRows;
        }
        for (let i = 0; i < unitResults.length; i++) settle(first + i, unitResults[i]!);
        if (outcome.endpoint === 'down' && breaker.recordFailure(outcome.message ?? 'request failed')) {
          // Before declaring the endpoint down, ask it again for rows it answered before: if it still answers, the
          // streak was rows it cannot handle (a crash on odd input resets the connection), not a dead endpoint.
          if (lastAnswered && (await stillAnswers(lastAnswered, run))) breaker.reset();
          else {
            breaker.open();
            run.abort();
          }
        }
      } catch (error) {
        run.abort();
        if (!(error instanceof CassetteMissError) || !cassette) throw error;
        endingError ??= cassetteMiss(cassette.label, unitRows.map((row) => row.key), error.endpoint);
      }
    };

    let next = 0;
    const worker = async (): Promise<void> => {
      while (!run.aborted && breaker.openReason === null && next < unitCount) await runUnit(next++);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(options.concurrency, unitCount) }, worker));
    } finally {
      signal?.removeEventListener('abort', forwardAbort);
    }

    const skipped: SideResult = { kind: 'skipped', reason: breaker.openReason ?? SKIPPED_ABORTED };
    for (let i = 0; i < rows.length; i++) if (settled[i] === 0) settle(i, { ...skipped });
    if (callbackError) throw (callbackError as { error: unknown }).error;
    if (endingError) throw endingError;
    return results as SideResult[];
  };

  return {
    side: 'online',
    description,
    get unavailable() {
      return breaker.openReason;
    },
    get stats() {
      return stats.snapshot();
    },
    compute,
    async close() {
      closed = true;
      client?.close();
    },
  };
}

/** `serving cassette DIR has no answer for row 42 (POST /features); record it again with --record-serving DIR` */
function cassetteMiss(label: string, keys: readonly string[], endpoint: string): ServingCassetteError {
  const rows = keys.length === 1 ? `row ${keys[0]}` : `rows ${keys.slice(0, 3).join(', ')}${keys.length > 3 ? ` (+${keys.length - 3} more)` : ''}`;
  return new ServingCassetteError(`serving cassette ${label} has no answer for ${rows} (${endpoint}); record it again with --record-serving ${label}`);
}

/** The error that ends the run when a request's rows say the configuration is wrong: refused credentials, a redirect. */
function configurationError(results: readonly SideResult[], urlPath: string): ServingAuthError | ConfigError | undefined {
  for (const result of results) {
    if (result.kind !== 'error' || result.status === undefined) continue;
    if (AUTH_STATUSES.includes(result.status)) {
      return new ServingAuthError(`serving refused the credentials: ${result.message} — check serving.headers and the environment variables they read`, result.status);
    }
    if (result.status >= 300 && result.status <= 399) return new ConfigError(urlPath, `answers with a redirect: ${result.message}`);
  }
  return undefined;
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

function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url.replace(/\{[^{}\s]+\}/g, 'x')).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}
