import { INPUT_PLACEHOLDER, OUTPUT_PLACEHOLDER, type PipelineFileFormat, type PipelineFiles } from '../adapters/offline/pipeline-files';
import { availableParallelism } from 'node:os';
import type { z } from 'zod';
import { closest } from '../core/closest-name';
import { offlineSchemas } from './config-schema';
import { formatIssue } from './format-issue';
import { interpolateMap, resolveOfflineHttp } from './resolve-serving';
import type { ResolvedOffline } from './resolved-config';
import type { HttpOfflineConfig } from './user-config';

/**
 * Resolves the `offline` section: exactly one of module, command, columns/prefix or url (a misspelt key is named with
 * the option it was closest to), validated against that kind's schema, defaults filled.
 */
export function resolveOffline(
  input: unknown,
  at: (p: string) => string,
  rootDir: string,
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
  fail: (p: string, problem: string) => never,
): ResolvedOffline {
  const o = input as Record<string, unknown>;
  const kinds = (['module', 'command', 'columns', 'http'] as const).filter((k) =>
    k === 'columns' ? 'columns' in o || 'prefix' in o : k === 'http' ? 'url' in o : k in o,
  );
  if (kinds.length === 0) {
    for (const key of Object.keys(o)) {
      const meant = closest(key, ['module', 'command', 'columns', 'prefix', 'url']);
      if (meant) return fail(`offline.${key}`, `is not a known option (did you mean "${meant}"?)`);
    }
  }
  if (kinds.length !== 1) {
    return fail('offline', kinds.length === 0 ? 'must set one of module, command, columns, prefix or url' : `must set only one of ${kinds.map((k) => (k === 'http' ? 'url' : k)).join(', ')}`);
  }
  const kind = kinds[0]!;
  const parsed = offlineSchemas[kind].safeParse(o);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const { path: p, problem } = formatIssue(issue, o, offlineSchemas[kind] as z.ZodType);
    return fail(`offline.${p}`, problem);
  }
  switch (kind) {
    case 'module': {
      const m = parsed.data as z.infer<(typeof offlineSchemas)['module']>;
      return { kind, path: at(m.module), exportName: m.export ?? null, batchSize: m.batchSize ?? 1000, timeoutMs: m.timeoutMs ?? 300_000 };
    }
    case 'command': {
      const c = parsed.data as z.infer<(typeof offlineSchemas)['command']>;
      const files = resolvePipelineFiles(c.command, c.files, c.mode, fail);
      return { kind, command: c.command, cwd: c.cwd ? at(c.cwd) : rootDir, env: interpolateMap(c.env ?? {}, 'offline.env', env, secrets), timeoutMs: c.timeoutMs ?? 300_000, concurrency: c.concurrency ?? availableParallelism(), mode: files ? 'batch' : (c.mode ?? 'auto'), files };
    }
    case 'http':
      return { kind, options: resolveOfflineHttp(parsed.data as HttpOfflineConfig, env, secrets, fail) };
    case 'columns': {
      const c = parsed.data as z.infer<(typeof offlineSchemas)['columns']>;
      if (c.columns && c.prefix) return fail('offline', 'must set either columns or prefix, not both');
      return { kind, columns: c.columns ?? null, prefix: c.prefix ?? null, stripPrefix: c.stripPrefix ?? true };
    }
  }
}

/**
 * Whether the pipeline reads and writes files: `${input}` / `${output}` in `command` (alone or inside an argument),
 * each CSV unless `offline.files` says JSON Lines. `offline.files` without a placeholder, or `mode: 'stream'` with one,
 * is a config error.
 */
function resolvePipelineFiles(
  command: readonly string[],
  files: { input?: PipelineFileFormat | undefined; output?: PipelineFileFormat | undefined } | undefined,
  mode: string | undefined,
  fail: (path: string, problem: string) => never,
): PipelineFiles | null {
  const input = command.some((arg) => arg.includes(INPUT_PLACEHOLDER));
  const output = command.some((arg) => arg.includes(OUTPUT_PLACEHOLDER));
  if (!input && !output) {
    if (files) fail('offline.files', `is set, but offline.command has no ${INPUT_PLACEHOLDER} or ${OUTPUT_PLACEHOLDER} argument to put the files in`);
    return null;
  }
  if (files?.input && !input) fail('offline.files.input', `is set, but offline.command has no ${INPUT_PLACEHOLDER} argument`);
  if (files?.output && !output) fail('offline.files.output', `is set, but offline.command has no ${OUTPUT_PLACEHOLDER} argument`);
  if (mode === 'stream') fail('offline.mode', `is 'stream', but a pipeline given files (${INPUT_PLACEHOLDER}, ${OUTPUT_PLACEHOLDER}) reads a whole batch: leave mode out`);
  return { input: input ? (files?.input ?? 'csv') : null, output: output ? (files?.output ?? 'csv') : null };
}
