import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createJiti } from 'jiti';
import { ConfigError, type ConfigErrorLocation } from '../errors/config-error';
import { errorMessage } from '../errors/error-message';
import { describeLoadFailure } from '../errors/load-error';
import { resolveConfig, type ResolveConfigOptions } from './resolve-config';
import type { ResolvedConfig } from './resolved-config';
import { CONFIG_FILE_NAMES } from './config-file-names';

export { CONFIG_FILE_NAMES };

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions extends Omit<ResolveConfigOptions, 'configFile' | 'rootDir'> {
  /** Config file (absolute or relative to `cwd`); found by name in `cwd` when omitted. */
  file?: string | undefined;
  /** Directory to look in and resolve `file` against. Default `process.cwd()`. */
  cwd?: string;
}

/**
 * Finds, loads and resolves the config. TypeScript and ES module configs are loaded with jiti (no build step,
 * no global install); JSON configs are parsed with errors located by line and column.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = findConfigFile(options.file, cwd);
  const raw = await importConfigFile(file);
  return resolveConfig(raw, { ...options, configFile: file, rootDir: path.dirname(file) });
}

/**
 * Like {@link loadConfig}, synchronously — for test registration (jest's `describe` bodies cannot await). ES module
 * configs with top-level await cannot be loaded this way.
 */
export function loadConfigSync(options: LoadConfigOptions = {}): ResolvedConfig {
  const cwd = options.cwd ?? process.cwd();
  const file = findConfigFile(options.file, cwd);
  let raw: unknown;
  if (file.endsWith('.json')) raw = parseJsonConfig(file);
  else {
    try {
      const jiti = createJiti(__filename, { moduleCache: false, fsCache: false, interopDefault: true });
      const mod = jiti(file) as unknown;
      raw = mod !== null && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
    } catch (error) {
      throw describeLoadError(file, error);
    }
  }
  return resolveConfig(raw, { ...options, configFile: file, rootDir: path.dirname(file) });
}

/** The config file to use: the given one (which must exist) or the first default name present in `cwd`. */
export function findConfigFile(file: string | undefined, cwd: string): string {
  if (file !== undefined) {
    const absolute = path.resolve(cwd, file);
    if (!existsSync(absolute)) throw new ConfigError('', 'does not exist', { file: absolute });
    return absolute;
  }
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new ConfigError('', `no config file found in ${cwd} (looked for ${CONFIG_FILE_NAMES.join(', ')}); pass --config FILE`);
}

/** Loads the raw (unvalidated) config object exported by a file. */
export async function importConfigFile(file: string): Promise<unknown> {
  if (file.endsWith('.json')) return parseJsonConfig(file);
  try {
    const jiti = createJiti(__filename, { moduleCache: false, fsCache: false, interopDefault: true });
    return await jiti.import(file, { default: true });
  } catch (error) {
    throw describeLoadError(file, error);
  }
}

function parseJsonConfig(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec(String(error));
    const reason = errorMessage(error).replace(/ in JSON at position \d+.*$/, '').replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
    const location = match ? lineAndColumn(text, Number(match[1])) : undefined;
    throw new ConfigError('', `invalid JSON: ${reason}`, { file, ...(location ? { location } : {}), cause: error });
  }
}

function lineAndColumn(text: string, offset: number): ConfigErrorLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * One line for a config module that could not be loaded. A syntax error names the file, line and column the way
 * editors and terminals link them (`skew.config.ts:2:26: syntax error: Unexpected token, expected ","`); a module
 * that throws while loading names the file and what it threw (see {@link describeLoadFailure}).
 */
function describeLoadError(file: string, error: unknown): ConfigError {
  const failure = describeLoadFailure(file, error, (p) => path.resolve(p));
  return new ConfigError('', failure.problem, { file, ...(failure.location ? { location: failure.location } : {}), cause: error });
}
