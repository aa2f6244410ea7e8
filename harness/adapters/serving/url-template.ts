import type { Row } from '../../core/row';

/** The result of filling a URL template from a row. */
export type FilledUrl = { kind: 'ok'; url: string } | { kind: 'missing'; column: string } | { kind: 'unsafe'; column: string; value: string };

/** A URL with `{column}` placeholders, parsed once and filled per row. */
export interface UrlTemplate {
  /** The template as configured. */
  readonly template: string;
  /** Column names referenced by placeholders, in order of appearance (duplicates kept once). */
  readonly columns: readonly string[];
  /** Fills every placeholder from `row`, URL-encoded; reports the first column that has no value. */
  fill(row: Row): FilledUrl;
}

// `{name}` but not `${name}`: the dollar form belongs to env and port substitution, done before we see the URL.
const PLACEHOLDER = /(?<!\$)\{([^{}\s]+)\}/g;

/**
 * Parses a URL template such as `http://host/users/{user_id}/features?day={day}`. Values are encoded with
 * `encodeURIComponent`, so a key like `a/b c` cannot change the path; a value that is exactly `.` or `..` (a dot
 * segment, which no encoding protects) is refused as `unsafe`. A column that is absent, `null` or `undefined` in
 * the row is reported as missing rather than sent as the text "null".
 *
 * @example
 * parseUrlTemplate('http://h/users/{id}').fill({ id: 'a b' }) // { kind: 'ok', url: 'http://h/users/a%20b' }
 */
export function parseUrlTemplate(template: string): UrlTemplate {
  const parts: Array<{ literal: string } | { column: string }> = [];
  const columns: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const column = match[1]!;
    parts.push({ literal: template.slice(last, match.index) }, { column });
    if (!columns.includes(column)) columns.push(column);
    last = match.index! + match[0].length;
  }
  parts.push({ literal: template.slice(last) });

  const fill = (row: Row): FilledUrl => {
    if (columns.length === 0) return { kind: 'ok', url: template };
    let url = '';
    for (const part of parts) {
      if ('literal' in part) {
        url += part.literal;
        continue;
      }
      const value = row[part.column];
      if (value === undefined || value === null) return { kind: 'missing', column: part.column };
      const text = formatValue(value);
      // "." and ".." are dot segments however they are encoded (URL parsers decode %2E first): they would move the path.
      if (text === '.' || text === '..') return { kind: 'unsafe', column: part.column, value: text };
      url += encodeURIComponent(text);
    }
    return { kind: 'ok', url };
  };

  return { template, columns, fill };
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}
