import type { FieldSegments } from '../../core/field-segments';
import { formatRate } from '../../core/summarize-verdict';
import { wilsonInterval } from '../../core/wilson';
import { splitName } from '../format-segments';
import { formatCount } from './format-figures';
import { html, type SafeHtml } from './html';
import { renderRateBar } from './render-rate-bar';

/**
 * Where a field mismatches: for each column that separates mismatching rows (best first), the mismatch rate of
 * every segment with its rows, as a table with rate bars. Nothing when no column separates.
 */
export function renderSegments(segments: FieldSegments | undefined): SafeHtml | null {
  if (!segments || segments.splits.length === 0) return null;
  const overall = segments.rows === 0 ? 0 : segments.mismatched / segments.rows;
  const note = segments.sampledFrom !== undefined ? ` (every row of an even ${formatCount(segments.rows)} of ${formatCount(segments.sampledFrom)})` : '';
  return html`<section class="segments">
<h5>Where it mismatches <span class="muted">(${formatRate(overall)} overall${note}; columns that best separate mismatching rows)</span></h5>
<div class="segment-splits">${segments.splits.map(
    (split) => html`<div class="table-wrap"><table class="examples segment-table">
<caption>by ${splitName(split)} <span class="muted">(information gain ${split.gain.toFixed(3)} bits)</span></caption>
<thead><tr><th>${split.column}</th><th class="num">rows</th><th class="num">mismatched</th><th class="num">rate</th><th></th></tr></thead>
<tbody>${split.segments.map(
      (s) => html`<tr><td class="val">${s.label}</td><td class="num">${formatCount(s.rows)}</td><td class="num">${formatCount(s.mismatched)}</td><td class="num">${formatRate(s.rate)}</td><td>${renderRateBar({ rate: s.rate, interval: wilsonInterval(s.mismatched, s.rows), budget: 0, status: s.rate > overall ? 'failed' : 'passed' })}</td></tr>`,
    )}</tbody>
</table></div>`,
  )}</div>
</section>`;
}
