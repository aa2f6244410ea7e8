import { describeAgreedRejections } from '../../core/check-accounting';
import type { CheckResult, CheckStatus } from '../../core/check-result';
import { nounFor } from '../../core/plural';
import { anchors } from './anchors';
import { formatCount, formatDuration } from './format-figures';
import { html, type SafeHtml } from './html';
import { renderCommand } from './render-code';
import { renderCounterexample } from './render-counterexample';
import { renderFieldCard } from './render-field-card';
import { renderFieldTable } from './render-field-table';
import { renderGolden } from './render-golden';
import { renderInputContract, renderWarnings } from './render-input-contract';
import { rankedFirst } from '../../core/review-order';
import { describeImpact } from '../format-impact';

/** Words of a check status badge. */
export const CHECK_STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  inconclusive: 'inconclusive',
  error: 'error',
};

/** A check's status badge. */
export function renderCheckBadge(status: CheckStatus): SafeHtml {
  return html`<span class="${`badge status-${status}`}">${CHECK_STATUS_LABELS[status]}</span>`;
}

/**
 * One check's section: status badge and summary, row accounting, the field table, prediction impact, a card per
 * failing field (ranked by impact first, then worst rate first; with
 * its counterexample for generated-parity), fixed failures and row errors. A skipped check shows only its reason
 * (its summary). Same-side checks use their `labels` as column headings and list only fields that moved.
 *
 * @param reproduce the run's reproduce command (field cards narrow it to one row)
 */
export function renderCheck(check: CheckResult, checkIndex: number, reproduce: string): SafeHtml {
  const head = html`<header class="check-head"><h2>${check.name}</h2>${renderCheckBadge(check.status)}</header>
<p class="check-summary">${check.status === 'skipped' ? html`<span class="muted">Skipped:</span> ` : ''}${check.summary}</p>`;
  if (check.status === 'skipped') return html`<section class="${`check status-${check.status}`}" id="${anchors.check(checkIndex)}">${head}</section>`;

  const labels = check.labels ?? { offline: 'offline', online: 'online' };
  const sameSide = check.compares === 'same-side';
  // A same-side check's passing fields say nothing a reader needs: show only what moved.
  const tabled = sameSide ? check.fields.filter((f) => f.status === 'failed' || f.mismatched > 0) : check.fields;
  const failing = check.fields.filter((f) => f.status === 'failed');
  const counterexamples = check.counterexamples ?? [];
  // A counterexample whose field has no failing row in the table is still shown, not lost.
  const orphans = counterexamples.filter((x) => !failing.some((f) => f.field === x.field));
  const cards = rankedFirst(failing.sort((a, b) => b.rate - a.rate))
    .map((f) => renderFieldCard(f, { check, checkIndex, labels, reproduce, counterexample: counterexamples.find((x) => x.field === f.field) }));

  return html`<section class="${`check status-${check.status}`}" id="${anchors.check(checkIndex)}">
${head}
${renderRows(check)}
${renderInputContract(check)}
${sameSide && check.labels && check.status === 'failed' ? html`<p class="muted small">Compares ${check.labels.offline} with ${check.labels.online}: a failure is a finding about one side, not skew between them.</p>` : ''}
${tabled.length > 0 ? renderFieldTable(check, checkIndex, tabled) : check.fields.length > 0 ? html`<p class="muted">${check.fields.length === 1 ? 'The one field is identical.' : `All ${formatCount(check.fields.length)} fields identical.`}</p>` : ''}
${renderImpact(check)}
${check.golden ? renderGolden(check.golden) : cards}
${orphans.map((x) => html`<article class="card"><header class="card-head"><h4>${x.field}</h4></header>${renderCounterexample(x)}</article>`)}
${renderWarnings(check)}
${check.reproduce ? renderCommand(check.reproduce) : ''}
${renderFixed(check)}
${renderErrors(check)}
</section>`;
}

/** What the prediction-impact step did (the per-field numbers are in the table and the cards). */
function renderImpact(check: CheckResult): SafeHtml | null {
  if (!check.impact) return null;
  const [first, ...rest] = describeImpact(check.impact);
  return html`<div class="${`impact-note impact-${check.impact.status}`}"><h5>Prediction impact</h5><p>${first ?? ''}</p>${rest.length > 0 ? html`<ul>${rest.map((line) => html`<li>${line}</li>`)}</ul>` : ''}</div>`;
}

function renderRows(check: CheckResult): SafeHtml {
  const r = check.rows;
  const parts: SafeHtml[] = [html`${formatCount(r.compared)} of ${formatCount(r.total)} ${nounFor(r.total, 'row')} compared`];
  if (r.offlineErrors > 0) parts.push(html`<span class="warn">${formatCount(r.offlineErrors)} offline ${nounFor(r.offlineErrors, 'error')}</span>`);
  if (r.onlineErrors > 0) parts.push(html`<span class="warn">${formatCount(r.onlineErrors)} online ${nounFor(r.onlineErrors, 'error')}</span>`);
  if (r.agreedRejections) parts.push(html`<span>${describeAgreedRejections(r).trim().replace(/^\(|\)$/g, '')}</span>`);
  if (r.notRun > 0) parts.push(html`<span class="warn">${formatCount(r.notRun)} not run</span>`);
  if (check.durationMs !== undefined) parts.push(html`${formatDuration(check.durationMs)}`);
  return html`<p class="check-rows">${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}</p>`;
}

function renderFixed(check: CheckResult): SafeHtml | null {
  const fixed = check.fixed ?? [];
  if (fixed.length === 0) return null;
  return html`<details class="fixed"><summary>${formatCount(fixed.length)} remembered failure${fixed.length === 1 ? '' : 's'} fixed since a previous run (dropped from the failure memory)</summary>
<ul>${fixed.map((f) => html`<li><span class="key">${f.key}</span> ${f.field}</li>`)}</ul></details>`;
}

function renderErrors(check: CheckResult): SafeHtml | null {
  if (check.errors.length === 0) return null;
  const total = check.rows.offlineErrors + check.rows.onlineErrors;
  const shown = total > check.errors.length ? `first ${check.errors.length} of ${formatCount(total)}` : `${check.errors.length}`;
  return html`<h5>Row errors <span class="muted">(${shown}; counted as errors, never as matches or skew)</span></h5>
<div class="table-wrap"><table class="errors"><thead><tr><th>side</th><th>key</th><th>message</th></tr></thead>
<tbody>${check.errors.map((e) => html`<tr><td>${e.side}</td><td class="key" title="${e.key}">${e.key}</td><td class="message">${e.message}${e.detail ? html`<pre class="detail">${e.detail}</pre>` : ''}</td></tr>`)}</tbody></table></div>`;
}
