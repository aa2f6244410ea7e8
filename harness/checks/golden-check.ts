import type { CheckResult, GoldenDetails } from '../core/check-result';
import { FieldStatsAccumulator } from '../core/field-stats';
import type { Row, SideResult, SourceRow } from '../core/row';
import { compareGolden, type GoldenComparison } from '../golden/compare-golden';
import { REDACTED, type GoldenFile, type GoldenHeader, type GoldenRecord } from '../golden/golden-record';
import { applyGoldenMode, type GoldenMode, type GoldenUpdate } from '../golden/update-golden';
import type { CheckContext } from './check-context';
import { computeSide } from './compare-results';
import { describeGoldenChanges } from './describe-golden-changes';

/** The golden store, as the check uses it (IO lives with the caller). */
export interface GoldenStore {
  read(): Promise<GoldenFile | null>;
  /** Read-modify-write under a lock; `update` sees the file as it is on disk then. */
  update(update: (previous: GoldenFile | null) => GoldenUpdate | null): Promise<GoldenUpdate | null>;
  /** Writes the would-be file to the report directory instead (`--propose`); returns its path. */
  propose(file: GoldenFile): Promise<string>;
}

/** Options of the golden check. */
export interface GoldenCheckOptions {
  /** The fixed row set. */
  rows: readonly SourceRow[];
  /** Header of the file this run would write. */
  header: GoldenHeader;
  /** Update mode. */
  mode: GoldenMode;
  /** Write the would-be file to the report directory instead of updating the repo's. */
  propose: boolean;
  /** Columns redacted in stored inputs. */
  redact: readonly string[];
  /** The run's manifest: whether it is responsible for a key (obsolete detection). */
  owns: (key: string) => boolean;
  /** Golden file as shown in reports. */
  displayFile: string;
  store: GoldenStore;
}

/** The check result and the current records (for `skew golden review`). */
export interface GoldenCheckOutput {
  result: CheckResult;
  /** Header of the file this run writes. */
  header: GoldenHeader;
  current: GoldenRecord[];
  comparison: GoldenComparison;
}

/**
 * golden: the offline and online features of a fixed row set against the stored golden file. Each changed field
 * is attributed to the side that moved (offline only, online only, both alike, both differently); rows without a
 * record are new, records of rows that left the row set are obsolete. Depending on the mode, the file is then
 * updated (safely: see `updateGoldenFile`) or, with `propose`, the would-be file is written to the report
 * directory. Without a write, a change or a missing record fails the check; obsolete records are reported.
 */
export async function runGoldenCheck(ctx: CheckContext, options: GoldenCheckOptions): Promise<GoldenCheckOutput> {
  const [offline, online] = await Promise.all([
    computeSide(ctx.offline, options.rows, ctx.offlineFields, ctx),
    computeSide(ctx.online, options.rows, ctx.onlineFields, ctx),
  ]);
  const current: GoldenRecord[] = options.rows.map((row, i) => ({
    key: row.key,
    input: redactRow(row.values, options.redact),
    offline: featuresOf(offline[i]!),
    online: featuresOf(online[i]!),
  }));
  const previous = await options.store.read();
  const comparison = compareGolden(previous?.records ?? [], current, ctx.policy, options.owns);

  let written: GoldenUpdate | null = null;
  let proposed: string | null = null;
  if (options.propose) {
    const would = applyGoldenMode(previous, current, comparison, options.mode === 'none' ? 'all' : options.mode, options.header);
    proposed = await options.store.propose(would?.file ?? previous ?? { header: options.header, records: [] });
  } else if (options.mode !== 'none') {
    written = await options.store.update((onDisk) =>
      applyGoldenMode(onDisk, current, compareGolden(onDisk?.records ?? [], current, ctx.policy, options.owns), options.mode, options.header),
    );
  }

  // A proposal from `golden record --propose` resolves what it proposes; on a checking run (mode none) it does not.
  const resolved = written !== null || (proposed !== null && options.mode !== 'none');
  const rewritten = resolved && (options.mode === 'changed' || options.mode === 'all');
  const incomplete = new Set(comparison.incomplete);
  const unresolvedChanges = rewritten ? [] : comparison.changes;
  const unresolvedNew = resolved ? comparison.newKeys.filter((k) => incomplete.has(k)) : comparison.newKeys;
  const errors = options.rows.flatMap((row, i) => [
    ...(offline[i]!.kind === 'error' ? [{ key: row.key, side: 'offline' as const, message: (offline[i] as { message: string }).message }] : []),
    ...(online[i]!.kind === 'error' ? [{ key: row.key, side: 'online' as const, message: (online[i] as { message: string }).message }] : []),
  ]);

  const stats = new FieldStatsAccumulator(() => 0, 0);
  const changedByKey = new Map<string, Set<string>>();
  for (const c of unresolvedChanges) changedByKey.set(c.key, new Set([...(changedByKey.get(c.key) ?? []), c.field]));
  const fields = new Set(current.flatMap((r) => [...Object.keys(r.offline ?? {}), ...Object.keys(r.online ?? {})]));
  for (const record of current) {
    if (comparison.newKeys.includes(record.key)) continue;
    const changed = changedByKey.get(record.key) ?? new Set<string>();
    stats.add([...fields].map((field) => ({ field, mismatches: changed.has(field) ? [{ key: record.key, field, path: field, kind: 'value' as const }] : [] })));
  }

  const details: GoldenDetails = {
    file: options.displayFile,
    mode: options.mode,
    changes: comparison.changes.slice(0, 200),
    changeCount: comparison.changes.length,
    newKeys: comparison.newKeys,
    obsoleteKeys: comparison.obsoleteKeys,
    inputChanged: comparison.inputChanged,
    incomplete: comparison.incomplete.length,
    written: written ? { added: written.added, rewritten: written.rewritten, removed: written.removed } : null,
    proposed,
  };
  const failing = unresolvedChanges.length > 0 || unresolvedNew.filter((k) => !incomplete.has(k)).length > 0;
  const skipped = options.rows.filter((_, i) => offline[i]!.kind === 'skipped' || online[i]!.kind === 'skipped').length;
  return {
    result: {
      name: 'golden',
      status: failing ? 'failed' : incomplete.size > 0 ? 'inconclusive' : 'passed',
      summary: summarize(comparison, unresolvedChanges.length, unresolvedNew.length, details, previous === null),
      rows: {
        total: options.rows.length,
        compared: comparison.compared,
        offlineErrors: errors.filter((e) => e.side === 'offline').length,
        onlineErrors: errors.filter((e) => e.side === 'online').length,
        notRun: skipped,
      },
      fields: stats.result().filter((f) => f.mismatched > 0),
      errors: errors.slice(0, ctx.examples * 2),
      compares: 'same-side',
      labels: { offline: 'golden', online: 'now' },
      golden: details,
    },
    header: options.header,
    current,
    comparison,
  };
}

function summarize(c: GoldenComparison, changes: number, missing: number, d: GoldenDetails, noFile: boolean): string {
  const parts: string[] = [];
  if (c.incomplete.length > 0) parts.push(`${c.incomplete.length} row${c.incomplete.length === 1 ? '' : 's'} could not be computed on a side (not compared, nothing stored for them)`);
  if (d.written) parts.push(`${d.file} updated: ${d.written.added} added, ${d.written.rewritten} rewritten, ${d.written.removed} removed`);
  if (d.proposed) parts.push(`would-be golden file written to ${d.proposed}`);
  if (changes > 0) parts.push(`${describeGoldenChanges(c.changes)}; review with skew golden review`);
  if (missing > 0) parts.push(noFile ? `no golden file yet (${d.file}): record it with skew golden record` : `${missing} row${missing === 1 ? '' : 's'} without a golden record`);
  if (c.obsoleteKeys.length > 0) parts.push(`${c.obsoleteKeys.length} obsolete record${c.obsoleteKeys.length === 1 ? '' : 's'} (rows no longer in the row set)`);
  if (parts.length === 0) parts.push(`${c.compared === 1 ? 'the one row matches' : `all ${c.compared} rows match`} ${d.file}`);
  return parts.join('; ');
}

function featuresOf(result: SideResult): Record<string, unknown> | null {
  return result.kind === 'ok' ? result.features : null;
}

function redactRow(row: Row, redact: readonly string[]): Row {
  if (redact.length === 0) return { ...row };
  const out: Row = { ...row };
  for (const column of redact) if (column in out && out[column] !== null) out[column] = REDACTED;
  return out;
}
