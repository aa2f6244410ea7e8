/** The data source layer: reads CSV and JSON Lines files as a stream and samples their rows. */
export type { SampleOptions, SourceOptions } from './source-options';
export type { BadRow, SampleResult, SourceColumn } from './sample-result';
export type { ReadSampleOptions } from './read-sample';
export type { PinnedKeys } from './sampling/pinned-keys';
export { MAX_LISTED_BAD_ROWS, PROGRESS_EVERY, readSample } from './read-sample';
export { MAX_STRATA, NULL_STRATUM } from './sampling/stratified';
export { formatFromPath } from './source-format';
export type { LogRecord, ServingLogFields, ServingLogOptions } from './serving-log/serving-log-options';
export type { LogSample, ReadLogOptions } from './serving-log/read-log-sample';
export { readLogSample } from './serving-log/read-log-sample';
export { parseLogTime } from './serving-log/log-time';
