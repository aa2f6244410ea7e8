import { RELATION_TOLERANCE } from './hint-thresholds';
import { stringifyJson } from '../../core/stringify-json';

/**
 * Whether two feature values are the same for rename detection: numbers within a relative 1e-4 (a renamed
 * feature may also be recomputed), everything else by its JSON text.
 */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return a === b || Math.abs(a - b) <= RELATION_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return stringifyJson(a) === stringifyJson(b);
}
