export type { SkewErrorCode } from './skew-error';
export { SkewError, isSkewError } from './skew-error';
export { ConfigError } from './config-error';
export { UsageError } from './usage-error';
export { SourceError } from './source-error';
export { OfflineError } from './offline-error';
export { ServingError, ServingExitedError, ServingStartError } from './serving-error';
export { GoldenError } from './golden-error';
export { errorMessage } from './error-message';
