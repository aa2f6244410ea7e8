import type { Row } from '../core/row';

/** Format marker and version of the failure memory file. */
export const FAILURES_FORMAT = { format: 'skew-harness/failures', version: 1 } as const;

/**
 * A failing case kept between runs, keyed by data — check + field + row key (training rows) or content hash
 * (generated rows) — never by test code, so it survives renames and refactors of the model repo's tests.
 */
export interface StoredFailure {
  /** Check that failed (`parity`, `generated-parity`). */
  check: string;
  /** Field that differed. */
  field: string;
  /** Training row key, or `gen:<hash>` for a generated row. */
  key: string;
  /** The whole row, for generated rows (they cannot be found in the source again). */
  row?: Row;
}

/** Identity of a stored failure. */
export function failureId(f: Pick<StoredFailure, 'check' | 'field' | 'key'>): string {
  return `${f.check}\u0000${f.field}\u0000${f.key}`;
}
