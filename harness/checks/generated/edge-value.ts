import { isSameValue } from '../../core/same-value';
import type { Missing } from './missing';

export { isSameValue };

/**
 * One skew-prone value for a column, with the short reason it was chosen (`negative`, `unseen category`,
 * `dst transition EU spring`), which reports print next to the value.
 */
export interface EdgeValue {
  /** The value as the source reader would produce it (number, boolean, string, JSON), `null`, or {@link MISSING}. */
  value: unknown | Missing;
  /** Why this value: a short lower-case label. */
  reason: string;
}

/** `values` without repeats (by {@link isSameValue}); of repeats, the first — and so its reason — is kept. */
export function uniqueEdgeValues(values: readonly EdgeValue[]): EdgeValue[] {
  const kept: EdgeValue[] = [];
  for (const candidate of values) {
    if (!kept.some((k) => isSameValue(k.value, candidate.value))) kept.push(candidate);
  }
  return kept;
}
