import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { SkewReport } from '../core/report';
import { UsageError } from '../errors/usage-error';
import { readReport } from '../reporters/read-report';
import { mergeShardBlobs } from './merge-blobs';
import { describeMissingShards, readShardBlobs } from './read-shard-blobs';

/**
 * The previous run to compare with (`--baseline`, `report.baseline`): a JSON report, or a directory holding the blobs
 * of a sharded run (merged here exactly as `skew merge` would). A baseline with missing shards is refused: a trend
 * against part of a night would call every field of the missing rows resolved.
 */
export async function readBaseline(file: string, cwd: string): Promise<SkewReport> {
  const isDirectory = await stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDirectory) return readReport(file);
  const shown = path.relative(cwd, file) || file;
  const set = await readShardBlobs(file, shown);
  if (set.kind === 'missing') throw new UsageError(`baseline ${describeMissingShards(set, shown)}: merge a complete run, or pass its report.json`);
  return mergeShardBlobs(set.blobs, cwd).report;
}
