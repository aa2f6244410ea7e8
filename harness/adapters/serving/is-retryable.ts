import { isEndpointWide4xx } from '../../core/http-status';
import type { TransportFailureKind } from './transport-failure';

/**
 * Whether an HTTP status is worth retrying: 408 and 429 (the server asks us to come back) and every 5xx (the
 * server or a proxy in front of it failed, which is usually transient: a restart, a cold start, overload).
 * Other 4xx are the request's fault and will fail the same way again.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Whether a request that got no response is worth retrying: refused, reset, broken pipe, unreachable and timed-out
 * connections are (the server restarts, a keep-alive socket was closed under us, a pod is rescheduled). An unknown
 * host, an abort by us, a response over the size limit (the same request gets the same answer) and unclassified
 * errors (an invalid URL) are not.
 */
export function isRetryableFailure(kind: TransportFailureKind): boolean {
  switch (kind) {
    case 'timeout':
    case 'refused':
    case 'reset':
    case 'broken-pipe':
    case 'unreachable':
      return true;
    case 'host-not-found':
    case 'aborted':
    case 'too-large':
    case 'other':
      return false;
  }
}

/**
 * Whether a final (after retries) HTTP status says the endpoint as a whole is unusable, so it counts towards the
 * circuit breaker: 5xx, 408, 429, and the 4xx that every row would get alike (401, 403, 404, 405, 407). A 400 or
 * 422 is about one row's input (generated edge-case rows are meant to provoke those), and proves the server is up.
 */
export function isEndpointFailureStatus(status: number): boolean {
  return isRetryableStatus(status) || isEndpointWide4xx(status);
}
