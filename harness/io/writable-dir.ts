import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Why files could not be written into `dir` (created if missing), or null when they can: the nearest existing
 * ancestor must be a directory we may write to, and `dir` itself, if it exists, a directory. Checks only; creates
 * nothing — so a run can refuse a bad output directory before it starts, instead of failing after the work is done.
 */
export function whyNotWritableDir(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    let stats;
    try {
      stats = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') return `${current}: cannot be read (${code})`;
      const parent = path.dirname(current);
      if (parent === current) return `${current}: does not exist`;
      current = parent;
      continue;
    }
    if (!stats.isDirectory()) return `${current} is a file, not a directory`;
    try {
      accessSync(current, constants.W_OK);
    } catch {
      return `${current}: permission denied (not writable)`;
    }
    return null;
  }
}
