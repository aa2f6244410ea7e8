import type { SideResult } from '../../core/row';

/**
 * Turns one item a pipeline returned for a row into a result: a feature object, or `{"$error": "why"}` for a row
 * the pipeline could not compute. Anything else is an error result that says what arrived instead.
 */
export function toSideResult(item: unknown, where: string): SideResult {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const error = (item as Record<string, unknown>)['$error'];
    if (error !== undefined) return { kind: 'error', message: `${where}: ${String(error)}` };
    return { kind: 'ok', features: item as Record<string, unknown> };
  }
  const got = item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item;
  return { kind: 'error', message: `${where}: expected a feature object, got ${got}` };
}
