import type { GoldenDetails } from '../../core/check-result';
import { formatCount } from './format-figures';
import { html, type SafeHtml } from './html';
import { renderValue } from './render-value';

const SIDE_WORDS: Readonly<Record<GoldenDetails['changes'][number]['side'], string>> = {
  offline: 'offline only',
  online: 'online only',
  'both-alike': 'both sides alike (an intended change)',
  'both-different': 'both sides, differently',
};

/** The golden check's changes: per field, the side that moved and old → new per row; new and obsolete records. */
export function renderGolden(details: GoldenDetails): SafeHtml {
  const byField = new Map<string, GoldenDetails['changes']>();
  for (const c of details.changes) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  const written = details.written ? html`<p>${details.file} updated: ${formatCount(details.written.added)} added, ${formatCount(details.written.rewritten)} rewritten, ${formatCount(details.written.removed)} removed.</p>` : '';
  const proposed = details.proposed ? html`<p>Would-be golden file written to <code>${details.proposed}</code>.</p>` : '';
  const fields = [...byField].map(
    ([field, changes]) => html`<article class="card"><header class="card-head"><h4>${field}</h4><span class="muted">${formatCount(changes.length)} row${changes.length === 1 ? '' : 's'} · ${[...new Set(changes.map((c) => SIDE_WORDS[c.side]))].join('; ')}</span></header>
<table class="examples"><thead><tr><th>key</th><th>offline (golden → now)</th><th>online (golden → now)</th></tr></thead><tbody>
${changes.slice(0, 20).map(
  (c) => html`<tr><td class="key">${c.key}</td><td>${c.offline ? html`${renderValue(c.offline.old, c.offline.new)} → ${renderValue(c.offline.new, c.offline.old)}` : html`<span class="muted">unchanged</span>`}</td><td>${c.online ? html`${renderValue(c.online.old, c.online.new)} → ${renderValue(c.online.new, c.online.old)}` : html`<span class="muted">unchanged</span>`}</td></tr>`,
)}
</tbody></table>${changes.length > 20 ? html`<p class="muted small">… ${formatCount(changes.length - 20)} more rows</p>` : ''}</article>`,
  );
  const list = (label: string, keys: readonly string[]) => (keys.length === 0 ? '' : html`<p><strong>${label}:</strong> ${keys.slice(0, 30).join(', ')}${keys.length > 30 ? ` … (${formatCount(keys.length)} in all)` : ''}</p>`);
  return html`<div class="golden">${written}${proposed}${fields}
${list(details.written ? 'Records added for new rows' : 'New rows without a golden record', details.newKeys)}
${list('Obsolete records (rows no longer in the row set)', details.obsoleteKeys)}
${list('Input changed since recording', details.inputChanged)}</div>`;
}
