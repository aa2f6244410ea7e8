import { parseJson } from '../../../core/lossless-json';
import { canonicalJson } from '../../../core/canonical-json';
import type { Redactor } from '../../../core/row';
import type { FinalOutcome } from '../send-with-retries';
import type { TransportFailureKind } from '../transport-failure';

/**
 * The on-disk form of a serving cassette: one file per endpoint, a header line, then one canonical JSON record per
 * line, sorted by request and answer number, so recording the same answers again gives the same bytes.
 *
 * ```
 * {"cassette":1,"endpoint":"POST /features"}
 * {"answer":{"attempts":1,"body":"{\"features\":{…}}","status":200},"n":0,"request":{"body":{"age":31},"method":"POST","target":"/features"}}
 * ```
 */

/** Format version written in every cassette file's header line. */
export const CASSETTE_VERSION = 1;

/** The endpoint a request was sent to, as configured: the method and the URL (a `{column}` template or not). */
export interface CassetteEndpoint {
  method: string;
  /** The configured URL; only its path is kept (the origin changes between a local port and staging). */
  url: string;
}

/**
 * A request as a cassette keys it: method, path and query of the URL actually sent (secrets replaced by `***`),
 * and the JSON body parsed (written back with sorted keys and canonical numbers). The origin, credentials in the URL
 * and every header (auth, dates, request ids, user agent) are never part of it.
 */
export interface CassetteRequest {
  method: string;
  target: string;
  body: unknown;
}

/** The final answer to one request (after retries), as replayed. */
export type CassetteAnswer =
  | { kind: 'response'; status: number; body: string; invalidUtf8At: number | null; location: string | undefined; attempts: number }
  | { kind: 'failure'; failure: { kind: Exclude<TransportFailureKind, 'aborted'>; code: string | undefined; detail: string }; attempts: number };

/** `POST /features`: how messages and file headers name an endpoint. */
export function describeCassetteEndpoint(endpoint: CassetteEndpoint): string {
  return `${endpoint.method} ${pathOf(endpoint.url)}`;
}

/** The endpoint's file name: `post-features.jsonl`, `get-users-user_id-features.jsonl`. */
export function cassetteFileName(endpoint: CassetteEndpoint): string {
  const slug = `${endpoint.method}-${pathOf(endpoint.url)}`.toLowerCase().replace(/[^a-z0-9._]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'root'}.jsonl`;
}

/** The cassette form of a request about to be sent, every string in it redacted. */
export function cassetteRequest(method: string, url: string, body: string | undefined, redact: Redactor): CassetteRequest {
  return { method, target: redact(targetOf(url)), body: body === undefined ? null : redactStrings(parseBody(body), redact) };
}

/** The lookup key of a request: its canonical JSON. */
export function cassetteKey(request: CassetteRequest): string {
  return canonicalJson(request);
}

/**
 * The answer to store for a final outcome, redacted (a server that echoes a token must not write it to disk), or
 * `null` for an outcome that is no answer (aborted by us).
 */
export function toCassetteAnswer(outcome: FinalOutcome, redact: Redactor): CassetteAnswer | null {
  if (outcome.kind === 'response') {
    return { kind: 'response', status: outcome.status, body: redact(outcome.body), invalidUtf8At: outcome.invalidUtf8At, location: outcome.location === undefined ? undefined : redact(outcome.location), attempts: outcome.attempts };
  }
  const { failure } = outcome;
  if (failure.kind === 'aborted') return null;
  return { kind: 'failure', failure: { kind: failure.kind, code: failure.code, detail: redact(failure.detail) }, attempts: outcome.attempts };
}

/** The outcome a replayed answer stands for; latency 0 (nothing was sent). */
export function fromCassetteAnswer(answer: CassetteAnswer): FinalOutcome {
  if (answer.kind === 'failure') return { kind: 'failure', failure: { ...answer.failure }, attempts: answer.attempts };
  return { kind: 'response', status: answer.status, body: answer.body, invalidUtf8At: answer.invalidUtf8At, retryAfter: undefined, location: answer.location, latencyMs: 0, attempts: answer.attempts };
}

/** One file's text: the header line, then each request's answers in order, requests sorted by key. */
export function formatCassetteFile(endpoint: string, entries: ReadonlyMap<string, { request: CassetteRequest; answers: readonly CassetteAnswer[] }>): string {
  const lines = [canonicalJson({ cassette: CASSETTE_VERSION, endpoint })];
  const keys = [...entries.keys()].sort();
  for (const key of keys) {
    const { request, answers } = entries.get(key)!;
    answers.forEach((answer, n) => lines.push(canonicalJson({ request, n, answer: answerRecord(answer) })));
  }
  return `${lines.join('\n')}\n`;
}

/** A parsed line: the header, or one answer. */
export type CassetteLine = { kind: 'header'; endpoint: string } | { kind: 'answer'; request: CassetteRequest; n: number; answer: CassetteAnswer };

/** Parses one line of a cassette file; throws an `Error` saying what is wrong with it. */
export function parseCassetteLine(line: string): CassetteLine {
  const value: unknown = JSON.parse(line);
  if (!isRecord(value)) throw new Error('not a JSON object');
  if ('cassette' in value) {
    if (value['cassette'] !== CASSETTE_VERSION) throw new Error(`cassette format ${JSON.stringify(value['cassette'])} is not supported (expected ${CASSETTE_VERSION})`);
    if (typeof value['endpoint'] !== 'string') throw new Error('the header has no endpoint');
    return { kind: 'header', endpoint: value['endpoint'] };
  }
  const request = value['request'];
  const answer = value['answer'];
  const n = value['n'];
  if (!isRecord(request) || typeof request['method'] !== 'string' || typeof request['target'] !== 'string' || !('body' in request)) throw new Error('"request" must be { method, target, body }');
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error('"n" must be a non-negative integer');
  if (!isRecord(answer) || typeof answer['attempts'] !== 'number') throw new Error('"answer" must have "attempts"');
  const attempts = answer['attempts'];
  let parsed: CassetteAnswer;
  if (isRecord(answer['failure'])) {
    const f = answer['failure'];
    if (typeof f['kind'] !== 'string' || typeof f['detail'] !== 'string') throw new Error('"answer.failure" must be { kind, detail }');
    parsed = { kind: 'failure', failure: { kind: f['kind'] as Exclude<TransportFailureKind, 'aborted'>, code: typeof f['code'] === 'string' ? f['code'] : undefined, detail: f['detail'] }, attempts };
  } else {
    if (typeof answer['status'] !== 'number' || typeof answer['body'] !== 'string') throw new Error('"answer" must have "status" and "body" (or "failure")');
    const at = answer['invalidUtf8At'];
    const location = answer['location'];
    parsed = { kind: 'response', status: answer['status'], body: answer['body'], invalidUtf8At: typeof at === 'number' ? at : null, location: typeof location === 'string' ? location : undefined, attempts };
  }
  return { kind: 'answer', request: { method: request['method'], target: request['target'], body: request['body'] }, n, answer: parsed };
}

/** The stored form of an answer: only what the adapter reads (status, body, a redirect's Location), nothing volatile. */
function answerRecord(answer: CassetteAnswer): Record<string, unknown> {
  if (answer.kind === 'failure') {
    const { kind, code, detail } = answer.failure;
    return { attempts: answer.attempts, failure: { kind, detail, ...(code === undefined ? {} : { code }) } };
  }
  return {
    attempts: answer.attempts,
    status: answer.status,
    body: answer.body,
    ...(answer.invalidUtf8At === null ? {} : { invalidUtf8At: answer.invalidUtf8At }),
    ...(answer.location === undefined ? {} : { location: answer.location }),
  };
}

function pathOf(url: string): string {
  const rest = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const path = rest.replace(/[?#].*$/, '');
  return path === '' ? '/' : path;
}

function targetOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return pathOf(url);
  }
}

function parseBody(body: string): unknown {
  try {
    return parseJson(body);
  } catch {
    return body;
  }
}

function redactStrings(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, redact));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactStrings(v, redact)]));
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
