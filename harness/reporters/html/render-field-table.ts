import type { CheckResult } from '../../core/check-result';
import type { FieldStats } from '../../core/field-stats';
import { MISMATCH_KINDS } from '../../core/mismatch';
import { formatRate } from '../../core/summarize-verdict';
import { formatNumber } from '../format-value';
import { anchors } from './anchors';
import { formatCompact, formatCount, formatInterval, sortKey } from './format-figures';
import { HINT_LABELS } from './hint-labels';
import { breakable, html, type SafeHtml } from './html';
import { renderRateBar } from './render-rate-bar';
import { orderForReview } from '../../core/review-order';
import { formatFieldImpact } from '../format-impact';

/** Display name of a field: same-side checks say which side it belongs to. */
export function fieldName(field: FieldStats): string {
  return field.side ? `${field.side} ${field.field}` : field.field;
}

/**
 * A check's sortable field table: field, compared, mismatched, rate (bar, with the 95% interval), max |diff|,
 * prediction impact (when measured), kinds and the strongest hint (when the run analysed fields). Fields ranked by
 * impact come first, then failing fields, worst first; failing fields link to
 * their cards; a budget column appears only when some field has a non-zero budget. `data-sort` holds each cell's
 * raw number for the sort script, so 9 sorts before 10 and 2.5% before 10%.
 *
 * @param fields the fields to list (a same-side check lists only those that moved)
 */
export function renderFieldTable(check: CheckResult, checkIndex: number, fields: readonly FieldStats[]): SafeHtml {
  // Fields ranked by prediction impact first: a reviewer fixes first what changes decisions.
  const ordered = orderForReview(fields);
  const withImpact = fields.some((f) => f.impact);
  const withBudget = fields.some((f) => f.budget > 0);
  // Hints come from field analysis; a report without it would show an empty column.
  const withHints = fields.some((f) => f.analysis !== undefined);
  const rows = ordered.map((f) => {
    const failed = f.status === 'failed';
    const index = check.fields.indexOf(f);
    const name = failed ? html`<a href="${`#${anchors.field(checkIndex, index)}`}">${breakable(fieldName(f))}</a>` : breakable(fieldName(f));
    const kinds = MISMATCH_KINDS.filter((k) => f.kinds[k] > 0).map((k) => html`<span class="${`chip kind-${k}`}">${k.replace(/_/g, ' ')} ${formatCount(f.kinds[k])}</span> `);
    const hint = f.analysis?.hints[0];
    return html`<tr class="${f.status}">
<td class="field">${name}</td>
<td class="num" data-sort="${f.compared}">${formatCount(f.compared)}</td>
<td class="num" data-sort="${f.mismatched}">${formatCount(f.mismatched)}</td>
<td class="num" data-sort="${f.rate}"><div class="rate"><span class="rate-text">${formatRate(f.rate)}</span>${renderRateBar(f)}</div></td>
<td class="num ci" data-sort="${f.interval[1]}">${formatInterval(f.interval)}</td>
${withBudget ? html`<td class="num" data-sort="${f.budget}">${formatRate(f.budget)}</td>` : ''}
<td class="num" data-sort="${sortKey(f.maxAbsDiff)}"${f.maxAbsDiff === null ? '' : html` title="${formatNumber(f.maxAbsDiff)}"`}>${f.maxAbsDiff === null ? '' : formatCompact(f.maxAbsDiff)}</td>
${withImpact ? html`<td class="impact" data-sort="${f.impact?.rank ?? ''}">${f.impact ? formatFieldImpact(f.impact) : ''}</td>` : ''}
<td class="kinds">${kinds}${f.noise ? html`<span class="chip noise" title="${`nondeterministic: ${formatRate(f.noise.rate)} of repeated rows differ`}">noise</span>` : ''}</td>
${withHints ? html`<td class="hint-cell">${hint ? html`<span title="${hint.message}">${HINT_LABELS[hint.kind]}</span>` : ''}</td>` : ''}
</tr>`;
  });
  return html`<div class="table-wrap"><table class="fields sortable">
<thead><tr><th>field</th><th class="num">compared</th><th class="num">mismatched</th><th class="num">rate</th><th class="num">95% CI</th>${withBudget ? html`<th class="num">budget</th>` : ''}<th class="num">max |diff|</th>${withImpact ? html`<th title="rank by prediction impact: decisions flipped, then |Δ prediction|">impact</th>` : ''}<th>kinds</th>${withHints ? html`<th>hint</th>` : ''}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}
