/**
 * How a field failed to match:
 * - `value`: both sides have it, the values differ beyond the field's tolerance;
 * - `type`: the JSON types differ (a number offline, a string online), reported as such whatever the values;
 * - `missing_online` / `missing_offline`: the field is present on one side only — `missing_online` also when serving
 *   said it could not serve the field (a feature store's `NOT_FOUND` / `OUTSIDE_MAX_AGE`; `detail` says `not served:`
 *   and the status), which is never read as a stored null;
 * - `error`: a side failed for the row, so nothing could be compared.
 */
export type MismatchKind = 'value' | 'type' | 'missing_online' | 'missing_offline' | 'error';

/** Every mismatch kind, in report order. */
export const MISMATCH_KINDS: readonly MismatchKind[] = ['value', 'type', 'missing_online', 'missing_offline', 'error'];

/** One field of one row that did not match. The record every report is built from. */
export interface Mismatch {
  /** Row key. */
  key: string;
  /** Top-level feature name (offline name, after renames). */
  field: string;
  /** Full path of the differing value inside the feature: `geo.lat`, `embedding`, `scores[3]`. */
  path: string;
  /** How it failed. */
  kind: MismatchKind;
  /** Offline value; `undefined` when absent. */
  offline?: unknown;
  /** Online value; `undefined` when absent. */
  online?: unknown;
  /** |offline − online| for numbers and instants (ms); the largest element difference for arrays. */
  absDiff?: number;
  /** absDiff / max(|offline|, |online|) for numbers. */
  relDiff?: number;
  /** Extra words for the reader: array lengths and first differing index, error messages, parse failures. */
  detail?: string;
}
