import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The harness version from its package.json, found by walking up from this file (the same code runs from
 * `harness/` under ts-jest and from `dist/harness/` when built).
 */
export const TOOL_VERSION: string = findVersion(__dirname);

function findVersion(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(current, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'skew-harness' && pkg.version) return pkg.version;
    } catch {
      /* not here: keep walking */
    }
    if (path.dirname(current) === current) return '0.0.0';
  }
}
