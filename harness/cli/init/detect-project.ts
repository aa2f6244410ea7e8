import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** What kind of model repository `skew init` is in. */
export interface ProjectKind {
  /** TypeScript is a dependency or a `tsconfig.json` exists: the config is `skew.config.ts`. */
  typescript: boolean;
  /** jest runs TypeScript specs through ts-jest (a dependency, `jest.preset`, or named in a jest config file). */
  tsJest: boolean;
}

/** Detects TypeScript and ts-jest from `package.json` and jest config files in `dir`. */
export function detectProject(dir: string): ProjectKind {
  const pkg = readJson(path.join(dir, 'package.json'));
  const deps = { ...record(pkg?.['dependencies']), ...record(pkg?.['devDependencies']) };
  const jest = record(pkg?.['jest']);
  const jestConfigs = readdirSync(dir).filter((name) => /^jest\.config\.(js|cjs|mjs|ts|cts|mts|json)$/.test(name));
  const tsJest =
    'ts-jest' in deps ||
    String(jest['preset'] ?? '').includes('ts-jest') ||
    JSON.stringify(jest['transform'] ?? {}).includes('ts-jest') ||
    jestConfigs.some((name) => readFileSync(path.join(dir, name), 'utf8').includes('ts-jest'));
  const typescript = tsJest || 'typescript' in deps || existsSync(path.join(dir, 'tsconfig.json'));
  return { typescript, tsJest };
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
