import type { FeatureVector, Row } from '../core/row';
import type {
  BatchRequestMapper,
  BatchResponseExtractor,
  RequestMapper,
  ResponseExtractor,
} from '../adapters/serving/serving-options';

/** Request body from `{ columns, wrap }`: the chosen columns (default all), optionally nested under `wrap`. */
export function requestFromOptions(options: { columns?: string[] | undefined; wrap?: string | undefined }): RequestMapper {
  const { columns, wrap } = options;
  return (row) => {
    const body = columns ? Object.fromEntries(columns.filter((c) => c in row).map((c) => [c, row[c]])) : row;
    return wrap ? { [wrap]: body } : body;
  };
}

/** Batch body `{ [wrap]: rows }` (default `rows`). */
export function batchRequestFromOptions(options: { wrap?: string | undefined }): BatchRequestMapper {
  const wrap = options.wrap ?? 'rows';
  return (rows) => ({ [wrap]: rows });
}

/**
 * Features at a dotted path of the response body (`features`, `data.features`; `''` = the body itself).
 * Throws a message that says what the body held instead, which becomes the row's error.
 */
export function responseFromPath(path: string): ResponseExtractor {
  return (body: unknown, _row: Row): FeatureVector => {
    const value = atPath(body, path);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(`response has no ${describePath(path)} object (${describeBody(body)})`);
    }
    return value as FeatureVector;
  };
}

/** Feature arrays at a dotted path of a batch response, checked for length. */
export function batchResponseFromPath(path: string): BatchResponseExtractor {
  return (body: unknown, rows: Row[]): FeatureVector[] => {
    const value = atPath(body, path);
    if (!Array.isArray(value)) throw new Error(`batch response has no ${describePath(path)} array (${describeBody(body)})`);
    if (value.length !== rows.length) throw new Error(`batch response has ${value.length} feature objects for ${rows.length} rows`);
    return value.map((item, i) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error(`batch response item ${i} is not an object`);
      return item as FeatureVector;
    });
  };
}

function atPath(body: unknown, path: string): unknown {
  if (path === '') return body;
  let current = body;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function describePath(path: string): string {
  return path === '' ? 'top-level' : `"${path}"`;
}

function describeBody(body: unknown): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return `got ${Array.isArray(body) ? 'an array' : JSON.stringify(body)?.slice(0, 60) ?? typeof body}`;
  const keys = Object.keys(body);
  return keys.length === 0 ? 'got an empty object' : `got keys: ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
}
