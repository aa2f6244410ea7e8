import type { FeatureVector, Row } from '../../core/row';

/**
 * The mappers used when the config names none: the plain JSON protocol
 * `POST {…row} → { "features": {…} }`, and for batches `POST { "rows": [...] } → { "features": [...] }`.
 * Errors thrown here become the row's error result, so they say what was expected and what came instead.
 */

/** Request body for one row: the row's input columns as a JSON object. */
export function defaultRequest(row: Row): unknown {
  return row;
}

/** Features from one response: `body.features`, which must be a JSON object. */
export function defaultResponse(body: unknown): FeatureVector {
  if (!isPlainObject(body)) throw new Error(`response is not a JSON object (got ${describeValue(body)})`);
  const features = body['features'];
  if (!isPlainObject(features)) {
    if (!('features' in body)) throw new Error(`response has no "features" object (got keys: ${describeKeys(body)})`);
    throw new Error(`response "features" is not an object (got ${describeValue(features)})`);
  }
  return features;
}

/** Request body for a batch: `{ "rows": [row, …] }`. */
export function defaultBatchRequest(rows: Row[]): unknown {
  return { rows };
}

/** Features from a batch response: `body.features`, an array of objects in row order, one per row. */
export function defaultBatchResponse(body: unknown, rows: Row[]): FeatureVector[] {
  if (!isPlainObject(body)) throw new Error(`response is not a JSON object (got ${describeValue(body)})`);
  const features = body['features'];
  if (!Array.isArray(features)) {
    if (!('features' in body)) throw new Error(`response has no "features" array (got keys: ${describeKeys(body)})`);
    throw new Error(`response "features" is not an array (got ${describeValue(features)})`);
  }
  if (features.length !== rows.length) {
    throw new Error(`response "features" has ${features.length} entries for a batch of ${rows.length} rows`);
  }
  return features.map((entry: unknown, i) => {
    if (!isPlainObject(entry)) throw new Error(`response "features"[${i}] is not an object (got ${describeValue(entry)})`);
    return entry;
  });
}

/** True for `{…}` (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a, b, c` (at most 10, then `…`), or `none`. */
function describeKeys(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'none';
  return keys.length > 10 ? `${keys.slice(0, 10).join(', ')}, …` : keys.join(', ');
}

/** `null`, `an array`, `string "abc"`, `number 3`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
