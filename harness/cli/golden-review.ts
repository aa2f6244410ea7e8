import { createInterface } from 'node:readline/promises';
import type { ResolvedConfig } from '../config/resolved-config';
import { UsageError } from '../errors/usage-error';
import { compareGolden } from '../golden/compare-golden';
import { updateGoldenFile } from '../golden/golden-store';
import { applyGoldenAcceptance, type GoldenAcceptance } from '../golden/update-golden';
import type { Colors } from '../reporters/colors';
import { formatGoldenChanges } from '../reporters/format-golden';
import type { SkewSession } from '../runner/skew-session';
import type { CliIo } from './cli-io';
import type { GoldenArgs } from './golden-command';
import { goldenFileOf } from './golden-action';
import { goldenWriteOptions } from './run-command';

/**
 * `skew golden review`: shows every change (per field: the side that moved, old → new per row, then new and
 * obsolete records) and accepts some of them into the golden file — with `--accept field=NAME | row=KEY | all`,
 * or, on a TTY without `--accept`, by asking field by field. Returns 0 when nothing is left unaccepted.
 */
export async function reviewGolden(
  session: SkewSession,
  config: ResolvedConfig,
  accepted: GoldenAcceptance | null,
  args: GoldenArgs,
  io: CliIo,
  colors: Colors,
): Promise<number> {
  const golden = session.golden!;
  const details = golden.result.golden!;
  const file = goldenFileOf(config, io.cwd);
  const pending = details.changeCount + details.newKeys.length;
  io.stdout.write(`${colors.bold('golden review')}  ${file}: ${details.changeCount} changed field value${details.changeCount === 1 ? '' : 's'}, ${details.newKeys.length} new row${details.newKeys.length === 1 ? '' : 's'}\n`);
  io.stdout.write(`${formatGoldenChanges({ ...details, changes: golden.comparison.changes }, colors, 10).join('\n')}\n`);
  if (pending === 0) {
    io.stdout.write('\nNothing to review.\n');
    return 0;
  }

  if (accepted) checkAcceptance(accepted, golden.current);
  const acceptance = accepted ?? (io.stdin?.isTTY ? await askFieldByField(golden.comparison.changes, details.newKeys.length, io, colors) : null);
  if (!acceptance) {
    io.stdout.write(`\nNothing accepted. Accept with: npx skew golden review --accept field=<name> | row=<key> | new | all\n`);
    return 1;
  }
  goldenWriteOptions({ updateGolden: 'changed', propose: false, writeOnCi: args.writeOnCi }, io.env);
  const { header } = golden;
  const update = await updateGoldenFile(config.golden.file, (onDisk) => {
    const base = onDisk ?? { header, records: [] };
    return applyGoldenAcceptance(base, golden.current, compareGolden(base.records, golden.current, session.policy, () => true), acceptance, header);
  });
  io.stdout.write(update ? `\n${file}: ${update.added} added, ${update.rewritten} record${update.rewritten === 1 ? '' : 's'} updated\n` : '\nNothing to write.\n');
  const left = pending - countAccepted(golden.comparison.changes, details.newKeys.length, acceptance);
  return left > 0 ? 1 : 0;
}

/** Refuses `--accept` names that are no field or row of the golden set: a typo must not look like "nothing to do". */
function checkAcceptance(accept: GoldenAcceptance, records: ReadonlyArray<{ key: string; offline: object | null; online: object | null }>): void {
  const fields = new Set(records.flatMap((r) => [...Object.keys(r.offline ?? {}), ...Object.keys(r.online ?? {})]));
  const keys = new Set(records.map((r) => r.key));
  const unknownFields = [...accept.fields].filter((f) => !fields.has(f));
  if (unknownFields.length > 0) throw new UsageError(`--accept field=${unknownFields[0]}: no such field (fields: ${[...fields].sort().join(', ')})`);
  const unknownRows = [...accept.rows].filter((k) => !keys.has(k));
  if (unknownRows.length > 0) throw new UsageError(`--accept row=${unknownRows[0]}: no such row in the golden row set`);
}

/** Parses `field=NAME`, `row=KEY`, `all`. */
export function parseAcceptance(values: readonly string[]): GoldenAcceptance {
  const fields = new Set<string>();
  const rows = new Set<string>();
  let all = false;
  let newRows = false;
  for (const value of values.flatMap((v) => v.split(','))) {
    const [kind, name] = value.includes('=') ? [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)] : [value, ''];
    if (kind === 'all' && name === '') all = true;
    else if (kind === 'new' && name === '') newRows = true;
    else if (kind === 'field' && name) fields.add(name);
    else if (kind === 'row' && name) rows.add(name);
    else throw new UsageError(`--accept must be field=NAME, row=KEY, new or all (got "${value}")`);
  }
  return { all, fields, rows, newRows };
}

function countAccepted(changes: ReadonlyArray<{ key: string; field: string }>, newRows: number, a: GoldenAcceptance): number {
  if (a.all) return changes.length + newRows;
  return changes.filter((c) => a.fields.has(c.field) || a.rows.has(c.key)).length + (a.newRows ? newRows : 0);
}

async function askFieldByField(
  changes: ReadonlyArray<{ key: string; field: string; side: string }>,
  newRows: number,
  io: CliIo,
  colors: Colors,
): Promise<GoldenAcceptance | null> {
  const rl = createInterface({ input: io.stdin!, output: io.stdout });
  const fields = new Set<string>();
  let all = false;
  let addNew = false;
  try {
    for (const field of [...new Set(changes.map((c) => c.field))]) {
      const rows = changes.filter((c) => c.field === field).length;
      const answer = (await rl.question(`Accept ${colors.bold(field)} (${rows} row${rows === 1 ? '' : 's'})? [y]es / [n]o / [a]ll remaining / [q]uit: `)).trim().toLowerCase();
      if (answer === 'q') break;
      if (answer === 'a') {
        all = true;
        break;
      }
      if (answer === 'y') fields.add(field);
    }
    if (!all && newRows > 0) addNew = (await rl.question(`Add ${newRows} new row${newRows === 1 ? '' : 's'}? [y/n]: `)).trim().toLowerCase() === 'y';
  } finally {
    rl.close();
  }
  return all || addNew || fields.size > 0 ? { all, fields, rows: new Set(), newRows: addNew } : null;
}
