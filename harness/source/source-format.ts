/**
 * The format of a source file from its name: `.jsonl` and `.ndjson` are JSON Lines, anything else CSV; a `.gz`
 * ending is looked through (`train.jsonl.gz` is JSON Lines, read decompressed). The config's `source.format` and
 * `skew drift --format` override it.
 */
export function formatFromPath(file: string): 'csv' | 'jsonl' {
  return /\.(?:jsonl|ndjson)(?:\.gz)?$/i.test(file) ? 'jsonl' : 'csv';
}
