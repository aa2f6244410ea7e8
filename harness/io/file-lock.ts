import { mkdir, open, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { isAlive } from './process-stat';
import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up waiting for another holder after this long. Default 15000 ms. */
  timeoutMs?: number;
  /** Builds the error thrown on timeout, from the holder's pid. */
  onTimeout?: (holderPid: number | null, lockFile: string) => Error;
}

/**
 * Runs `fn` holding an exclusive lock on `file` (a `<file>.lock` created with O_EXCL, holding our pid), so two
 * processes never read-modify-write the same file at once. A lock whose holder is no longer alive (killed with
 * SIGKILL mid-update) is stale and taken over.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const lockFile = `${file}.lock`;
  await mkdir(path.dirname(file), { recursive: true });
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(lockFile);
      if (holder !== null && !isAlive(holder)) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw options.onTimeout?.(holder, lockFile) ?? new Error(`${file} is locked by process ${holder ?? '?'} (${lockFile})`);
      }
      await sleep(25 + Math.floor(Math.random() * 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function readHolder(lockFile: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(lockFile, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
