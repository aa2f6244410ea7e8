import type { FieldPolicy } from './field-policy';
import { numbersMatch } from './numbers';

/**
 * Whether two present values certainly match under `policy`, without allocating: `true` only where
 * `diffValues` (diff.ts) finds nothing. `false` means "not shown equal here", and the caller runs the full
 * comparison, so anything unusual (timestamps, sets, coercion, null vs absent inside objects) may answer `false`.
 * `deep` allows descending into arrays and objects, valid only when everything inside has the same policy and
 * nothing inside is ignored.
 */
export function quickMatch(a: unknown, b: unknown, policy: FieldPolicy, deep: boolean): boolean {
  if (a === null) return b === null;
  if (policy.timestamp !== null) return false;
  switch (typeof a) {
    case 'number':
      // Equal non-zero numbers (the common case) match under every policy; the rest takes the full rules.
      return typeof b === 'number' && ((a === b && a !== 0) || numbersMatch(a, b, policy));
    case 'bigint':
      // The same integer matches under every policy; anything else (a double, a tolerance) takes the full rules.
      return a === b;
    case 'string':
    case 'boolean':
      return a === b;
    case 'object':
      if (!deep || b === null || typeof b !== 'object') return false;
      if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length || policy.arrays !== 'ordered') return false;
        for (let i = 0; i < a.length; i++) if (!quickMatch(a[i], b[i], policy, true)) return false;
        return true;
      }
      return !Array.isArray(b) && quickMatchObjects(a as Record<string, unknown>, b as Record<string, unknown>, policy);
    default:
      return false;
  }
}

/** Both objects have the same own keys and every value quick-matches. (Feature vectors are plain data.) */
function quickMatchObjects(a: Record<string, unknown>, b: Record<string, unknown>, policy: FieldPolicy): boolean {
  let keys = 0;
  for (const k in a) {
    if (!hasOwn(a, k)) continue;
    keys++;
    if (!hasOwn(b, k) || !quickMatch(a[k], b[k], policy, true)) return false;
  }
  for (const k in b) if (hasOwn(b, k)) keys--;
  return keys === 0;
}

/** `Object.hasOwn` spelled so that V8 optimises it inside `for…in` over the same object. */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
