import type { Colors } from './colors';
import { formatTable, type Align } from './format-table';
import { formatValue } from './format-value';
import { formatMetric, type DriftColumn, type DriftFile, type DriftReport } from '../core/drift-report';

/**
 * The terminal view of a drift report: a title naming both files and the sample, a table with one line per
 * common column (kind, rows, null share on each side, PSI, JS, L∞, status — values over their threshold
 * highlighted), a line of evidence under each drifting column, the columns found in one file only, and the
 * summary. Ends with a newline.
 */
export function formatDriftReport(report: DriftReport, colors: Colors): string {
  const lines = [`skew drift  baseline ${describeFile(report.baseline)}  ·  current ${describeFile(report.current)}`, ''];
  const sample = report.sample.method === 'all' ? 'every row' : `a reservoir sample of up to ${report.sample.size} rows per file (seed ${report.sample.seed})`;

  if (report.columns.length > 0) {
    const header = ['column', 'kind', 'rows base', 'rows cur', 'null base', 'null cur', 'PSI', 'JS', 'L∞', 'status'];
    const align: Align[] = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'];
    const metric = (column: DriftColumn, name: 'psi' | 'jensenShannon' | 'lInfinity') => {
      const value = column[name];
      if (value === null) return colors.dim('–');
      return column.exceeded.includes(name) ? colors.red(formatMetric(value)) : formatMetric(value);
    };
    const rows = report.columns.map((c) => [
      c.column,
      c.kind ?? '–',
      String(c.rows.baseline),
      String(c.rows.current),
      percent(c.nullRate.baseline),
      percent(c.nullRate.current),
      metric(c, 'psi'),
      metric(c, 'jensenShannon'),
      metric(c, 'lInfinity'),
      status(c, colors),
    ]);
    lines.push(...formatTable(header, rows.map((r) => r.map((cell, i) => (i === 0 ? colors.bold(cell) : cell))), align));
    const evidence = report.columns.flatMap((c) => {
      const text = evidenceFor(c);
      return text === null ? [] : [`  ${c.column}: ${text}`];
    });
    if (evidence.length > 0) lines.push('', ...evidence);
    lines.push('');
  }
  if (report.onlyInBaseline.length > 0) lines.push(`Only in baseline (${report.onlyInBaseline.length}): ${report.onlyInBaseline.join(', ')}`);
  if (report.onlyInCurrent.length > 0) lines.push(`Only in current (${report.onlyInCurrent.length}): ${report.onlyInCurrent.join(', ')}`);
  if (report.excluded.length > 0) lines.push(`Left out (--key, --ignore): ${report.excluded.join(', ')}`);
  lines.push(colors.dim(`Distributions from ${sample}.`));

  const summary = report.verdict.summary;
  lines.push(report.verdict.status === 'stable' ? colors.green(summary) : report.verdict.status === 'drift' ? colors.red(colors.bold(summary)) : colors.yellow(summary));
  return `${lines.join('\n')}\n`;
}

function describeFile(file: DriftFile): string {
  const good = file.rowsRead - file.badRowCount;
  const rows = file.rowsSampled === good ? plural(good, 'row') : `${file.rowsSampled} of ${plural(good, 'row')}`;
  const skipped = file.badRowCount > 0 ? `, ${file.badRowCount} bad skipped` : '';
  return `${file.path} (${file.format}, ${rows}${skipped})`;
}

function status(column: DriftColumn, colors: Colors): string {
  switch (column.status) {
    case 'stable':
      return colors.green('stable');
    case 'drift':
      return colors.red('DRIFT');
    case 'type_changed':
      return colors.red('TYPE CHANGED');
    case 'not_compared':
      return colors.dim('not compared (JSON)');
  }
}

/** One line of evidence for a column that is not stable: what moved, so the reader need not open the data. */
function evidenceFor(column: DriftColumn): string | null {
  switch (column.status) {
    case 'stable':
    case 'not_compared':
      return null;
    case 'type_changed':
      return `type changed: ${column.types.baseline} in baseline, ${column.types.current} in current`;
    case 'drift':
      break;
  }
  const parts: string[] = [];
  if (column.numeric) {
    const { baseline, current } = column.numeric.median;
    const dates = column.types.baseline === 'date';
    if (baseline !== null || current !== null) parts.push(`median ${number(baseline, dates)} → ${number(current, dates)}`);
  }
  if (column.categorical) {
    const { largestShift, unseen } = column.categorical;
    if (largestShift) parts.push(`${largestShift.category} ${percent(largestShift.baseline)} → ${percent(largestShift.current)} of rows`);
    if (unseen.categories > 0) {
      const top = unseen.top.map((c) => c.category).join(', ');
      const more = unseen.categories > unseen.top.length ? ', …' : '';
      parts.push(`${unseen.categories} ${unseen.categories === 1 ? 'category' : 'categories'} not in baseline (${percent(unseen.share)} of rows): ${top}${more}`);
    }
  }
  if (column.nullRate.baseline !== column.nullRate.current) parts.push(`null ${percent(column.nullRate.baseline)} → ${percent(column.nullRate.current)}`);
  return parts.join('; ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A share as a percentage: `0%`, `12.5%`, `<0.1%` for a share too small to show but not zero. */
export function percent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.0005) return '<0.1%';
  if (share === 1) return '100%';
  return `${(share * 100).toFixed(1)}%`;
}

/** A median as people read it: dates (compared as epoch milliseconds) back as ISO instants. */
function number(value: number | null, date: boolean): string {
  if (value === null) return '–';
  return date ? new Date(value).toISOString() : formatValue(value);
}
