import type { CheckResult } from '../../core/check-result';
import { groupProbes, isDivergent, PROBE_WORDS, REACTION_WORDS } from '../../core/contract-probe';
import { probeColumnsCell, sideReactionsCell } from '../probe-cells';
import { formatCount } from './format-figures';
import { html, type SafeHtml } from './html';
import { renderCommand } from './render-code';

/**
 * The input-contract check's probes: which row was probed, and a table with a line per probe kind × reaction —
 * the kind in words, the columns (all of them in a tooltip), what offline and serving did, and the reaction;
 * divergent reactions marked. `null` for other checks.
 */
export function renderInputContract(check: CheckResult): SafeHtml | null {
  const details = check.inputContract;
  if (!details || details.probes.length === 0) return null;
  const capped = details.possible > details.probes.length ? html` (of ${formatCount(details.possible)} the contract allows)` : '';
  const rows = groupProbes(details.probes).map((g) => {
    const divergent = isDivergent(g.reaction);
    return html`<tr class="${divergent ? `divergent ${check.status}` : ''}">
<td><code>${g.kind}</code><div class="muted small">${PROBE_WORDS[g.kind]}</div></td>
<td title="${g.columns.join(', ')}">${probeColumnsCell(g, 6)}</td>
<td>${sideReactionsCell(g, 'offline')}</td>
<td>${sideReactionsCell(g, 'online')}</td>
<td>${divergent ? html`<span class="warn">${REACTION_WORDS[g.reaction]}</span>` : REACTION_WORDS[g.reaction]}</td>
</tr>`;
  });
  return html`<p class="check-rows">${formatCount(details.probes.length)} probes${capped}, each the typical row <span class="key">${details.baseKey}</span> with one value made invalid</p>
<div class="table-wrap"><table class="probes">
<thead><tr><th>probe</th><th>columns</th><th>offline</th><th>serving</th><th>reaction</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/** A check's warnings, each with its example; `null` when it has none. */
export function renderWarnings(check: CheckResult): SafeHtml | null {
  const warnings = check.warnings ?? [];
  if (warnings.length === 0) return null;
  const how = check.name === 'input-contract' ? ' (checks.inputContract.fail: true fails on them)' : '';
  return html`<div class="warnings"><h5>Warnings <span class="muted">(reported, not failed${how})</span></h5>
<ul>${warnings.map((w) => html`<li><strong>${w.message}</strong>${w.detail ? html`<div class="muted small detail">${w.detail}</div>` : ''}${w.reproduce ? renderCommand(w.reproduce) : ''}</li>`)}</ul></div>`;
}
