import { createJiti } from 'jiti';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Row, SideResult } from '../../core/row';
import { errorMessage } from '../../errors/error-message';
import { OfflineError } from '../../errors/offline-error';
import { describeLoadFailure } from '../../errors/load-error';
import { withConfigPath } from '../../errors/with-config-path';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';
import { toSideResult } from './to-side-result';

/** The function an offline module exports: a batch of rows in, one feature object per row out (may be async). */
export type BatchFeatureFunction = (rows: Row[]) => unknown[] | Promise<unknown[]>;

/** Options of {@link createModuleAdapter}. */
export interface ModuleAdapterOptions {
  /** Absolute path of the module (`.ts`, `.js`, `.mjs`, `.cjs`). */
  path: string;
  /** Export to call; default `computeFeatures`, then the default export. */
  exportName: string | null;
  /** Rows per call. */
  batchSize: number;
  /** A call that takes longer fails the side (an OfflineError). Default 300000. */
  timeoutMs?: number;
  /**
   * The rows were chosen by key (`--keys`), most likely because they fail: then the module is never declared broken as
   * a whole for throwing on them. Default `false`.
   */
  chosenRows?: boolean;
}

/**
 * Offline features from a TS/JS module, loaded in-process with jiti (TypeScript and ESM without a build step).
 * Rows are passed as copies, so a pipeline that mutates its input cannot corrupt the sample. A batch that throws
 * is retried row by row, so one bad row fails alone instead of taking its whole batch with it.
 */
export async function createModuleAdapter(options: ModuleAdapterOptions): Promise<FeatureAdapter> {
  const fn = await loadBatchFunction(options);
  const name = `${path.basename(options.path)}#${options.exportName ?? 'computeFeatures'}`;

  async function callBatch(rows: readonly AdapterRow[]): Promise<SideResult[]> {
    const output = await withTimeout(Promise.resolve(fn(rows.map((r) => structuredClone(r.fields)))), options.timeoutMs ?? 300_000, name, rows.length);
    if (!Array.isArray(output)) throw new OfflineError(`offline module ${name} returned ${typeof output}, expected an array of feature objects`);
    if (output.length !== rows.length) {
      throw new OfflineError(`offline module ${name} returned ${output.length} feature objects for ${rows.length} rows`);
    }
    return output.map((item, i) => toSideResult(item, `offline row ${rows[i]!.key}`));
  }

  return {
    side: 'offline',
    description: `module ${path.relative(process.cwd(), options.path) || options.path}`,
    async compute(rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> {
      const results: SideResult[] = [];
      for (let start = 0; start < rows.length; start += options.batchSize) {
        computeOptions.signal?.throwIfAborted();
        const batch = rows.slice(start, start + options.batchSize);
        let batchResults: SideResult[];
        try {
          batchResults = await callBatch(batch);
        } catch (error) {
          if (error instanceof OfflineError) throw error;
          batchResults = batch.length === 1 ? [thrownResult(error, name)] : await callRowByRow(batch);
        }
        batchResults.forEach((result, i) => computeOptions.onResult?.(start + i, result));
        results.push(...batchResults);
      }
      return results;
    },
    async close() {},
    // Proves the module computes before serving is sent anything: a module that throws on each of the first rows,
    // alone, is broken as a whole (an import-time bug, a wrong signature), not a row the pipeline cannot compute.
    // Fewer rows, or rows chosen by key, cannot tell that from rows it rightly rejects: their errors stay theirs.
    async warmUp(rows: readonly AdapterRow[], signal?: AbortSignal): Promise<void> {
      const tried = rows.slice(0, WARM_UP_ROWS);
      if (tried.length < WARM_UP_ROWS || options.chosenRows) return;
      const results: SideResult[] = [];
      for (const row of tried) {
        signal?.throwIfAborted();
        const [result] = await callRowByRow([row]);
        if (result!.kind !== 'error') return;
        results.push(result!);
      }
      const first = results[0] as Extract<SideResult, { kind: 'error' }>;
      const count = tried.length === 1 ? '1 row tried alone' : `${tried.length} rows tried alone`;
      throw new OfflineError(`offline module ${name} fails on every row it is given (${count}): ${first.message.replace(`offline module ${name} `, '')}`);
    },
  };

  async function callRowByRow(batch: readonly AdapterRow[]): Promise<SideResult[]> {
    const out: SideResult[] = [];
    for (const row of batch) {
      try {
        out.push(...(await callBatch([row])));
      } catch (error) {
        if (error instanceof OfflineError) throw error;
        out.push(thrownResult(error, name));
      }
    }
    return out;
  }
}

/** Rows tried alone by `warmUp` before a module that computes none of them is declared broken. */
const WARM_UP_ROWS = 3;

/** Fails when a batch call takes longer than `ms` (a module that never resolves must not hang the run). */
function withTimeout<T>(promise: Promise<T>, ms: number, name: string, rows: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OfflineError(`offline module ${name} did not answer a batch of ${rows} rows within ${ms} ms; raise offline.timeoutMs if it needs longer`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function thrownResult(error: unknown, name: string): SideResult {
  return { kind: 'error', message: `offline module ${name} threw: ${errorMessage(error)}` };
}

async function loadBatchFunction(options: ModuleAdapterOptions): Promise<BatchFeatureFunction> {
  let mod: Record<string, unknown>;
  try {
    const jiti = createJiti(__filename, { moduleCache: false, fsCache: false });
    mod = (await jiti.import(options.path)) as Record<string, unknown>;
  } catch (error) {
    const failure = describeLoadFailure(options.path, error, (p) => path.resolve(p));
    const where = failure.location ? `${options.path}:${failure.location.line}:${failure.location.column}` : options.path;
    // A module that is not there is the config's to fix; one that does not parse or throws is the module's.
    const missing = !existsSync(options.path);
    const problem = missing ? 'file not found' : failure.problem;
    throw new OfflineError(withConfigPath(`offline module ${where}: ${problem}`, missing ? 'offline.module' : undefined), { cause: error });
  }
  const candidates = options.exportName ? [options.exportName] : ['computeFeatures', 'default'];
  for (const name of candidates) {
    const value = mod[name];
    if (typeof value === 'function') return value as BatchFeatureFunction;
  }
  const exported = Object.keys(mod).filter((k) => k !== '__esModule');
  throw new OfflineError(
    withConfigPath(
      `offline module ${options.path} has no function export ${candidates.map((c) => `"${c}"`).join(' or ')} (exports: ${exported.join(', ') || 'none'})`,
      options.exportName ? 'offline.export' : 'offline.module',
    ),
  );
}
