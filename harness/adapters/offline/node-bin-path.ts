import * as path from 'node:path';

/**
 * Returns `env` with every `node_modules/.bin` from `cwd` up to the filesystem root put first on PATH, as npm
 * scripts do, so a config can say `['jiti', 'server.ts']` or `['tsx', 'pipeline.ts']` without a global install.
 */
export function withNodeBinPath(env: NodeJS.ProcessEnv, cwd: string): NodeJS.ProcessEnv {
  const bins: string[] = [];
  let dir = path.resolve(cwd);
  for (;;) {
    bins.push(path.join(dir, 'node_modules', '.bin'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [key]: [...bins, env[key] ?? ''].filter(Boolean).join(path.delimiter) };
}
