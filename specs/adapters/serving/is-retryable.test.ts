import { isEndpointFailureStatus, isRetryableFailure, isRetryableStatus } from '../../../harness/adapters/serving/is-retryable';
import { classifyTransportError } from '../../../harness/adapters/serving/transport-failure';

describe('retry decisions', () => {
  it('retries 408, 429 and 5xx, not other statuses', () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 422, 600].some(isRetryableStatus)).toBe(false);
  });

  it('retries transient network failures, not unknown hosts, aborts or bad requests', () => {
    expect(['timeout', 'refused', 'reset', 'broken-pipe', 'unreachable'].every((k) => isRetryableFailure(k as never))).toBe(true);
    expect(['host-not-found', 'aborted', 'other'].some((k) => isRetryableFailure(k as never))).toBe(false);
  });

  it('classifies Node and axios error codes', () => {
    expect(classifyTransportError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')).toBe('refused');
    expect(classifyTransportError('ECONNRESET', 'socket hang up')).toBe('reset');
    expect(classifyTransportError('EPIPE', 'write EPIPE')).toBe('broken-pipe');
    expect(classifyTransportError('ECONNABORTED', 'timeout of 100ms exceeded')).toBe('timeout');
    expect(classifyTransportError('ETIMEDOUT', 'connect ETIMEDOUT')).toBe('timeout');
    expect(classifyTransportError('ERR_BAD_RESPONSE', 'stream has been aborted')).toBe('reset');
    expect(classifyTransportError('ENOTFOUND', 'getaddrinfo ENOTFOUND nope')).toBe('host-not-found');
    expect(classifyTransportError('ERR_CANCELED', 'canceled')).toBe('aborted');
    expect(classifyTransportError('ERR_INVALID_URL', 'Invalid URL')).toBe('other');
  });

  it('classifies undici error codes', () => {
    expect(classifyTransportError('UND_ERR_SOCKET', 'other side closed')).toBe('reset');
    expect(classifyTransportError(undefined, 'other side closed')).toBe('reset');
    expect(classifyTransportError('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')).toBe('timeout');
    expect(classifyTransportError('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error')).toBe('timeout');
    expect(classifyTransportError('UND_ERR_ABORTED', 'Request aborted')).toBe('aborted');
    expect(classifyTransportError('UND_ERR_INVALID_ARG', 'invalid header value')).toBe('other');
  });

  it('counts endpoint-wide statuses towards the breaker, per-row ones not', () => {
    expect([401, 403, 404, 405, 429, 500, 503].every(isEndpointFailureStatus)).toBe(true);
    expect([400, 409, 422].some(isEndpointFailureStatus)).toBe(false);
  });
});
