import type { FeatureVector, Row } from '../../core/row';
import type { BatchRequestMapper, BatchResponseExtractor, RequestMapper } from './serving-options';

/**
 * The request and response mappers of the plain JSON protocol — `POST {…row} → { "features": {…} }`, and for
 * batches `POST { "rows": [...] } → { "features": [...] }` — with the property names and columns the config may
 * change (`serving.request.wrap`, `serving.response.path`, …). Errors thrown here become the row's error result, so
 * they say what was expected and what came instead.
 */

/** Request body for one row: the chosen columns (default all) as a JSON object, optionally nested under `wrap`. */
export function requestMapper(options: { columns?: readonly string[] | undefined; wrap?: string | undefined } = {}): RequestMapper {
  const { columns, wrap } = options;
  return (row) => {
    const body = columns ? Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]])) : row;
    return wrap ? { [wrap]: body } : body;
  };
}

/** Request body for a batch: `{ [wrap]: [row, …] }` (default `rows`). */
export function batchRequestMapper(wrap = 'rows'): BatchRequestMapper {
  return (rows) => ({ [wrap]: rows });
}

/** Features from one response: the object at the dotted `path` of the body (`''` = the body itself). */
export function responseExtractor(path = 'features'): (body: unknown) => FeatureVector {
  const parts = splitPath(path);
  return (body: unknown): FeatureVector => {
    const features = atPath(body, parts, 'object');
    if (!isPlainObject(features)) throw new Error(`response ${describePath(path)} is not an object (got ${describeValue(features)})`);
    return features;
  };
}

/** Features from a batch response: the array at `path`, one object per row in row order. */
export function batchResponseExtractor(path = 'features'): BatchResponseExtractor {
  const parts = splitPath(path);
  return (body: unknown, rows: Row[]): FeatureVector[] => {
    const features = atPath(body, parts, 'array');
    if (!Array.isArray(features)) throw new Error(`response ${describePath(path)} is not an array (got ${describeValue(features)})`);
    if (features.length !== rows.length) throw new Error(`response ${describePath(path)} has ${features.length} entries for a batch of ${rows.length} rows`);
    return features.map((entry: unknown, i) => {
      if (!isPlainObject(entry)) throw new Error(`response ${describePath(path)}[${i}] is not an object (got ${describeValue(entry)})`);
      return entry;
    });
  };
}

/** Request body for one row when the config names none: the row's input columns. */
export const defaultRequest: RequestMapper = requestMapper();
/** Features when the config names none: `body.features`, a JSON object. */
export const defaultResponse = responseExtractor();
/** Batch body when the config names none: `{ "rows": [...] }`. */
export const defaultBatchRequest: BatchRequestMapper = batchRequestMapper();
/** Batch features when the config names none: `body.features`, an array in row order. */
export const defaultBatchResponse: BatchResponseExtractor = batchResponseExtractor();

/** The value at a dotted path; a missing step is an error naming the keys that were there instead. */
/** A dotted path's parts, split once per mapper rather than once per response. */
function splitPath(path: string): readonly string[] {
  return path === '' ? [] : path.split('.');
}

function atPath(body: unknown, parts: readonly string[], expected: 'object' | 'array'): unknown {
  let current = body;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!isPlainObject(current)) throw new Error(`response ${i > 0 ? `${JSON.stringify(parts.slice(0, i).join('.'))} ` : ''}is not a JSON object (got ${describeValue(current)})`);
    if (!(part in current)) throw new Error(`response has no ${JSON.stringify(parts.slice(0, i + 1).join('.'))} ${expected} (got keys: ${describeKeys(current)})`);
    current = current[part];
  }
  return current;
}

function describePath(path: string): string {
  return path === '' ? 'body' : JSON.stringify(path);
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
