import type { FeatureVector, Redactor, Row, SideResult } from '../../core/row';
import { describeValue, isPlainObject } from './default-mappers';
import type { HttpRequest } from './http-client';
import { isEndpointFailureStatus } from './is-retryable';
import type { SendFinal } from './cassette/serving-cassette';
import type { FinalOutcome } from './send-with-retries';
import type { ServingOptions } from './serving-options';
import {
  describeEndpoint,
  formatBadResponse,
  formatInvalidJson,
  formatInvalidUtf8,
  formatRedirect,
  formatMissingUrlColumn,
  formatRequestMappingFailure,
  formatStatusFailure,
  formatTransportFailure,
} from './serving-messages';
import type { UrlTemplate } from './url-template';
import { errorMessage } from '../../errors/error-message';
import { parseJson } from '../../core/lossless-json';
import { UnsendableValueError } from './unsendable-value';
import { stringifyJson } from '../../core/stringify-json';
import type { AbortLike } from './abort-scope';

/** What one request (one row, or one batch) needs besides its rows. */
export interface RequestContext {
  /** Sends a request until its final outcome: the retry loop, or a serving cassette recording or replaying it. */
  send: SendFinal;
  options: ServingOptions;
  urlTemplate: UrlTemplate;
  redact: Redactor;
}

/**
 * How one request ended for its rows. `endpoint` feeds the circuit breaker: `down` when the endpoint failed
 * (no response, 5xx, 404, …), `up` when it answered in a way that proves it works, `untested` when nothing was sent.
 */
export type RequestOutcome =
  | { kind: 'aborted' }
  | { kind: 'done'; results: SideResult[]; endpoint: 'up' | 'down' | 'untested'; message: string | null };

/** Sends one row to the single-row endpoint (URL template filled, request mapper applied) and reads its features. */
export async function sendRow(context: RequestContext, fields: Row, signal: AbortLike): Promise<RequestOutcome> {
  const { options, redact } = context;
  const filled = context.urlTemplate.fill(fields);
  if (filled.kind === 'missing') {
    return untested(1, redact(formatMissingUrlColumn(filled.column, context.urlTemplate.template, options.method)));
  }
  if (filled.kind === 'unsafe') {
    return untested(1, redact(`column ${filled.column} is ${JSON.stringify(filled.value)}, which cannot be put into the URL path of ${context.urlTemplate.template} (a dot segment)`));
  }
  // Built only when a message needs it: stripping credentials per successful row is measurable at 30k req/s.
  const endpoint = (): string => describeEndpoint(options.method, filled.url);
  let body: string | undefined;
  if (options.method !== 'GET') {
    const built = buildBody(options.request, fields);
    if (built instanceof BodyFailure) return untested(1, redact(formatRequestMappingFailure(endpoint(), built.message)), built.unsendable);
    body = built;
  }
  const request: HttpRequest = { method: options.method, url: filled.url, body, signal };
  const outcome = await context.send(request, { method: options.method, url: context.urlTemplate.template });
  return interpret(context, outcome, { endpoint, configPath: 'serving.url', rowCount: 1 }, (json) => [options.response(json, fields)]);
}

/** Sends rows to the batch endpoint as one request and reads one feature vector per row. */
export async function sendBatch(context: RequestContext, rows: Row[], signal: AbortLike): Promise<RequestOutcome> {
  const { options, redact } = context;
  const batch = options.batch!;
  // A batch carries a body, so GET (fine for a single-row lookup by key) becomes POST.
  const method = options.method === 'PUT' ? 'PUT' : 'POST';
  const endpoint = (): string => describeEndpoint(method, batch.url);
  const built = buildBody(batch.request, rows);
  if (built instanceof BodyFailure) return untested(rows.length, redact(formatRequestMappingFailure(endpoint(), built.message)), built.unsendable);
  const outcome = await context.send({ method, url: batch.url, body: built, signal }, { method, url: batch.url });
  return interpret(context, outcome, { endpoint, configPath: 'serving.batch.url', rowCount: rows.length }, (json) => {
    const vectors = batch.response(json, rows);
    if (!Array.isArray(vectors) || vectors.length !== rows.length) {
      const got = Array.isArray(vectors) ? `${vectors.length} feature vectors` : describeValue(vectors);
      throw new Error(`batch response mapping returned ${got} for ${rows.length} rows`);
    }
    return vectors;
  });
}

/** What {@link interpret} needs to word its messages. */
interface RequestTarget {
  /** `POST http://…`, built only when a message needs it. */
  endpoint: () => string;
  /** The config path of the URL (`serving.url`, `serving.batch.url`), for messages that say what to fix. */
  configPath: string;
  /** Rows the request carried. */
  rowCount: number;
}

function interpret(
  context: RequestContext,
  outcome: FinalOutcome,
  target: RequestTarget,
  extract: (json: unknown) => FeatureVector[],
): RequestOutcome {
  const { redact } = context;
  const { endpoint, rowCount } = target;
  if (outcome.kind === 'failure') {
    if (outcome.failure.kind === 'aborted') return { kind: 'aborted' };
    const message = redact(formatTransportFailure(outcome.failure, endpoint(), outcome.attempts, context.options));
    // A response over the size limit proves the endpoint answers: it is this request's error, not an outage.
    const health = outcome.failure.kind === 'too-large' ? 'up' : 'down';
    // Only a request of one row says which row the server could not take.
    const dropped = rowCount === 1 && (outcome.failure.kind === 'reset' || outcome.failure.kind === 'broken-pipe');
    return { kind: 'done', results: repeat(rowCount, { kind: 'error', message, ...(dropped ? { dropped } : {}) }), endpoint: health, message };
  }
  const { status } = outcome;
  if (status >= 300 && status <= 399) {
    const message = redact(formatRedirect(status, endpoint(), outcome.location, target.configPath));
    return { kind: 'done', results: repeat(rowCount, { kind: 'error', message, status }), endpoint: 'down', message };
  }
  if (status < 200 || status > 299) {
    const message = redact(formatStatusFailure(status, endpoint(), outcome.attempts, outcome.body));
    const health = isEndpointFailureStatus(status) ? 'down' : 'up';
    return { kind: 'done', results: repeat(rowCount, { kind: 'error', message, status }), endpoint: health, message };
  }
  const failAll = (message: string): RequestOutcome => ({
    kind: 'done',
    results: repeat(rowCount, { kind: 'error', message: redact(message), status }),
    endpoint: 'up',
    message: null,
  });
  if (outcome.invalidUtf8At !== null) return failAll(formatInvalidUtf8(status, endpoint(), outcome.invalidUtf8At));
  let json: unknown;
  try {
    json = parseJson(outcome.body);
  } catch (error) {
    return failAll(formatInvalidJson(status, endpoint(), errorMessage(error), outcome.body));
  }
  let vectors: FeatureVector[];
  try {
    vectors = extract(json);
  } catch (error) {
    return failAll(formatBadResponse(endpoint(), errorMessage(error)));
  }
  const results = vectors.map((features): SideResult => {
    // Custom mappers are user code: a non-object here must be this row's error, not a crash in the diff later.
    if (isPlainObject(features)) return { kind: 'ok', features };
    const problem = `response mapping returned ${describeValue(features)} instead of a features object`;
    return { kind: 'error', message: redact(formatBadResponse(endpoint(), problem)), status };
  });
  return { kind: 'done', results, endpoint: 'up', message: null };
}

/**
 * Why a request body could not be built (the mapper threw, or returned nothing JSON can encode); `unsendable` when a
 * preset refused a value its protocol cannot carry ({@link UnsendableValueError}) rather than a mapper failing.
 */
class BodyFailure {
  constructor(
    readonly message: string,
    readonly unsendable = false,
  ) {}
}

/** The JSON body `map(input)` gives, or why there is none. No closure or wrapper per request: this runs for every row. */
function buildBody<T>(map: (input: T) => unknown, input: T): string | BodyFailure {
  try {
    const body = stringifyJson(map(input));
    return body === undefined ? new BodyFailure('the request mapper returned nothing JSON can encode') : body;
  } catch (error) {
    return new BodyFailure(errorMessage(error), error instanceof UnsendableValueError);
  }
}

/**
 * Rows whose request could not be built: never sent, so they say nothing about the endpoint. A value the protocol
 * cannot carry (a URL column with no value, a null in a tensor) skips them as `unsendable`; a request mapper that
 * threw is each row's error, as a bug in user code is.
 */
function untested(rowCount: number, message: string, unsendable = true): RequestOutcome {
  const result: SideResult = unsendable ? { kind: 'skipped', reason: message, unsendable: true } : { kind: 'error', message };
  return { kind: 'done', results: repeat(rowCount, result), endpoint: 'untested', message };
}

function repeat(count: number, result: SideResult): SideResult[] {
  return Array.from({ length: count }, () => ({ ...result }));
}
