import { stringifyJson } from '../../core/stringify-json';

/**
 * How a set of values can be compared as a distribution: `numeric` when every present value is a number,
 * `categorical` when every present value is a string, boolean or number (and not all numbers), `null` when any
 * value is an object or array (not scalar). Missing values (null, undefined) do not decide the kind; with none
 * present at all the values are `categorical` (a single "null" category).
 */
export type ScalarKind = 'numeric' | 'categorical';

/** The {@link ScalarKind} of all the given value lists taken together, or `null` for non-scalar values. */
export function scalarKindOf(...lists: ReadonlyArray<readonly unknown[]>): ScalarKind | null {
  let numbers = 0;
  let others = 0;
  for (const values of lists) {
    for (const value of values) {
      if (value === null || value === undefined) continue;
      switch (typeof value) {
        case 'number':
          numbers += 1;
          break;
        case 'string':
        case 'boolean':
          others += 1;
          break;
        default:
          return null;
      }
    }
  }
  return numbers > 0 && others === 0 ? 'numeric' : 'categorical';
}

/**
 * The category a value counts under: its JSON text, so the string `"true"` and the boolean `true` (a type
 * skew) are different categories, and null, undefined and NaN all fall in the one missing category `null`.
 */
export function categoryKey(value: unknown): string {
  if (isMissing(value)) return NULL_CATEGORY;
  // JSON would print ±Infinity as null, which is the missing category: spell them out instead.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return stringifyJson(value) ?? NULL_CATEGORY;
}

/** The category of missing values (null, absent, NaN): a category of its own so a change in nulls shows as drift. */
export const NULL_CATEGORY = 'null';

/** Whether a value counts as missing in a distribution: null, undefined or NaN. */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}
