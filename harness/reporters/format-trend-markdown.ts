import { formatRate } from '../core/summarize-verdict';
import { formatNightLabels, formatTrendChange, hasMismatches, summarizeLatest, type TrendPoint, type TrendSeries } from '../core/trend-series';
import { markdownCell, markdownCode, markdownCodeCell } from './escape-markdown';
import { groupByCheck } from './format-trend-terminal';

/**
 * `skew trend` as Markdown (a CI step summary, an issue comment): the nights, then per check a table of fields ×
 * nights with the latest rate's 95% interval and the change, **bold** where over budget.
 */
export function formatTrendMarkdown(series: TrendSeries): string {
  const labels = formatNightLabels(series.nights);
  const out = ['## Skew trend', '', `${series.nights.length} night${series.nights.length === 1 ? '' : 's'}: ${series.nights.map((n, i) => `${labels[i]} ${markdownCode(n.file)} (${n.verdict})`).join(', ')}.`];
  for (const warning of series.warnings) out.push('', `> **Warning:** ${markdownCell(warning)}`);
  for (const [check, fields] of groupByCheck(series.fields)) {
    const shown = fields.filter(hasMismatches);
    out.push('', `### ${markdownCell(check)}`, '');
    if (shown.length > 0) {
      out.push(`| field | ${labels.join(' | ')} | change |`, `|---|${labels.map(() => '---:|').join('')}---|`);
      for (const f of shown) out.push(`| ${markdownCodeCell(f.field)} | ${f.points.map((p, i) => cell(p, i === f.points.length - 1)).join(' | ')} | ${formatTrendChange(f.change)} |`);
    }
    const clean = fields.length - shown.length;
    if (clean > 0) out.push(`${shown.length > 0 ? '\n' : ''}${clean} field${clean === 1 ? '' : 's'} clean every night.`);
  }
  out.push('', `${summarizeLatest(series).replace(/^./, (ch) => ch.toUpperCase())}.`);
  return `${out.join('\n')}\n`;
}

function cell(point: TrendPoint | null, latest: boolean): string {
  if (!point) return '–';
  const interval = latest && point.mismatched > 0 ? ` (${formatRate(point.interval[0]).replace(/%$/, '')}–${formatRate(point.interval[1])})` : '';
  const text = `${formatRate(point.rate)}${interval}`;
  return point.status === 'failed' ? `**${text}**` : text;
}
