import type { TransportFailure } from './transport-failure';

/**
 * Every message the serving adapter writes is built here, from data, so wording stays consistent and is tested in
 * one place. Nothing here redacts: the adapter passes each finished message through its redactor.
 */

/** Removes `user:pass@` from every URL in `text`. */
export function stripUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1');
}

/** `POST http://127.0.0.1:8080/features`, without credentials. */
export function describeEndpoint(method: string, url: string): string {
  return `${method} ${stripUrlCredentials(url)}`;
}

function afterAttempts(attempts: number): string {
  return attempts > 1 ? ` after ${attempts} attempts` : '';
}

/** The start of a response body, on one line, for error messages (servers often say what was wrong in it). */
export function snippet(body: string, max = 200): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** `HTTP 503 from POST http://… after 4 attempts: <body start>` */
export function formatStatusFailure(status: number, endpoint: string, attempts: number, body: string): string {
  const start = snippet(body);
  return `HTTP ${status} from ${endpoint}${afterAttempts(attempts)}${start ? `: ${start}` : ''}`;
}

/** The limits a transport failure message may name. */
export interface RequestLimits {
  /** `serving.timeoutMs`. */
  timeoutMs: number;
  /** `serving.maxResponseBytes`. */
  maxResponseBytes: number;
}

/** `Request timed out after 5000 ms: POST http://…`, `Connection refused: POST http://… after 4 attempts`. */
export function formatTransportFailure(
  failure: TransportFailure,
  endpoint: string,
  attempts: number,
  limits: RequestLimits,
): string {
  const suffix = `${endpoint}${afterAttempts(attempts)}`;
  switch (failure.kind) {
    case 'timeout':
      return `Request timed out after ${limits.timeoutMs} ms: ${suffix}`;
    case 'refused':
      return `Connection refused: ${suffix}`;
    case 'reset':
      return `Connection reset by the server: ${suffix}`;
    case 'broken-pipe':
      return `Connection closed while sending (EPIPE): ${suffix}`;
    case 'unreachable':
      return `Host unreachable (${failure.code ?? 'network error'}): ${suffix}`;
    case 'host-not-found':
      return `Host not found: ${suffix}`;
    case 'aborted':
      return `Request aborted: ${suffix}`;
    case 'too-large':
      return `Response larger than serving.maxResponseBytes (${formatBytes(limits.maxResponseBytes)}), not read further: ${suffix}`;
    case 'other':
      return `Request failed (${failure.code ? `${failure.code}: ` : ''}${failure.detail}): ${suffix}`;
  }
}

/**
 * A 3xx: redirects are not followed (a feature endpoint that moved is a configuration to fix, and following one to
 * another host would send it the headers). Names where it pointed and the config path that holds the URL.
 */
export function formatRedirect(status: number, endpoint: string, location: string | undefined, configPath: string): string {
  const target = location ? `redirects to ${stripUrlCredentials(snippet(location))}` : 'redirects (no Location header)';
  return `HTTP ${status} from ${endpoint}: ${target}; redirects are not followed — set ${configPath} to the URL that answers`;
}

/**
 * Serving refused the credentials (see `refused-credentials.ts`) of the run's requests or, with `probe`, of the
 * readiness probe of `serving.start`. `failure` is the answer as {@link formatStatusFailure} words it. `headersSent:
 * false` (a probe sent no `serving.headers`) says so, and that a `serving.axios` interceptor's credentials never
 * reach a probe.
 */
export function formatRefusedCredentials(failure: string, options: { probe?: boolean; headersSent?: boolean } = {}): string {
  const whose = options.probe ? ' of the readiness probe' : '';
  const check = options.headersSent === false
    ? 'check serving.headers (none are set; readiness probes do not go through serving.axios)'
    : 'check serving.headers and the environment variables they read';
  return `serving refused the credentials${whose}: ${failure} — ${check}`;
}

/** A 2xx whose body is not UTF-8 (compared as text it would hold U+FFFD instead of what the server sent). */
export function formatInvalidUtf8(status: number, endpoint: string, offset: number): string {
  return `Invalid HTTP ${status} response from ${endpoint}: response is not valid UTF-8 (byte offset ${offset})`;
}

/** `16 MiB = 16777216 bytes`, `1500 bytes`. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (bytes >= 1024 * 1024 && Number.isInteger(mib * 10)) return `${mib} MiB = ${bytes} bytes`;
  const kib = bytes / 1024;
  if (bytes >= 1024 && Number.isInteger(kib * 10)) return `${kib} KiB = ${bytes} bytes`;
  return `${bytes} bytes`;
}

/** A 2xx whose body is not JSON. */
export function formatInvalidJson(status: number, endpoint: string, problem: string, body: string): string {
  const start = snippet(body, 80);
  return `Invalid JSON in HTTP ${status} response from ${endpoint}: ${problem}${start ? ` (body starts: ${start})` : ' (empty body)'}`;
}

/** A 2xx whose JSON the response mapper could not read. */
export function formatBadResponse(endpoint: string, problem: string): string {
  return `Unexpected response from ${endpoint}: ${problem}`;
}

/** The request mapper threw (or its result is not JSON-serialisable). */
export function formatRequestMappingFailure(endpoint: string, problem: string): string {
  return `Could not build the request body for ${endpoint}: ${problem}`;
}

/** A `{column}` of the URL template has no value in the row. */
export function formatMissingUrlColumn(column: string, template: string, method: string): string {
  return `URL template column "${column}" has no value in this row: ${describeEndpoint(method, template)}`;
}

/** Why the circuit breaker opened (also the reason given to every row that was not sent). */
export function formatUnavailable(consecutive: number, last: string): string {
  return `serving unavailable: ${consecutive} consecutive requests failed; last: ${last}`;
}

/** Reason for rows not sent because the caller aborted the run. */
export const SKIPPED_ABORTED = 'not sent: the run was aborted';
