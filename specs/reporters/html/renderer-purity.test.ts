import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The renderer is pure (no IO, no packages) so it can run anywhere a report can be read; only the reporter file
 * may touch the filesystem, through harness/io. scripts/check-boundaries.ts sees harness/reporters as one folder,
 * so this narrower rule for reporters/html is checked here.
 */
describe('harness/reporters/html imports', () => {
  const dir = path.resolve(__dirname, '../../../harness/reporters/html');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports only core, pure reporter helpers and (the reporter file only) the file writer', (file) => {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const specs = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1] ?? m[2]!);
    for (const spec of specs) {
      expect(spec.startsWith('.')).toBe(true);
      const target = path.relative(path.resolve(dir, '../..'), path.resolve(dir, spec)).split(path.sep).join('/');
      // Whole of core (pure by its own rule), this folder, and the pure files of reporters/ it shares.
      const pure = target.startsWith('core/') || target.startsWith('reporters/html/') || ['reporters/format-value', 'reporters/reporter', 'reporters/reproduce-row', 'reporters/probe-cells', 'reporters/format-segments', 'reporters/format-example-inputs', 'reporters/format-impact', 'reporters/format-batches-resent'].includes(target);
      const io = file === 'html-reporter.ts' && target === 'reporters/file-reporter';
      expect({ target, allowed: pure || io }).toEqual({ target, allowed: true });
    }
  });
});
