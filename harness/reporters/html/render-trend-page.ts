import { formatRate } from '../../core/summarize-verdict';
import { formatNightLabels, formatTrendChange, hasMismatches, summarizeLatest, type TrendSeries, type TrendSeriesField } from '../../core/trend-series';
import type { VerdictStatus } from '../../core/verdict';
import { formatInterval } from './format-figures';
import { breakable, html, trustedHtml, type SafeHtml } from './html';
import { renderPage } from './render-page';
import { renderTrendChart } from './render-trend-chart';

/** What the trend chart adds to the page's style sheet (a constant: no report data). */
const TREND_STYLES = `.chart .trend-line line { stroke: var(--bar); stroke-width: 1.5; }
.chart .whisker { stroke: var(--text); stroke-width: 1.5; opacity: .45; }
.nights td, .nights th { white-space: nowrap; }`;

/**
 * `skew trend --reporter html`: one self-contained page (the report's shell: inline CSS and SVG, a CSP that forbids
 * every request, every datum escaped by the `html` template) with the nights, the warnings, and per check a chart
 * of each field that mismatched on some night and a table of fields × nights with the latest night's change.
 * Pure: the same series always gives the same page.
 */
export function renderTrendPage(series: TrendSeries, toolVersion: string): string {
  const labels = formatNightLabels(series.nights);
  const groups = new Map<string, TrendSeriesField[]>();
  for (const f of series.fields) groups.set(f.check, [...(groups.get(f.check) ?? []), f]);
  const last = series.nights[series.nights.length - 1]!;
  const body = html`<style>${trustedHtml(TREND_STYLES)}</style>
<div class="page-head"><span><strong>skew-harness</strong> trend</span><span>${last.startedAt}</span></div>
<h1>Skew trend over ${series.nights.length} night${series.nights.length === 1 ? '' : 's'}</h1>
<p>${summarizeLatest(series)}.</p>
${series.warnings.length > 0 ? html`<div class="warnings"><strong>Warnings</strong><ul>${series.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>` : ''}
<table class="examples nights"><thead><tr><th>night</th><th>report</th><th>verdict</th><th>config</th><th>target</th></tr></thead><tbody>
${series.nights.map((n, i) => html`<tr><td>${labels[i]}</td><td><code>${n.file}</code></td><td><span class="${`badge ${verdictClass(n.verdict)}`}">${n.verdict}</span></td><td><code>${n.configHash}</code></td><td>${n.target ?? '–'}</td></tr>`)}
</tbody></table>
${[...groups].map(([check, fields]) => renderCheckTrend(check, fields, labels))}
<footer>skew-harness ${toolVersion} · self-contained page: no network requests</footer>`;
  return renderPage(`Skew trend · ${series.nights.length} nights · ${last.file}`, body).toString();
}

function renderCheckTrend(check: string, fields: readonly TrendSeriesField[], labels: readonly string[]): SafeHtml {
  const shown = fields.filter(hasMismatches);
  const clean = fields.length - shown.length;
  const cell = (f: TrendSeriesField, i: number) => {
    const p = f.points[i];
    if (!p) return html`<td class="num muted">–</td>`;
    return html`<td class="${`num ${p.status === 'failed' ? 'warn' : ''}`}" title="${`95% CI ${formatInterval(p.interval)}; ${p.mismatched} of ${p.compared} rows`}">${formatRate(p.rate)}</td>`;
  };
  const change = (f: TrendSeriesField) => (f.change ? html`<span class="${`badge ${f.change === 'new' || f.change === 'worse' ? 'status-failed' : 'status-passed'}`}">${formatTrendChange(f.change)}</span>` : '');
  return html`<section class="check" id="${`trend-${check}`}"><header class="check-head"><h2>${check}</h2></header>
${shown.length > 0 ? html`<div class="charts">${shown.map((f) => renderTrendChart(f, labels))}</div>
<table class="examples"><thead><tr><th>field</th>${labels.map((l) => html`<th class="num">${l}</th>`)}<th>change</th></tr></thead><tbody>
${shown.map((f) => html`<tr><td><code>${breakable(f.field)}</code></td>${labels.map((_, i) => cell(f, i))}<td>${change(f)}</td></tr>`)}
</tbody></table>` : ''}
${clean > 0 ? html`<p class="muted">${shown.length > 0 ? '+ ' : ''}${clean} field${clean === 1 ? '' : 's'} clean every night.</p>` : ''}
</section>`;
}

function verdictClass(verdict: VerdictStatus): string {
  switch (verdict) {
    case 'clean':
      return 'status-passed';
    case 'skew':
    case 'failed':
      return 'status-failed';
    case 'inconclusive':
      return 'status-inconclusive';
    case 'interrupted':
      return 'status-skipped';
  }
}
