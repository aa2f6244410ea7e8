import type { Counterexample } from '../../core/check-result';
import { formatNumber } from '../format-value';
import { html, type SafeHtml } from './html';
import { renderCommand } from './render-code';
import { renderValue, valueText } from './render-value';

/**
 * A minimal counterexample of generated-parity: what was changed from which training row and why that value was
 * chosen, both sides' values, how fast fast-check found and shrank it, and the line that replays exactly it.
 */
export function renderCounterexample(x: Counterexample): SafeHtml {
  const m = x.mismatch;
  const changes =
    x.changes.length === 0
      ? null
      : html`<div class="table-wrap"><table class="changes">
<thead><tr><th>column</th><th>from</th><th>to</th><th>why this value</th></tr></thead>
<tbody>${x.changes.map((c) => html`<tr><td class="key">${c.column}</td><td class="val">${valueText(c.from)}</td><td class="val"><mark>${valueText(c.to)}</mark></td><td>${c.reason}</td></tr>`)}</tbody>
</table></div>`;
  const values =
    m.kind === 'error'
      ? html`<p><span class="chip kind-error">error</span> ${m.detail ?? 'one side rejected the row'}</p>`
      : html`<dl class="pair">
<dt>offline</dt><dd>${renderValue(m.offline, m.online)}</dd>
<dt>online</dt><dd>${renderValue(m.online, m.offline)}</dd>
${m.absDiff !== undefined ? html`<dt>difference</dt><dd>${formatNumber(m.absDiff)}</dd>` : ''}
${m.kind !== 'value' ? html`<dt>kind</dt><dd><span class="${`chip kind-${m.kind}`}">${m.kind.replace(/_/g, ' ')}</span> ${m.detail ?? ''}</dd>` : ''}
</dl>`;
  return html`<section class="counterexample">
<h5>Minimal counterexample <span class="muted">${x.description}</span></h5>
${changes}
${values}
<p class="muted small">Base row ${x.baseKey}; found after ${x.runs} generated row${x.runs === 1 ? '' : 's'}, ${x.shrinks} shrink step${x.shrinks === 1 ? '' : 's'}; seed ${x.seed}, path ${x.path}.</p>
${renderCommand(x.reproduce)}
</section>`;
}
