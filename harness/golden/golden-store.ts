import { readdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { GoldenError } from '../errors/golden-error';
import { withFileLock } from '../io/file-lock';
import { isAlive } from '../io/process-stat';
import { writeFileAtomic } from '../io/write-file-atomic';
import { GoldenParseError, parseGolden, serializeGolden } from './golden-format';
import type { GoldenFile } from './golden-record';
import type { GoldenUpdate } from './update-golden';

/** Reads a golden file; `null` when it does not exist. A malformed file is a {@link GoldenError} naming file and line. */
export async function readGoldenFile(file: string): Promise<GoldenFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new GoldenError(`${file}: cannot be read: ${(error as Error).message}`, { cause: error });
  }
  try {
    return parseGolden(text);
  } catch (error) {
    if (error instanceof GoldenParseError) throw new GoldenError(`${file}:${error.line}: ${error.problem}`, { cause: error });
    throw error;
  }
}

/**
 * Read-modify-writes a golden file safely: under an exclusive lock (two concurrent runs cannot interleave), the
 * file is re-read, `update` computes the new content from what is on disk now, and the result is written
 * atomically (temp file in the same directory, fsync, rename) — an interrupted run, even by SIGKILL, leaves the
 * previous file intact. Temp files left by killed writers are removed.
 */
export async function updateGoldenFile(file: string, update: (previous: GoldenFile | null) => GoldenUpdate | null): Promise<GoldenUpdate | null> {
  return withFileLock(
    file,
    async () => {
      await removeStaleTempFiles(file);
      const result = update(await readGoldenFile(file));
      if (result) await writeFileAtomic(file, serializeGolden(result.file));
      return result;
    },
    {
      onTimeout: (pid, lockFile) =>
        new GoldenError(`${file} is being updated by another skew run (pid ${pid ?? '?'}); try again when it finishes, or delete ${lockFile} if no run is active`),
    },
  );
}

/** Writes a would-be golden file elsewhere (`--propose`): atomically, no lock needed. */
export async function writeGoldenProposal(file: string, golden: GoldenFile): Promise<void> {
  await writeFileAtomic(file, serializeGolden(golden));
}

/** Removes `.<name>.<pid>.<rand>.tmp` files of writers that no longer run. */
async function removeStaleTempFiles(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await rm(path.join(dir, name), { force: true });
  }
}
