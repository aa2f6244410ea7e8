import { formatRate } from '../../core/summarize-verdict';
import type { TrendSeriesField } from '../../core/trend-series';
import { linearScale, niceTicks, px } from './chart-scale';
import { formatCount, formatInterval } from './format-figures';
import { html, type SafeHtml } from './html';

const WIDTH = 360;
const HEIGHT = 170;
const MARGIN = { top: 12, right: 14, bottom: 34, left: 52 };

/**
 * One field's mismatch rate night by night as an SVG: a point per night (red over budget, grey within), its 95%
 * Wilson interval as a whisker, the nights joined by lines, the latest night's budget dashed. A jump whose whiskers
 * overlap is sampling noise; one whose whiskers part is a change. Nights where the field was not compared are gaps.
 */
export function renderTrendChart(field: TrendSeriesField, labels: readonly string[]): SafeHtml {
  const points = field.points;
  const latestBudget = [...points].reverse().find((p) => p !== null)?.budget ?? 0;
  const top = Math.max(latestBudget, ...points.map((p) => p?.interval[1] ?? 0));
  const yTicks = niceTicks(0, top > 0 ? top : 0.01, 4);
  const y = linearScale([0, Math.max(top, yTicks[yTicks.length - 1] ?? 0, 0.01)], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const step = points.length > 1 ? (WIDTH - MARGIN.left - MARGIN.right) / (points.length - 1) : 0;
  const x = (i: number) => (points.length > 1 ? MARGIN.left + i * step : MARGIN.left + (WIDTH - MARGIN.left - MARGIN.right) / 2);

  const segments: SafeHtml[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) segments.push(html`<line x1="${px(x(i - 1))}" y1="${px(y(a.rate))}" x2="${px(x(i))}" y2="${px(y(b.rate))}"/>`);
  }
  const marks = points.map((p, i) => {
    if (!p) return null;
    const title = `${labels[i] ?? ''}: ${formatRate(p.rate)} (95% CI ${formatInterval(p.interval)}), ${formatCount(p.mismatched)} of ${formatCount(p.compared)} rows, budget ${formatRate(p.budget)}`;
    return html`<g class="${p.status === 'failed' ? 'pt-off' : 'pt-on'}"><line class="whisker" x1="${px(x(i))}" x2="${px(x(i))}" y1="${px(y(p.interval[0]))}" y2="${px(y(p.interval[1]))}"/><circle cx="${px(x(i))}" cy="${px(y(p.rate))}" r="3.5"><title>${title}</title></circle></g>`;
  });
  // Night labels under the axis; with many nights, every k-th one so they do not overlap.
  const every = Math.max(1, Math.ceil(points.length / 6));
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${`Mismatch rate of ${field.field} in ${field.check} over ${points.length} nights`}">
<g class="grid">${yTicks.map((t) => html`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`)}</g>
${latestBudget > 0 ? html`<line class="identity" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${px(y(latestBudget))}" y2="${px(y(latestBudget))}"><title>${`budget ${formatRate(latestBudget)}`}</title></line>` : ''}
<g class="trend-line">${segments}</g>
${marks}
<g class="ticks">${yTicks.map((t) => html`<text x="${MARGIN.left - 6}" y="${px(y(t) + 4)}" text-anchor="end">${formatRate(t)}</text>`)}
${labels.map((label, i) => (i % every === 0 || i === labels.length - 1 ? html`<text x="${px(x(i))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${label}</text>` : null))}</g>
</svg>
<figcaption>${field.check} · ${field.field}: mismatch rate per night, 95% interval as whiskers${latestBudget > 0 ? ', budget dashed' : ''}</figcaption>
</figure>`;
}
