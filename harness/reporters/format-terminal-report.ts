import type { CheckResult, Counterexample } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';
import type { FieldImpact } from '../core/prediction-impact';
import { orderForReview, rankedFirst } from '../core/review-order';
import { MISMATCH_KINDS, type Mismatch } from '../core/mismatch';
import type { OfflineProcesses, SkewReport } from '../core/report';
import type { Trend } from '../core/trend';
import { formatRate } from '../core/summarize-verdict';
import { describeAgreedRejections, describeRowsCompared, describeRowsDiffer } from '../core/check-accounting';
import { formatCountOf, verbFor } from '../core/plural';
import type { Colors } from './colors';
import { formatBatchesResent } from './format-batches-resent';
import { formatGoldenChanges } from './format-golden';
import { formatInputContract } from './format-input-contract';
import { formatWarnings } from './format-warnings';
import { describeImpact, formatFieldImpact } from './format-impact';
import { formatInputsLine, leadingColumns } from './format-example-inputs';
import { formatSegmentsLine } from './format-segments';
import { reproduceRow } from './reproduce-row';
import { formatTable, type Align } from './format-table';
import { formatNumber, formatValue, truncate } from './format-value';
import type { HintKind } from '../core/field-analysis';

/** Options of {@link formatTerminalReport}. */
export interface TerminalFormatOptions {
  /** Styling. */
  colors: Colors;
  /** Example rows shown per failing field. Default 3. */
  examples?: number;
  /** Where report files were written, to say so at the end. */
  files?: string[];
  /** The terminal's width in columns, when known: a wide terminal shows more of each example's inputs. */
  width?: number;
}

/** Characters of an example's inputs shown on a terminal of unknown or ordinary width. */
const INPUTS_WIDTH = 72;
/** Columns an example row takes besides its inputs (key, values, diff), on a wide terminal. */
const EXAMPLE_COLUMNS = 60;

/** Renders a report for the terminal: a header, a table per check, examples per failing field, the verdict. Pure. */
export function formatTerminalReport(report: SkewReport, options: TerminalFormatOptions): string {
  const c = options.colors;
  const out: string[] = [];
  const { run, accounting: acc } = report;
  out.push(c.bold(`skew-harness ${report.tool.version}`) + c.dim(`  ${run.configFile ?? 'inline config'}${run.target ? `  target ${run.target}` : ''}`));
  out.push(`${c.dim('source ')}  ${report.source.path}: ${acc.rowsRead} rows read, ${acc.rowsSampled} sampled (${run.sampleMethod}, seed ${run.seed})`);
  if (report.source.badRowCount > 0) out.push(c.yellow(`          ${report.source.badRowCount} malformed row${report.source.badRowCount === 1 ? '' : 's'} skipped, first at line ${report.source.badRows[0]?.line}: ${report.source.badRows[0]?.message}`));
  out.push(`${c.dim('offline')}  ${report.sides.offline.description}${formatProcesses(report.sides.offline.processes, c)}`);
  const stats = report.sides.online.stats;
  const latency = stats?.latencyMs ? `, p50 ${formatNumber(stats.latencyMs.p50)} ms, p95 ${formatNumber(stats.latencyMs.p95)} ms` : '';
  const resent = stats?.batches?.resentRowByRow ? `, ${formatBatchesResent(stats.batches)}` : '';
  out.push(`${c.dim('online ')}  ${report.sides.online.description}${stats ? c.dim(`  (${formatCountOf(stats.requests, 'request')}, ${formatCountOf(stats.retries, 'retry', 'retries')}${resent}${latency})`) : ''}`);

  for (const warning of report.warnings ?? []) out.push(c.yellow(`warning  ${warning}`));
  for (const check of report.checks) out.push('', ...formatCheck(check, options));

  if (report.trend) out.push('', ...formatTrend(report.trend, c));
  out.push('');
  const v = report.verdict;
  const paint = v.status === 'clean' ? c.green : v.status === 'skew' ? c.red : c.yellow;
  out.push(paint(c.bold(v.summary)));
  out.push(`${c.dim('Reproduce with:')} ${report.reproduce}`);
  const firstKey = report.checks
    .flatMap((ch) => ch.fields)
    .filter((f) => f.status === 'failed')
    .flatMap((f) => f.examples)
    .find((m) => !m.key.startsWith('gen:'))?.key;
  if (firstKey !== undefined && !report.reproduce.includes(' --keys ')) out.push(`${c.dim('One row:       ')} ${reproduceRow(report.reproduce, firstKey)}`);
  for (const file of options.files ?? []) out.push(`${c.dim('Report:        ')} ${file}`);
  return out.join('\n');
}

/** Renders one check: its status line, the field table, examples of failing fields, fixed failures and row errors. */
export function formatCheck(check: CheckResult, options: TerminalFormatOptions): string[] {
  const c = options.colors;
  const mark =
    check.status === 'passed' ? c.green('✓ passed') : check.status === 'failed' ? c.red('✗ FAILED') : check.status === 'skipped' ? c.dim('- skipped') : check.status === 'error' ? c.red('! ERROR') : c.yellow('? inconclusive');
  const out = [`${c.bold(check.name)}  ${mark}  ${check.summary}`];
  if (check.status === 'skipped') return out;
  const r = check.rows;
  const errorNote = r.offlineErrors + r.onlineErrors > 0 ? c.yellow(`, errors: ${r.offlineErrors} offline, ${r.onlineErrors} online`) + c.dim(describeAgreedRejections(r)) : '';
  const notRun = r.notRun > 0 ? c.yellow(`, ${r.notRun} not run`) : '';
  if (check.inputContract) out.push(...formatInputContract(check, check.inputContract, c));
  else out.push(c.dim(`  ${describeRowsCompared(r)}`) + errorNote + notRun);
  // A same-side check's passing fields say nothing a reader needs: show only what moved.
  const tabled = check.compares === 'same-side' ? check.fields.filter((f) => f.status === 'failed' || f.mismatched > 0) : check.fields;
  if (tabled.length > 0) {
    // Fields ranked by prediction impact first: a reviewer fixes first what changes decisions.
    const fields = orderForReview(tabled);
    const withImpact = fields.some((f) => f.impact);
    const withHints = fields.some((f) => f.analysis?.hints[0]);
    out.push('');
    out.push(
      ...formatTable(
        ['field', 'compared', 'mismatched', 'rate', '95% CI', 'max |diff|', 'kinds', ...(withImpact ? ['impact'] : []), ...(withHints ? ['hint'] : [])],
        fields.map((f) => [
          ...fieldRow(f, c),
          ...(withImpact ? [f.impact ? paintImpact(f.impact, c) : ''] : []),
          ...(withHints ? [f.analysis?.hints[0] ? c.yellow(truncate(HINT_LABELS[f.analysis.hints[0].kind], 28)) : ''] : []),
        ]),
        ['left', 'right', 'right', 'right', 'left', 'right', 'left', 'left', 'left'],
      ),
    );
  }
  if (check.impact) {
    const [first, ...rest] = describeImpact(check.impact);
    out.push('', `  ${c.bold('prediction impact')}  ${check.impact.status === 'unavailable' ? c.yellow(first ?? '') : c.dim(first ?? '')}`);
    for (const line of rest) out.push(c.dim(`    ${line}`));
  }
  const shown = options.examples ?? 3;
  const inputsWidth = Math.max(INPUTS_WIDTH, (options.width ?? 0) - EXAMPLE_COLUMNS);
  if (check.golden) {
    out.push(...formatGoldenChanges(check.golden, c, shown + 2));
    return out;
  }
  const counterexamples = check.counterexamples ?? [];
  if (counterexamples.length > 0) {
    out.push('', `  ${c.bold('minimal counterexamples')} ${c.dim(`(shrunk by fast-check, seed ${counterexamples[0]!.seed})`)}`);
    for (const x of counterexamples) out.push(...formatCounterexample(x, c));
  }
  // With counterexamples, they stand for the failing fields' examples.
  for (const f of counterexamples.length > 0 ? [] : rankedFirst(check.fields.filter((x) => x.status === 'failed'))) {
    const name = f.side ? `${f.side} ${f.field}` : f.field;
    out.push('', `  ${c.bold(name)}: ${describeRowsDiffer(f.mismatched, f.compared)}${f.budget > 0 ? ` (budget ${formatRate(f.budget)})` : ''}`);
    if (f.impact) out.push(`    ${c.bold('Impact:')} ${paintImpact(f.impact, c)}`);
    for (const hint of f.analysis?.hints ?? []) out.push(`    ${c.yellow('Hint:')} ${hint.message} ${c.dim(`(${hint.evidence})`)}`);
    const segments = formatSegmentsLine(f.analysis?.segments);
    if (segments) out.push(`    ${c.bold('Where:')} ${segments}`);
    if (f.noise) out.push(c.dim(`    nondeterministic: ${formatRate(f.noise.rate)} of repeated rows differ${f.noise.maxAbsDiff !== null ? ` by up to ${formatNumber(f.noise.maxAbsDiff)}` : ''}; ${formatCountOf(f.noise.explained, 'difference')} within that noise not counted`));
    const examples = f.examples.slice(0, shown);
    // A path column only earns its place when a mismatch sits inside the field (`geo.lat`, `scores[3]`).
    const withPath = examples.some((m) => m.path !== m.field);
    // The row's inputs close each example, the columns the segments and hints name first.
    const leading = leadingColumns(f);
    const withInputs = examples.some((m) => m.inputs || m.changes);
    const rows = examples.map((m) => {
      const row = withPath ? exampleRow(m) : exampleRow(m).filter((_, i) => i !== 1);
      return withInputs ? [...row, c.dim(formatInputsLine(m, leading, inputsWidth))] : row;
    });
    const sides = [check.labels?.offline ?? 'offline', check.labels?.online ?? 'online'];
    const header = [...(withPath ? ['key', 'path', ...sides, 'diff'] : ['key', ...sides, 'diff']), ...(withInputs ? ['inputs'] : [])];
    const align: Align[] = [...(withPath ? ['left', 'left', 'right', 'right', 'left'] as const : ['left', 'right', 'right', 'left'] as const), 'left'];
    out.push(...formatTable(header, rows, align, '    '));
  }
  out.push(...formatWarnings(check, c));
  if (check.inputContract && check.reproduce && (check.status === 'failed' || check.warnings)) out.push('', `  ${c.dim('Reproduce with:')} ${check.reproduce}`);
  if (check.fixed && check.fixed.length > 0) {
    out.push('', `  ${c.green('fixed since a previous run')} (dropped from the failure memory):`);
    for (const f of check.fixed.slice(0, shown * 2)) out.push(`    ${f.field} ${f.key}`);
    if (check.fixed.length > shown * 2) out.push(c.dim(`    and ${check.fixed.length - shown * 2} more`));
  }
  out.push(...formatRowErrors(check, c, shown));
  return out;
}

/** A check's first `shown` row errors, each with the last lines a pipeline printed for its row; none: no lines. */
export function formatRowErrors(check: CheckResult, c: Colors, shown: number): string[] {
  if (check.errors.length === 0) return [];
  const out = ['', `  ${c.yellow('row errors')} (first ${Math.min(check.errors.length, shown)}):`];
  for (const e of check.errors.slice(0, shown)) {
    out.push(`    ${e.side} ${e.key}: ${e.message}`);
    // The last lines of what the pipeline printed for this row alone, when it said more than the message.
    if (e.detail) for (const line of e.detail.split('\n').slice(-3)) out.push(c.dim(`      │ ${line}`));
  }
  return out;
}

/** Short names of hint kinds, for the table column. */
const HINT_LABELS: Record<HintKind, string> = {
  constant_offset: 'constant offset',
  timezone_offset: 'time zone offset',
  constant_ratio: 'constant ratio (units)',
  affine: 'affine (stale statistics)',
  rounding: 'rounding',
  float32_widening: 'float32 widening',
  sign_flip: 'sign flip',
  null_input: 'null inputs only',
  category: 'some categories only',
  unseen_category: 'unseen categories',
  boundary: 'bucket edges only',
  grows_with_age: 'grows with row age (clock)',
  rename: 'renamed',
  type: 'type (number vs string)',
  offset_by_segment: 'offset per zone or month',
  clipping: 'clipping to a range',
  math_domain: 'math domain (log, sqrt, ÷0)',
  vocabulary_order: 'vocabulary order',
  absent: 'absent on one side',
};

function formatTrend(t: Trend, c: Colors): string[] {
  const entry = (e: Trend['new'][number]) =>
    `${e.check}/${e.field}${e.before && e.after ? ` ${formatRate(e.before.rate)} → ${formatRate(e.after.rate)}` : e.after ? ` ${formatRate(e.after.rate)}` : ''}`;
  const out = [`${c.bold('trend')}  against ${t.baseline.file} (${t.baseline.startedAt})`];
  const groups: Array<[string, Trend['new'], (s: string) => string]> = [
    ['new', t.new, c.red],
    ['worse', t.worse, c.red],
    ['better', t.better, c.green],
    ['resolved', t.resolved, c.green],
  ];
  for (const [label, entries, paint] of groups) if (entries.length > 0) out.push(`  ${paint(label.padEnd(8))} ${entries.map(entry).join(', ')}`);
  if (out.length === 1) out.push(c.dim('  no change in skew'));
  return out;
}

function formatCounterexample(x: Counterexample, c: Colors): string[] {
  const m = x.mismatch;
  const values = m.kind === 'error' ? (m.detail ?? 'one side rejected the row') : `offline ${formatValue(m.offline)}  online ${formatValue(m.online)}${m.absDiff !== undefined ? `  diff ${formatNumber(m.absDiff)}` : ''}`;
  return [
    '',
    `  ${c.red(x.field)}  ${x.description}`,
    c.dim(`    base row ${x.baseKey}; found after ${x.runs} generated row${x.runs === 1 ? '' : 's'}, ${x.shrinks} shrink step${x.shrinks === 1 ? '' : 's'}`),
    `    ${values}`,
    `    ${c.dim('Reproduce with:')} ${x.reproduce}`,
  ];
}

function fieldRow(f: FieldStats, c: Colors): string[] {
  const failed = f.status === 'failed';
  const paint = failed ? c.red : (s: string) => s;
  const kinds = MISMATCH_KINDS.filter((k) => f.kinds[k] > 0).map((k) => `${k} ${f.kinds[k]}`).join(', ');
  return [
    paint(f.side ? `${f.side} ${f.field}` : f.field),
    String(f.compared),
    paint(String(f.mismatched)),
    paint(formatRate(f.rate)),
    c.dim(`${formatRate(f.interval[0])}–${formatRate(f.interval[1])}`),
    f.maxAbsDiff === null ? '' : formatNumber(f.maxAbsDiff),
    kinds,
  ];
}

/** A field's impact cell: red when its skew alone flips decisions. */
function paintImpact(impact: FieldImpact, c: Colors): string {
  const text = formatFieldImpact(impact);
  return impact.flipped ? c.red(text) : impact.rank === null ? c.yellow(text) : text;
}

function exampleRow(m: Mismatch): string[] {
  const diff =
    m.kind === 'value' && m.absDiff !== undefined && m.detail === undefined
      ? `${formatNumber(m.absDiff)}${m.relDiff !== undefined ? ` (${formatRate(m.relDiff)})` : ''}`
      : m.kind === 'value'
        ? (m.detail ?? '')
        : `${m.kind}${m.detail ? `: ${m.detail}` : ''}`;
  return [m.key, m.path, formatValue(m.offline), formatValue(m.online), diff];
}


function formatProcesses(processes: OfflineProcesses | undefined, c: Colors): string {
  if (!processes) return '';
  const mode = processes.mode === 'stream' ? 'answers line by line, ' : processes.mode === 'batch' ? 'reads whole batches, ' : '';
  const skipped = processes.skippedStdout;
  const logNote = skipped ? `; ${formatCountOf(skipped.lines, 'stdout line')} that ${verbFor(skipped.lines, 'is', 'are')} not JSON skipped as log output, like ${JSON.stringify(skipped.first)} (print logs to stderr)` : '';
  return c.dim(`  (${mode}${formatCountOf(processes.started, 'process', 'processes')}${logNote})`);
}
