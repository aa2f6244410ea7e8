import type { CheckResult, CheckWarning, ShiftDetails } from '../../core/check-result';
import { formatMetric, type DriftColumn, type DriftThresholds } from '../../core/drift-report';
import type { ColumnType, Row } from '../../core/row';
import { buildDriftReport, describeDrift } from './build-drift-report';
import { compareColumn } from './compare-column';

/** Check names of `skew logs`, as the seed article names what each finds. */
export const LOG_CHECK_NAMES = { skew: 'train-serve-skew', covariate: 'covariate-shift', label: 'label-shift' } as const;

/** One side of a shift comparison: columns with their types, and the sampled rows' values. */
export interface ShiftSample {
  columns: ReadonlyArray<{ name: string; type: ColumnType }>;
  rows: readonly Row[];
}

/** What {@link covariateShiftResult} compares. */
export interface CovariateShiftInput {
  /** The training sample, input columns only. */
  training: ShiftSample;
  /** The logged inputs. */
  log: ShiftSample;
  thresholds: DriftThresholds;
  /** Columns left out on both sides (keys, label, the reference time — which moves with the calendar by design). */
  exclude: readonly string[];
  /** Whether a shift fails the check (exit 1) rather than warning. */
  fail: boolean;
}

/**
 * covariate-shift: P(X) of the logged requests against the training sample, per input column, measured as `skew drift`
 * measures it (PSI and Jensen–Shannon over training's deciles for numbers and dates, L∞ of category shares for
 * strings and booleans; a column whose kind changed counts). A column over a threshold is a warning naming the column
 * and what moved — a new category and its share, or the median — and fails the check only with `fail`. It is never
 * skew: the features of shifted inputs can still be computed alike on both sides. Pure.
 */
export function covariateShiftResult(input: CovariateShiftInput): CheckResult {
  const report = buildDriftReport({
    baseline: { file: file('training'), columns: input.training.columns, rows: input.training.rows },
    current: { file: file('log'), columns: input.log.columns, rows: input.log.rows },
    sample: { method: 'reservoir', size: null, seed: 0 },
    thresholds: input.thresholds,
    exclude: input.exclude,
  });
  const shift: ShiftDetails = {
    kind: 'covariate',
    thresholds: input.thresholds,
    columns: report.columns,
    onlyInTraining: report.onlyInBaseline,
    onlyInLog: report.onlyInCurrent,
    rows: { training: input.training.rows.length, log: input.log.rows.length },
  };
  const compared = report.columns.filter((c) => c.status !== 'not_compared');
  const shifted = report.columns.filter((c) => c.status === 'drift' || c.status === 'type_changed');
  const name = LOG_CHECK_NAMES.covariate;
  if (compared.length === 0) {
    const why = input.log.rows.length === 0 ? 'no logged request to compare' : 'no input column is both in the training data and in the logged inputs';
    return { ...empty(name, 'skipped', why, input.log.rows.length), shift };
  }
  const limits = `PSI > ${input.thresholds.psi}, JS > ${input.thresholds.jensenShannon}, L∞ > ${input.thresholds.lInfinity}`;
  const summary =
    shifted.length === 0
      ? `no input column shifted (${limits}) in ${plural(compared.length, 'column')} of ${plural(input.log.rows.length, 'logged request')}`
      : `${shifted.length} of ${plural(compared.length, 'input column')} shifted from training (${limits}): ${shifted.map((c) => c.column).join(', ')}`;
  return {
    ...empty(name, shifted.length > 0 && input.fail ? 'failed' : 'passed', summary, input.log.rows.length),
    ...(shifted.length > 0 ? { warnings: shifted.map((c) => shiftWarning('covariate-shift', c)) } : {}),
    shift,
  };
}

/** What {@link labelShiftResult} compares. */
export interface LabelShiftInput {
  /** The label column's name in training. */
  column: string;
  /** Training labels of the sample, and their type. */
  training: { type: ColumnType; values: readonly unknown[] };
  /** Labels joined to the sampled log records (records without one left out). */
  log: { type: ColumnType; values: readonly unknown[] };
  thresholds: DriftThresholds;
  fail: boolean;
}

/** A label with at most this many distinct values is compared by class share (L∞), not by deciles. */
const MAX_CLASSES = 20;

/**
 * label-shift: P(Y) of the labels joined to logged requests against training's — the class balance moving. Classes
 * (at most {@link MAX_CLASSES} distinct values) are compared by share (L∞), a continuous target by PSI and
 * Jensen–Shannon. A shift is a warning unless `fail`. Pure.
 */
export function labelShiftResult(input: LabelShiftInput): CheckResult {
  const name = LOG_CHECK_NAMES.label;
  if (input.log.values.length === 0) return empty(name, 'skipped', `no sampled log record has a joined label (${input.column})`, 0);
  const classes = new Set(input.training.values.filter((v) => v !== null && v !== undefined).map((v) => JSON.stringify(v)));
  const asClasses = classes.size <= MAX_CLASSES;
  const text = (values: readonly unknown[]) => values.map((v) => (v === null || v === undefined ? v : typeof v === 'string' ? v : JSON.stringify(v)));
  const column = asClasses
    ? compareColumn(input.column, { type: 'string', values: text(input.training.values) }, { type: 'string', values: text(input.log.values) }, input.thresholds)
    : compareColumn(input.column, input.training, input.log, input.thresholds);
  const shifted = column.status === 'drift' || column.status === 'type_changed';
  const shift: ShiftDetails = {
    kind: 'label',
    thresholds: input.thresholds,
    columns: [column],
    onlyInTraining: [],
    onlyInLog: [],
    rows: { training: input.training.values.length, log: input.log.values.length },
  };
  const summary = shifted
    ? `the label ${input.column} shifted from training: ${describeColumnShift(column)}`
    : `the label ${input.column} is distributed as in training on ${plural(input.log.values.length, 'joined record')} (${describeDrift(column)})`;
  return {
    ...empty(name, shifted && input.fail ? 'failed' : 'passed', summary, input.log.values.length),
    ...(shifted ? { warnings: [shiftWarning('label-shift', column)] } : {}),
    shift,
  };
}

/** One line on a shifted column: its metrics, then what moved. */
export function describeColumnShift(c: DriftColumn): string {
  if (c.status === 'type_changed') return `${c.types.baseline} in training, ${c.types.current} in the log`;
  const moved: string[] = [];
  const cat = c.categorical;
  if (cat && cat.unseen.categories > 0) {
    const top = cat.unseen.top.slice(0, 3).map((t) => t.category).join(', ');
    moved.push(`${plural(cat.unseen.categories, 'category', 'categories')} training never has (${top}): ${percent(cat.unseen.share)} of logged rows`);
  } else if (cat?.largestShift) {
    moved.push(`${cat.largestShift.category} ${percent(cat.largestShift.baseline)} → ${percent(cat.largestShift.current)}`);
  }
  const num = c.numeric;
  if (num && num.median.baseline !== null && num.median.current !== null) {
    // Dates are binned as epoch milliseconds: shown as days.
    const show = c.types.baseline === 'date' ? (ms: number) => new Date(ms).toISOString().slice(0, 10) : formatMetricValue;
    moved.push(`median ${show(num.median.baseline)} → ${show(num.median.current)}`);
  }
  if (Math.abs(c.nullRate.current - c.nullRate.baseline) >= 0.05) moved.push(`null share ${percent(c.nullRate.baseline)} → ${percent(c.nullRate.current)}`);
  return `${describeDrift(c)}${moved.length > 0 ? ` (${moved.join('; ')})` : ''}`;
}

function shiftWarning(kind: string, c: DriftColumn): CheckWarning {
  return { kind, message: `${c.column}: ${describeColumnShift(c)}`, count: 1, keys: [] };
}

function empty(name: string, status: CheckResult['status'], summary: string, rows: number): CheckResult {
  return {
    name,
    status,
    summary,
    // Distributions are compared, not rows: every sampled row counts as compared, none as an error.
    rows: { total: rows, compared: rows, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
    fields: [],
    errors: [],
    compares: 'same-side',
  };
}

function file(path: string) {
  return { path, format: 'jsonl' as const, rowsRead: 0, rowsSampled: 0, badRowCount: 0 };
}

function percent(share: number): string {
  const p = share * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}

function formatMetricValue(value: number): string {
  return Number.isInteger(value) ? String(value) : Math.abs(value) >= 100 ? value.toFixed(1) : formatMetric(value);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
