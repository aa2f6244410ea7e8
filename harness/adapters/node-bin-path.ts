import { existsSync } from 'node:fs';
import path from 'node:path';

/** Every existing `node_modules/.bin` from `cwd` up to the filesystem root, nearest first (as npm scripts see). */
export function nodeBinDirs(cwd: string): string[] {
  const dirs: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules', '.bin');
    if (existsSync(bin)) dirs.push(bin);
    if (path.dirname(dir) === dir) return dirs;
  }
}

/**
 * `PATH` with the `node_modules/.bin` folders of `cwd` and its parents in front, so `command: ['ts-node', …]` finds
 * the project's own tools exactly as `npm run` would.
 */
export function prependNodeBins(cwd: string, pathValue: string | undefined): string {
  const parts = [...nodeBinDirs(cwd), ...(pathValue ? [pathValue] : [])];
  return parts.join(path.delimiter);
}
