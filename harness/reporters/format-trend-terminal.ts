import { formatRate } from '../core/summarize-verdict';
import { formatNightLabels, formatTrendChange, hasMismatches, summarizeLatest, type TrendPoint, type TrendSeries, type TrendSeriesField } from '../core/trend-series';
import type { Colors } from './colors';
import { formatTable } from './format-table';

/**
 * `skew trend` on a terminal: the nights, then per check a table of fields × nights (mismatch rates; the latest
 * with its 95% interval, where a rate rests on its rows) and the change of the latest night, arrowed. Fields clean
 * every night are counted, not listed.
 */
export function formatTrendTerminal(series: TrendSeries, options: { colors: Colors }): string {
  const c = options.colors;
  const labels = formatNightLabels(series.nights);
  const last = series.nights[series.nights.length - 1]!;
  const lines = [c.bold(`skew trend: ${series.nights.length} night${series.nights.length === 1 ? '' : 's'}, ${labels[0]} … ${labels[labels.length - 1]} (latest: ${last.file}, ${last.verdict.toUpperCase()})`)];
  for (const warning of series.warnings) lines.push(c.yellow(`warning: ${warning}`));
  for (const [check, fields] of groupByCheck(series.fields)) {
    const shown = fields.filter(hasMismatches);
    lines.push('', c.bold(check));
    if (shown.length > 0) {
      const rows = shown.map((f) => [f.field, ...f.points.map((p, i) => cell(p, i === f.points.length - 1, c)), colorChange(f, c)]);
      lines.push(...formatTable(['field', ...labels, 'change'], rows, ['left', ...labels.map(() => 'right' as const), 'left']));
    }
    const clean = fields.length - shown.length;
    if (clean > 0) lines.push(c.dim(`  ${shown.length > 0 ? '+ ' : ''}${clean} field${clean === 1 ? '' : 's'} clean every night`));
  }
  lines.push('', summarizeLatest(series));
  return `${lines.join('\n')}\n`;
}

/** Fields by check, checks in series order. */
export function groupByCheck(fields: readonly TrendSeriesField[]): Map<string, TrendSeriesField[]> {
  const groups = new Map<string, TrendSeriesField[]>();
  for (const f of fields) groups.set(f.check, [...(groups.get(f.check) ?? []), f]);
  return groups;
}

function cell(point: TrendPoint | null, latest: boolean, c: Colors): string {
  if (!point) return '–';
  const interval = latest && point.mismatched > 0 ? ` (${formatRate(point.interval[0]).replace(/%$/, '')}–${formatRate(point.interval[1])})` : '';
  const text = `${formatRate(point.rate)}${interval}`;
  return point.status === 'failed' ? c.red(text) : text;
}

function colorChange(field: TrendSeriesField, c: Colors): string {
  const text = formatTrendChange(field.change);
  return field.change === 'new' || field.change === 'worse' ? c.red(text) : field.change ? c.green(text) : '';
}
