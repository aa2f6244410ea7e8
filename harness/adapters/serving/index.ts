/**
 * The HTTP serving adapter and the local-server starter. Listed by name, types first; everything not listed here
 * is internal to this folder.
 */
export type {
  ServingOptions,
  StartOptions,
  BatchOptions,
  RequestMapper,
  ResponseExtractor,
  BatchRequestMapper,
  BatchResponseExtractor,
} from './serving-options';
export type { ServingAdapter, ServingAdapterContext } from './serving-adapter';
export type { ServingStats } from './serving-stats';
export type { LatencySummary } from './latency-histogram';
export type { TransportFailureKind } from './transport-failure';
export type { LocalServer, StartContext } from './local-server';
export type { BackoffBounds } from './backoff';
export type { ServingCassette, ServingCassetteOptions } from './cassette/serving-cassette';

export { createServingAdapter } from './serving-adapter';
export { openServingCassette } from './cassette/serving-cassette';
export {
  defaultRequest,
  defaultResponse,
  defaultBatchRequest,
  defaultBatchResponse,
  requestMapper,
  responseExtractor,
  batchRequestMapper,
  batchResponseExtractor,
} from './default-mappers';
export { startLocalServer } from './local-server';
export { stopAllLocalServers } from './server-cleanup';
export { findFreePort } from './free-port';
export { computeBackoffMs, computeRetryDelayMs, parseRetryAfterMs } from './backoff';
export { isRetryableStatus, isRetryableFailure } from './is-retryable';
export { parseUrlTemplate } from './url-template';
