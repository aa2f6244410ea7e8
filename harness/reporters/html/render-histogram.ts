import type { Histogram } from '../../core/field-analysis';
import { formatNumber } from '../format-value';
import { linearScale, niceTicks, px } from './chart-scale';
import { formatCount, formatTicks } from './format-figures';
import { html, type SafeHtml } from './html';

const WIDTH = 420;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 14, bottom: 40, left: 44 };

/**
 * The histogram of online − offline as SVG bars, with a dashed line at zero difference when zero is in range: a
 * single bar away from zero says "constant offset", a spread says noise or scale. Each bar has a tooltip with its
 * exact bin and count. Returns nothing for an empty histogram.
 */
export function renderHistogram(histogram: Histogram): SafeHtml | null {
  const { edges, counts } = histogram;
  if (counts.length === 0 || edges.length !== counts.length + 1) return null;
  const lo = edges[0]!;
  const hi = edges[edges.length - 1]!;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const maxCount = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const x = linearScale([lo, hi], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale([0, maxCount], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  // Every difference equal (a zero-width range) or a single bin: one bar a third of the plot wide, centred, reads as
  // "all rows differ by this much" where a wall across the plot would not.
  const single = hi === lo || counts.length === 1;
  const bandWidth = plotWidth / 3;

  const bars = counts.map((count, i) => {
    const a = edges[i]!;
    const b = edges[i + 1]!;
    const left = single ? MARGIN.left + plotWidth / 2 - bandWidth / 2 : x(a);
    const width = single ? bandWidth : Math.max(1, x(b) - x(a) - 1);
    const top = y(count);
    const label = `[${formatNumber(a)}, ${formatNumber(b)}${i === counts.length - 1 ? ']' : ')'}: ${formatCount(count)} row${count === 1 ? '' : 's'}`;
    return html`<rect class="bar" x="${px(left)}" y="${px(top)}" width="${px(width)}" height="${px(y(0) - top)}"><title>${label}</title></rect>`;
  });

  // A single bar is labelled with its own range; otherwise round ticks along the axis.
  const xTicks = single ? [] : niceTicks(x.domain[0], x.domain[1], 5);
  const yTicks = niceTicks(0, maxCount, 3).filter((t) => Number.isInteger(t));
  const xLabels = formatTicks(xTicks);
  const yLabels = formatTicks(yTicks);
  const zero = !single && lo < 0 && hi > 0 ? html`<line class="zero" x1="${px(x(0))}" x2="${px(x(0))}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}"/>` : '';
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${`Histogram of online minus offline over ${formatCount(total)} mismatching rows`}">
<g class="grid">${yTicks.map((t) => html`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`)}</g>
${bars}${zero}
<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${px(y(0))}" y2="${px(y(0))}"/>
<g class="ticks">${yLabels.map((label, i) => html`<text x="${MARGIN.left - 6}" y="${px(y(yTicks[i]!) + 4)}" text-anchor="end">${label}</text>`)}
${xLabels.map((label, i) => html`<text x="${px(x(xTicks[i]!))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${label}</text>`)}</g>
${single ? html`<text x="${px(MARGIN.left + plotWidth / 2)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${lo === hi ? formatNumber(lo) : `${formatNumber(lo)} to ${formatNumber(hi)}`}</text>` : ''}
<text class="axis-label" x="${px(MARGIN.left + plotWidth / 2)}" y="${HEIGHT - 6}" text-anchor="middle">online − offline</text>
</svg>
<figcaption>Differences on ${formatCount(total)} mismatching row${total === 1 ? '' : 's'} (rows per bin)</figcaption>
</figure>`;
}
