/**
 * Why a request got no HTTP response, by name. Node, undici and axios report these as error codes (`ECONNREFUSED`,
 * `UND_ERR_SOCKET`, `ECONNABORTED` + "timeout", `ERR_CANCELED`, …); naming them once here keeps retry decisions and
 * messages independent of the HTTP client.
 */
export type TransportFailureKind =
  | 'timeout'
  | 'refused'
  | 'reset'
  | 'broken-pipe'
  | 'unreachable'
  | 'host-not-found'
  | 'aborted'
  | 'too-large'
  | 'other';

/** A request that got no HTTP response. */
export interface TransportFailure {
  /** What happened, by name. */
  kind: TransportFailureKind;
  /** The underlying error code, when there was one (`ECONNRESET`). */
  code: string | undefined;
  /** The underlying error message, for `other` failures. */
  detail: string;
}

/**
 * Names a low-level failure from its error code and message. `aborted` is decided by the caller (only the caller
 * knows whether it aborted the request itself).
 */
export function classifyTransportError(code: string | undefined, message: string): TransportFailureKind {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET': // undici: "other side closed" — the server closed the connection before answering
      return 'reset';
    case 'EPIPE':
      return 'broken-pipe';
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EAI_AGAIN':
      return 'unreachable';
    case 'ENOTFOUND':
      return 'host-not-found';
    case 'ERR_CANCELED':
    case 'UND_ERR_ABORTED':
      return 'aborted';
  }
  // axios reports a body over `maxContentLength` only in words: the response is cut off, not buffered further.
  if (/maxContentLength size of/i.test(message)) return 'too-large';
  // axios reports its own timer as ECONNABORTED "timeout of N ms exceeded", and a body cut off mid-stream as
  // "stream has been aborted" / "aborted": the first is a timeout, the second a reset connection.
  if (/timeout/i.test(message)) return 'timeout';
  if (/socket hang up|aborted|premature close|other side closed/i.test(message)) return 'reset';
  return 'other';
}
