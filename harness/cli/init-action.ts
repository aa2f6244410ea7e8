import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/config-file-names';
import { UsageError } from '../errors/usage-error';
import { writeFileAtomic } from '../io/write-file-atomic';
import { formatFromPath, readSample } from '../source';
import type { CliIo } from './cli-io';
import { detectProject } from './init/detect-project';
import { findDataFile } from './init/find-data-file';
import { configFileName, formatInitConfig, formatInitSpec, specFileName, type InitPlan } from './init/format-init-files';
import { inferRoles } from './init/infer-roles';
import { findPendingCommands, formatNextSteps } from './init/next-steps';
import type { InitArgs } from './init-command';

/** Rows read to infer types, keys and labels (a seeded reservoir: memory stays small on a big file). */
const SAMPLE_ROWS = 1000;

/**
 * `skew init`: reads a sample of the data file, infers key, label and column types, and writes `skew.config.{ts,mjs}`
 * and `skew.test.{ts,js}` into the working directory — never over an existing file (it is reported and left).
 * Prints what it did and the next steps. Exit 0; a missing or unreadable data file is exit 2.
 */
export async function initCommand(args: InitArgs, io: CliIo): Promise<number> {
  const root = io.cwd;
  const found = args.data !== undefined ? path.resolve(root, args.data) : findDataFile(root);
  if (found === null) throw new UsageError(`init: no CSV or JSON Lines file found under ${root} (node_modules excluded); pass one with --data train.csv`);
  if (!existsSync(found)) throw new UsageError(`init: --data ${args.data ?? ''}: no such file`);
  const format = formatFromPath(found);
  const sample = await readSample(
    { path: found, format, key: [], label: null, types: {}, nullValues: [''], delimiter: ',', onBadRow: 'error' },
    { method: 'reservoir', size: SAMPLE_ROWS, seed: 1, stratifyBy: null },
  );
  const project = detectProject(root);
  const data = path.relative(root, found).split(path.sep).join('/');
  const plan: InitPlan = {
    data,
    roles: inferRoles(sample.columns, sample.rows.map((row) => row.values)),
    configKind: project.typescript ? 'ts' : 'mjs',
    specKind: project.tsJest ? 'ts' : 'js',
  };

  // A config or spec the project already has under another extension (a `skew.config.ts` in a repo now seen as
  // JavaScript) is the one to keep: a second beside it would never be loaded, or would shadow it.
  const existing = (names: readonly string[], fallback: string): string => names.find((name) => existsSync(path.join(root, name))) ?? fallback;
  const configName = existing(CONFIG_FILE_NAMES, configFileName(plan));
  const specName = existing(['skew.test.ts', 'skew.test.js', 'skew.test.mjs', 'skew.test.cjs'], specFileName(plan));
  const created: string[] = [];
  const skipped: string[] = [];
  for (const [name, text] of [
    [configName, formatInitConfig(plan)],
    [specName, formatInitSpec(plan, configName)],
  ] as const) {
    const file = path.join(root, name);
    if (existsSync(file)) skipped.push(name);
    else {
      await writeFileAtomic(file, text);
      created.push(name);
    }
  }

  const out = (line = ''): void => void io.stdout.write(`${line}\n`);
  if (created.length > 0) out(`skew init: created ${created.join(', ')}`);
  for (const name of skipped) out(`skew init: skipped ${name}: it exists (left as it is)`);
  const { roles } = plan;
  out(`Inferred from ${data} (${sample.rowsRead} rows read): key ${roles.keys[0] ?? '(none: rows are numbered)'}, label ${roles.labels[0] ?? '(none)'}; ${roles.columns.length} columns: ${roles.columns.map((c) => `${c.name} ${c.type}`).join(', ')}`);
  out();
  // A config left as it was may have its commands filled in already: ask only for what is still a placeholder.
  for (const line of formatNextSteps(configName, specName, findPendingCommands(await readFile(path.join(root, configName), 'utf8')))) out(line);
  return 0;
}
