import type { Missing } from './missing';

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

/**
 * Whether two generated values are the same value: `Object.is` for primitives (so `-0` is not `0`), structural
 * equality for JSON objects and arrays.
 */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `values` without repeats (by {@link isSameValue}); of repeats, the first — and so its reason — is kept. */
export function uniqueEdgeValues(values: readonly EdgeValue[]): EdgeValue[] {
  const kept: EdgeValue[] = [];
  for (const candidate of values) {
    if (!kept.some((k) => isSameValue(k.value, candidate.value))) kept.push(candidate);
  }
  return kept;
}
