import type { ColumnProfile, DataProfile } from '../../core/data-profile';
import { formatRate } from '../../core/summarize-verdict';
import { formatNumber } from '../format-value';
import { formatCompact, formatCount } from './format-figures';
import { breakable, html, type SafeHtml } from './html';
import { valueText } from './render-value';

/** Categories listed per column; the rest are counted. */
const TOP_CATEGORIES = 6;

/**
 * The data profile of the sample, one row per column: role, kind, non-null count, null rate, and what the values
 * look like (numeric range and median, top categories with counts, string lengths, date range, share of true).
 * Generated rows are built from it, so it explains where their edge values came from.
 */
export function renderProfile(profile: DataProfile): SafeHtml {
  if (profile.columns.length === 0) return html`<section class="profile"><h2>Data profile</h2><p class="muted">No columns profiled.</p></section>`;
  return html`<section class="profile">
<h2>Data profile <span class="muted">${formatCount(profile.rows)} sampled rows</span></h2>
<div class="table-wrap"><table class="sortable profile-table">
<thead><tr><th>column</th><th>role</th><th>kind</th><th class="num">non-null</th><th class="num">null rate</th><th>values</th></tr></thead>
<tbody>${profile.columns.map(
    (c) => html`<tr><td class="field">${breakable(c.name)}</td><td>${c.role.replace(/_/g, ' ')}</td><td>${c.kind}</td>
<td class="num" data-sort="${c.count}">${formatCount(c.count)}</td><td class="num" data-sort="${c.nullRate}">${formatRate(c.nullRate)}</td><td class="values">${describeValues(c)}</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function describeValues(c: ColumnProfile): SafeHtml {
  if (c.numeric) {
    const n = c.numeric;
    return html`${formatNumber(n.min)} – ${formatNumber(n.max)} <span class="muted">median ${formatCompact(n.quantiles.p50)}, mean ${formatCompact(n.mean)}${n.negativeRate > 0 ? `, ${formatRate(n.negativeRate)} negative` : ''}${n.zeroRate > 0 ? `, ${formatRate(n.zeroRate)} zero` : ''}</span>`;
  }
  if (c.strings?.vocabulary) {
    const vocabulary = c.strings.vocabulary;
    const top = vocabulary.slice(0, TOP_CATEGORIES).map((v) => html`<span class="cat">${valueText(v.value, 40)} <span class="muted">${formatCount(v.count)}</span></span>`);
    const more = vocabulary.length > TOP_CATEGORIES ? html` <span class="muted">+${vocabulary.length - TOP_CATEGORIES} more</span>` : '';
    return html`${top}${more}`;
  }
  if (c.strings) {
    const s = c.strings;
    const notes = [s.paddedRate > 0 && `${formatRate(s.paddedRate)} padded`, s.emptyRate > 0 && `${formatRate(s.emptyRate)} empty`, s.nonAsciiRate > 0 && `${formatRate(s.nonAsciiRate)} non-ASCII`].filter(Boolean);
    return html`length ${s.minLength}–${s.maxLength}${notes.length > 0 ? html` <span class="muted">${notes.join(', ')}</span>` : ''}`;
  }
  if (c.dates) return html`${c.dates.min} – ${c.dates.max} <span class="muted">${c.dates.format}</span>`;
  if (c.booleans) return html`${formatRate(c.booleans.trueRate)} true`;
  return html`<span class="muted">—</span>`;
}
