import type { BatchRequestMapper, BatchResponseExtractor } from '../serving-options';

/** The serving protocols the harness speaks without hand-written mappers. `json` is the plain protocol of the README. */
export type PresetName = 'json' | 'kserve-v2' | 'tf-serving' | 'mlflow' | 'feast';

/** Every preset name, in documentation order. */
export const PRESET_NAMES: readonly PresetName[] = ['json', 'kserve-v2', 'tf-serving', 'mlflow', 'feast'];

/**
 * Reads a readiness probe's JSON body (already known to be a 2xx answer): `null` when the server is ready, otherwise
 * what it said instead (`model state LOADING`), for the message if readiness times out.
 */
export type ReadyCheck = (body: unknown) => string | null;

/**
 * A protocol preset, resolved against the configured base URL: where requests go, how rows become a request body and
 * a response body becomes one feature vector per row, and where readiness is probed. Every preset protocol takes
 * batches natively, so one row is a batch of one at the same URL.
 */
export interface ResolvedPreset {
  /** The preset's name. */
  name: Exclude<PresetName, 'json'>;
  /** The inference endpoint (`http://host:8080/v2/models/churn/infer`). */
  url: string;
  /** Request body for rows. Throws (the rows' error) when a row cannot be put into the protocol. */
  request: BatchRequestMapper;
  /** One feature vector per row, in row order. Throws when the body is not what the protocol promises. */
  response: BatchResponseExtractor;
  /** The readiness URL the readiness probe polls by default, and what its body must say. */
  ready: { url: string; check: ReadyCheck | null };
}
