import { formatNumber } from '../format-value';
import { linearScale, niceTicks, px } from './chart-scale';
import { formatCount, formatTicks } from './format-figures';
import { html, type SafeHtml } from './html';

const SIZE = 220;
const MARGIN = { top: 12, right: 14, bottom: 40, left: 52 };

/** Axis names of the scatter: offline and online, or a same-side check's labels. */
export interface ScatterLabels {
  /** x axis. */
  offline: string;
  /** y axis. */
  online: string;
}

/**
 * Offline (x) against online (y) as SVG points on equal axes, with the y = x line: points on the line agree,
 * points off it are skew, and their shape tells the cause (a parallel line is an offset, a different slope a
 * scale, a fan growth). Matching points are grey, differing ones coloured. Non-finite pairs cannot be placed and
 * are counted in the caption instead. Returns nothing when no point is finite.
 */
export function renderScatter(points: ReadonlyArray<readonly [number, number]>, labels: ScatterLabels): SafeHtml | null {
  const finite = points.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  if (finite.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const [a, b] of finite) {
    lo = Math.min(lo, a, b);
    hi = Math.max(hi, a, b);
  }
  const pad = (hi - lo) * 0.04;
  const x = linearScale([lo - pad, hi + pad], [MARGIN.left, MARGIN.left + SIZE]);
  const y = linearScale([lo - pad, hi + pad], [MARGIN.top + SIZE, MARGIN.top]);
  const [d0, d1] = x.domain;

  const on: SafeHtml[] = [];
  const off: SafeHtml[] = [];
  for (const [a, b] of finite) {
    if (agrees(a, b)) on.push(html`<circle cx="${px(x(a))}" cy="${px(y(b))}" r="2.5"/>`);
    else off.push(html`<circle cx="${px(x(a))}" cy="${px(y(b))}" r="2.5"><title>${`${labels.offline} ${formatNumber(a)}, ${labels.online} ${formatNumber(b)}`}</title></circle>`);
  }
  const ticks = niceTicks(d0, d1, 4);
  const tickLabels = formatTicks(ticks);
  const width = MARGIN.left + SIZE + MARGIN.right;
  const height = MARGIN.top + SIZE + MARGIN.bottom;
  const skipped = points.length - finite.length;
  return html`<figure class="chart">
<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${`${labels.online} against ${labels.offline} for ${formatCount(finite.length)} rows`}">
<rect class="plot" x="${MARGIN.left}" y="${MARGIN.top}" width="${SIZE}" height="${SIZE}"/>
<g class="grid">${ticks.map((t) => html`<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${MARGIN.top}" y2="${MARGIN.top + SIZE}"/><line x1="${MARGIN.left}" x2="${MARGIN.left + SIZE}" y1="${px(y(t))}" y2="${px(y(t))}"/>`)}</g>
<line class="identity" x1="${px(x(d0))}" y1="${px(y(d0))}" x2="${px(x(d1))}" y2="${px(y(d1))}"><title>y = x: both sides agree</title></line>
<g class="pt-on">${on}</g><g class="pt-off">${off}</g>
<g class="ticks">${ticks.map((t, i) => html`<text x="${px(x(t))}" y="${MARGIN.top + SIZE + 16}" text-anchor="middle">${tickLabels[i]}</text><text x="${MARGIN.left - 6}" y="${px(y(t) + 4)}" text-anchor="end">${tickLabels[i]}</text>`)}</g>
<text class="axis-label" x="${MARGIN.left + SIZE / 2}" y="${height - 6}" text-anchor="middle">${labels.offline}</text>
<text class="axis-label" transform="${`translate(12 ${MARGIN.top + SIZE / 2}) rotate(-90)`}" text-anchor="middle">${labels.online}</text>
</svg>
<figcaption><span class="key key-off"></span>${formatCount(off.length)} off the line <span class="key key-on"></span>${formatCount(on.length)} on it${skipped > 0 ? ` · ${formatCount(skipped)} non-finite not drawn` : ''}</figcaption>
</figure>`;
}

/** On the y = x line, up to float noise (the report's tolerances were applied already; this only colours). */
function agrees(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
