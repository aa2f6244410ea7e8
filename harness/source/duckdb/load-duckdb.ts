import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';
import { ConfigError } from '../../errors/config-error';
import { SourceError } from '../../errors/source-error';
import type { SourceOptions } from '../source-options';

/** The DuckDB client module, as `import('@duckdb/node-api')` gives it. */
export type DuckDBModule = typeof DuckDB;

/** The package that reads Parquet and runs SQL sources: an optional peer dependency, loaded only when needed. */
export const DUCKDB_PACKAGE = '@duckdb/node-api';

/** The exact command that installs it, named in the error when it is missing. */
export const DUCKDB_INSTALL = `npm install --save-dev ${DUCKDB_PACKAGE}`;

/**
 * Loads DuckDB for a Parquet or SQL source, with a dynamic `import()` so that nothing else (`skew --help`, CSV
 * runs) ever loads the native engine. When the package is not installed the error is one line with the install
 * command, naming the setting that asked for it (`source.path` or `source.sql`). `specifier` is a seam for tests
 * (a module name that does not exist); callers leave it at {@link DUCKDB_PACKAGE}.
 */
export async function loadDuckdb(source: Pick<SourceOptions, 'path' | 'format'>, specifier: string = DUCKDB_PACKAGE): Promise<DuckDBModule> {
  try {
    return await importModule(specifier);
  } catch (error) {
    const missing = isModuleNotFound(error, specifier);
    // Installed but unusable (no native binding for this platform): say what failed instead.
    const why = missing ? `npm install --save-dev ${specifier}` : `${specifier} could not be loaded (${firstLine(error)}); reinstall it: ${DUCKDB_INSTALL}`;
    if (source.format === 'sql') throw new ConfigError('source.sql', `is a query, which is run through DuckDB: ${why}`, { cause: error });
    throw new SourceError(source.path, undefined, `is Parquet, which is read through DuckDB: ${why}`, { configPath: 'source.path', cause: error });
  }
}

/**
 * `import()`, or — where the host forbids dynamic import, as jest's module sandbox does without
 * `--experimental-vm-modules` (a `describeSkew` suite on a Parquet source runs there) — Node's own `require`, which
 * loads the package just as lazily. The client is a CommonJS package, so both give the same module.
 */
async function importModule(specifier: string): Promise<DuckDBModule> {
  try {
    return (await import(specifier)) as DuckDBModule;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG') throw error;
    return createRequire(__filename)(specifier) as DuckDBModule;
  }
}

function isModuleNotFound(error: unknown, specifier: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') return false;
  // A dependency of the package missing is a broken install, not an absent package.
  return String((error as Error).message).includes(`'${specifier}'`);
}

function firstLine(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return String(typeof message === 'string' ? message : error).split('\n')[0]!;
}
