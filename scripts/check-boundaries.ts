/**
 * Checks the architecture's one-way dependencies (run by `npm test`): each folder of harness/ may import only
 * the folders listed for it, and the pure core imports nothing outside itself — no node:, no packages.
 * `core ← {source, adapters, checks, reporters} ← runner ← {cli, index}`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ALLOWED: Record<string, { folders: string[]; external: boolean }> = {
  core: { folders: ['core'], external: false },
  errors: { folders: ['errors'], external: false },
  profile: { folders: ['profile', 'core'], external: false },
  analysis: { folders: ['analysis', 'core'], external: false },
  io: { folders: ['io', 'errors'], external: true },
  source: { folders: ['source', 'core', 'errors', 'io'], external: true },
  adapters: { folders: ['adapters', 'core', 'errors', 'io'], external: true },
  config: { folders: ['config', 'core', 'errors', 'adapters', 'source'], external: true },
  checks: { folders: ['checks', 'core', 'errors', 'adapters', 'profile', 'golden'], external: true },
  reporters: { folders: ['reporters', 'core', 'errors', 'io'], external: true },
  memory: { folders: ['memory', 'core', 'errors', 'io'], external: true },
  golden: { folders: ['golden', 'core', 'errors', 'io'], external: true },
  runner: { folders: ['runner', 'core', 'errors', 'io', 'source', 'adapters', 'config', 'checks', 'reporters', 'profile', 'memory', 'analysis', 'golden', '.'], external: true },
  cli: { folders: ['cli', 'core', 'errors', 'io', 'source', 'adapters', 'config', 'checks', 'reporters', 'runner', 'golden', 'analysis', '.'], external: true },
  jest: { folders: ['jest', 'core', 'errors', 'config', 'reporters', 'runner', 'checks', 'io', 'golden', '.'], external: true },
  '.': { folders: ['.', 'core', 'errors', 'config', 'reporters', 'adapters', 'runner', 'checks', 'source', 'profile', 'golden'], external: true },
};

const harness = path.resolve(__dirname, '..', '..', 'harness');
const problems: string[] = [];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.ts') ? [full] : [];
  });
}

const folderOf = (file: string) => {
  const rel = path.relative(harness, file);
  return rel.includes(path.sep) ? rel.split(path.sep)[0]! : '.';
};

for (const file of walk(harness)) {
  const from = folderOf(file);
  const rule = ALLOWED[from];
  if (!rule) {
    problems.push(`${path.relative(harness, file)}: folder "${from}" has no rule in scripts/check-boundaries.ts`);
    continue;
  }
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:^|[\n;])\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/g)) {
    const spec = match[1] ?? match[2]!;
    if (!spec.startsWith('.')) {
      if (!rule.external) problems.push(`${path.relative(harness, file)}: ${from}/ must stay pure but imports "${spec}"`);
      continue;
    }
    const to = folderOf(path.resolve(path.dirname(file), spec));
    if (!rule.folders.includes(to)) problems.push(`${path.relative(harness, file)}: ${from}/ may not import ${to}/ ("${spec}")`);
  }
}

if (problems.length > 0) {
  process.stderr.write(`Dependency boundaries broken:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('boundaries: ok\n');
}
