import type { ColumnType, Row } from '../../core/row';
import { formatMetric } from '../../core/drift-report';
import { compareColumn } from './compare-column';
import type { DriftColumn, DriftFile, DriftReport, DriftThresholds } from '../../core/drift-report';

/** One file's sample, as {@link buildDriftReport} needs it. */
export interface DriftSample {
  file: DriftFile;
  /** Columns in file order, with their inferred types. */
  columns: ReadonlyArray<{ name: string; type: ColumnType }>;
  /** Sampled rows' values. */
  rows: readonly Row[];
}

/** What {@link buildDriftReport} compares, and how. */
export interface DriftInput {
  baseline: DriftSample;
  current: DriftSample;
  sample: DriftReport['sample'];
  thresholds: DriftThresholds;
  /** Column names left out of the comparison (`--key`, `--ignore`). */
  exclude: readonly string[];
}

/**
 * Compares every column the two files share (minus the excluded ones) and decides the outcome: `drift` (exit 1)
 * when any column is over a threshold or changed type, `nothing_comparable` (exit 3) when no column could be
 * compared (none shared, all excluded, only JSON columns, or an empty sample), `stable` (exit 0) otherwise.
 * Pure: the files were read before.
 */
export function buildDriftReport(input: DriftInput): DriftReport {
  const { baseline, current, thresholds } = input;
  const exclude = new Set(input.exclude);
  const currentTypes = new Map(current.columns.map((c) => [c.name, c.type]));
  const baselineNames = new Set(baseline.columns.map((c) => c.name));

  const columns: DriftColumn[] = [];
  const empty = baseline.rows.length === 0 || current.rows.length === 0;
  if (!empty) {
    for (const { name, type } of baseline.columns) {
      const currentType = currentTypes.get(name);
      if (currentType === undefined || exclude.has(name)) continue;
      columns.push(
        compareColumn(name, { type, values: baseline.rows.map((r) => r[name]) }, { type: currentType, values: current.rows.map((r) => r[name]) }, thresholds),
      );
    }
  }
  const onlyInBaseline = baseline.columns.map((c) => c.name).filter((n) => !currentTypes.has(n) && !exclude.has(n));
  const onlyInCurrent = current.columns.map((c) => c.name).filter((n) => !baselineNames.has(n) && !exclude.has(n));
  const excluded = [...exclude].filter((n) => baselineNames.has(n) || currentTypes.has(n));

  return {
    baseline: baseline.file,
    current: current.file,
    sample: input.sample,
    thresholds,
    columns,
    onlyInBaseline,
    onlyInCurrent,
    excluded,
    verdict: decideDrift(columns, thresholds, empty ? emptyReason(input) : null, excluded.length > 0),
  };
}

function emptyReason(input: DriftInput): string {
  const which = input.baseline.rows.length === 0 ? input.baseline.file : input.current.file;
  return `${which.path} has no rows to compare`;
}

function decideDrift(columns: readonly DriftColumn[], t: DriftThresholds, emptyReason: string | null, anyExcluded: boolean): DriftReport['verdict'] {
  const compared = columns.filter((c) => c.status !== 'not_compared');
  const drifted = columns.filter((c) => c.status === 'drift' || c.status === 'type_changed');
  if (emptyReason !== null || compared.length === 0) {
    const why =
      emptyReason ??
      (columns.length > 0
        ? 'the columns in both files hold only JSON objects or arrays'
        : `no column is in both files${anyExcluded ? ' (apart from --key and --ignore columns)' : ''}`);
    return { status: 'nothing_comparable', exitCode: 3, drifted: [], summary: `NOTHING TO COMPARE: ${why}` };
  }
  const limits = `PSI > ${t.psi}, JS > ${t.jensenShannon}, L∞ > ${t.lInfinity}`;
  if (drifted.length === 0) {
    return { status: 'stable', exitCode: 0, drifted: [], summary: `STABLE: no drift over thresholds (${limits}) in ${plural(compared.length, 'column')}` };
  }
  const list = drifted.map((c) => `${c.column} (${describeDrift(c)})`).join(', ');
  return {
    status: 'drift',
    exitCode: 1,
    drifted: drifted.map((c) => c.column),
    summary: `DRIFT: ${drifted.length} of ${plural(compared.length, 'column')} over thresholds (${limits}): ${list}`,
  };
}

/** Why a column counts as drift, briefly: `PSI 1.23, JS 0.412` or `type integer → string`. */
export function describeDrift(column: DriftColumn): string {
  if (column.status === 'type_changed') return `type ${column.types.baseline} → ${column.types.current}`;
  const parts: string[] = [];
  if (column.psi !== null) parts.push(`PSI ${formatMetric(column.psi)}`);
  if (column.jensenShannon !== null) parts.push(`JS ${formatMetric(column.jensenShannon)}`);
  if (column.lInfinity !== null) parts.push(`L∞ ${formatMetric(column.lInfinity)}`);
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
