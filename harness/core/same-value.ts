import { stringifyJson } from './stringify-json';

/**
 * Whether two input values are the same value: `Object.is` for primitives (so `-0` is not `0`), structural
 * equality (by JSON text) for objects and arrays. Used for generated values and a contract's allowed values.
 */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return stringifyJson(a) === stringifyJson(b);
}
