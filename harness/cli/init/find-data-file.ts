import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const DATA_FILE = /\.(csv|jsonl|ndjson)(\.gz)?$/i;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'reports']);
const MAX_DEPTH = 4;

/**
 * The first CSV or JSON Lines file under `root`, breadth first, names sorted (so the same repo gives the same
 * answer): `node_modules`, build output and hidden folders are skipped. `null` when there is none.
 */
export function findDataFile(root: string): string | null {
  let level = [root];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      } catch {
        continue;
      }
      const file = entries.find((e) => e.isFile() && DATA_FILE.test(e.name));
      if (file) return path.join(dir, file.name);
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) next.push(path.join(dir, e.name));
    }
    level = next;
  }
  return null;
}
