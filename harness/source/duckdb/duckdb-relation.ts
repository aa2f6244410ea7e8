import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { SourceOptions } from '../source-options';

/** DuckDB's virtual column of a Parquet scan: the index of a row's file among the files the scan reads. */
export const FILE_COLUMN = 'file_index';

/** DuckDB's virtual column of a Parquet scan: a row's 0-based number within its file. */
export const ROW_COLUMN = 'file_row_number';

/** What a Parquet or SQL source reads, as SQL. */
export type DuckdbRelation =
  /**
   * Parquet: `from` scans the file(s); `select` is every column followed by each row's position (its file's index
   * and its row number in that file: virtual columns, only there when asked for); `files` is what the scan reads.
   */
  | { kind: 'parquet'; from: string; select: string; files: string; label: string }
  /** SQL: the user's query as a subquery, run with the config's directory as DuckDB's file search path. */
  | { kind: 'sql'; from: string; select: string; query: string; searchPath: string; label: string };

/**
 * The relation of a Parquet or SQL source: a Parquet file, a glob (`data/*.parquet`, Hive partitions detected from
 * `key=value` folders), or a directory (every `.parquet` file below it, with its `key=value` folders as columns).
 */
export function describeRelation(source: SourceOptions): DuckdbRelation {
  if (source.format === 'sql') {
    // A trailing semicolon is how queries are usually written; inside a subquery it would be a syntax error.
    const sql = (source.sql ?? '').trim().replace(/;+\s*$/, '');
    return { kind: 'sql', from: `(${sql}\n)`, select: '*', query: sql, searchPath: source.path, label: 'source.sql' };
  }
  const file = source.path;
  const directory = isDirectory(file);
  const files = directory ? path.join(file, '**', '*.parquet') : file;
  const hive = directory ? ', hive_partitioning = true' : hasGlob(file) ? '' : ', hive_partitioning = false';
  const from = `read_parquet(${quoteLiteral(files)}${hive})`;
  return { kind: 'parquet', from, select: `*, ${FILE_COLUMN}, ${ROW_COLUMN}`, files, label: file };
}

/** Whether a path has glob characters (DuckDB's: `*`, `?`, `[`). */
export function hasGlob(file: string): boolean {
  return /[*?[]/.test(file);
}

/** Whether `file` is an existing directory. */
export function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Whether `dir` holds a `.parquet` file, in it or in folders below it (a Hive-partitioned table), looking at no more
 * than a few hundred entries: a directory of CSV files stays a directory (and an error), not an empty Parquet table.
 */
export function holdsParquet(dir: string): boolean {
  const queue = [dir];
  let looked = 0;
  while (queue.length > 0 && looked < 500) {
    let entries: Dirent[];
    try {
      entries = readdirSync(queue.shift()!, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      looked += 1;
      if (entry.isFile() && /\.parquet$/i.test(entry.name)) return true;
      if (entry.isDirectory()) queue.push(path.join(entry.parentPath, entry.name));
    }
  }
  return false;
}

/** An SQL string literal. */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** An SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
