import { hasGlob, holdsParquet, isDirectory } from './duckdb/duckdb-relation';
import type { SourceFormat } from './source-options';

/**
 * The format of a source file from its name: `.jsonl` and `.ndjson` are JSON Lines, anything else CSV; a `.gz`
 * ending is looked through (`train.jsonl.gz` is JSON Lines, read decompressed). The config's `source.format` and
 * `skew drift --format` override it.
 */
export function formatFromPath(file: string): 'csv' | 'jsonl' {
  return /\.(?:jsonl|ndjson)(?:\.gz)?$/i.test(file) ? 'jsonl' : 'csv';
}

/**
 * The format of a configured `source.path`: Parquet for a `.parquet` (or `.parq`) file, a glob (`data/*.parquet`)
 * and a directory that holds `.parquet` files (read as Hive-partitioned Parquet); otherwise as {@link formatFromPath}.
 */
export function sourceFormatFromPath(file: string): SourceFormat {
  if (/\.parq(?:uet)?$/i.test(file) || hasGlob(file) || (isDirectory(file) && holdsParquet(file))) return 'parquet';
  return formatFromPath(file);
}
