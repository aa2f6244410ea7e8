import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { errorMessage } from '../errors/error-message';
import { UsageError } from '../errors/usage-error';
import { BLOB_FORMAT, BLOB_VERSION, blobFileName, parseBlob, type ShardBlob } from './shard-blob';

/** The blobs of one sharded run, in shard order, or which shards are missing. */
export type ShardBlobSet =
  | { kind: 'complete'; blobs: ShardBlob[] }
  | { kind: 'missing'; total: number; missing: number[]; files: string[] };

/**
 * Reads every `blob-*.json` in `dir` (`shown`: the directory as messages name it). Refuses — one line, exit 2 — an
 * unreadable directory, no blobs, a file that is not a blob of this version, blobs of different runs, harness
 * versions, configs or shard counts (naming two that differ), and a shard present twice. Missing shards are an answer,
 * not an error: the caller says what to do about them.
 */
export async function readShardBlobs(dir: string, shown: string): Promise<ShardBlobSet> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /^blob-.+\.json$/.test(n)).sort();
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${errorMessage(error)}`);
  }
  if (names.length === 0) throw new UsageError(`no shard blobs (blob-*.json) in ${shown}: run the shards with skew run --shard i/n`);
  const blobs: Array<{ file: string; blob: ShardBlob }> = [];
  for (const file of names) {
    let blob: ShardBlob | null;
    try {
      blob = parseBlob(await readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw new UsageError(`${path.join(shown, file)}: not a readable skew blob (${errorMessage(error).split('\n')[0]})`);
    }
    if (!blob) throw new UsageError(`${path.join(shown, file)}: not a skew blob (no "format": "${BLOB_FORMAT}")`);
    if (blob.version !== BLOB_VERSION) throw new UsageError(`${path.join(shown, file)}: blob version ${blob.version}, this skew-harness reads version ${BLOB_VERSION}`);
    blobs.push({ file, blob });
  }
  const first = blobs[0]!;
  for (const other of blobs.slice(1)) {
    for (const [what, of] of [
      ['run id', (b: ShardBlob) => b.runId],
      ['harness version', (b: ShardBlob) => b.harness],
      ['config hash', (b: ShardBlob) => b.configHash],
      ['number of shards', (b: ShardBlob) => String(b.shard.total)],
    ] as const) {
      if (of(other.blob) !== of(first.blob)) {
        throw new UsageError(`${first.file} and ${other.file} in ${shown} differ in ${what} (${of(first.blob)} vs ${of(other.blob)}): merge the blobs of one run only`);
      }
    }
  }
  const total = first.blob.shard.total;
  const byIndex = new Map<number, ShardBlob>();
  for (const { file, blob } of blobs) {
    if (byIndex.has(blob.shard.index)) throw new UsageError(`${shown} holds shard ${blob.shard.index + 1} of ${total} twice (${file})`);
    byIndex.set(blob.shard.index, blob);
  }
  const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) return { kind: 'missing', total, missing, files: missing.map((i) => blobFileName(first.blob.runId, { index: i, total })) };
  return { kind: 'complete', blobs: Array.from({ length: total }, (_, i) => byIndex.get(i)!) };
}

/** "shards 2, 4 of 4 are missing from DIR (blob-…, blob-…)". */
export function describeMissingShards(set: Extract<ShardBlobSet, { kind: 'missing' }>, shown: string): string {
  const { missing, total, files } = set;
  return `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => i + 1).join(', ')} of ${total} ${missing.length === 1 ? 'is' : 'are'} missing from ${shown} (${files.join(', ')})`;
}
