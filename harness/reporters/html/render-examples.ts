import type { Mismatch } from '../../core/mismatch';
import { formatRate } from '../../core/summarize-verdict';
import { formatNumber } from '../format-value';
import { html, type SafeHtml } from './html';
import { renderValue } from './render-value';

/** Column headings of the two compared sides: offline and online, or a same-side check's labels. */
export interface SideLabels {
  /** Left value column. */
  offline: string;
  /** Right value column. */
  online: string;
}

/**
 * Example mismatches side by side — key, (path,) both values with what differs marked, and the difference — so a
 * reviewer sees real rows, not only rates. The path column appears only when a mismatch sits inside the field
 * (`geo.lat`), where it earns its place.
 */
export function renderExamples(examples: readonly Mismatch[], labels: SideLabels): SafeHtml {
  const withPath = examples.some((m) => m.path !== m.field);
  const rows = examples.map((m) => {
    const index = firstIndex(m.detail);
    return html`<tr class="${`kind-${m.kind}`}">
<td class="key" title="${m.key}">${m.key}</td>${withPath ? html`<td class="path">${m.path}</td>` : ''}
<td class="val">${renderValue(m.offline, m.online, index)}</td>
<td class="val">${renderValue(m.online, m.offline, index)}</td>
<td class="diff">${describeDifference(m)}</td>
</tr>`;
  });
  return html`<div class="table-wrap"><table class="examples">
<thead><tr><th>key</th>${withPath ? html`<th>path</th>` : ''}<th>${labels.offline}</th><th>${labels.online}</th><th>difference</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/** The difference column: the size of a numeric difference, else the kind and the diff engine's detail. */
function describeDifference(m: Mismatch): SafeHtml {
  switch (m.kind) {
    case 'value':
      if (m.absDiff !== undefined && m.detail === undefined) {
        return html`${formatNumber(m.absDiff)}${m.relDiff !== undefined ? html` <span class="muted">(${formatRate(m.relDiff)})</span>` : ''}`;
      }
      return html`${m.detail ?? (typeof m.offline === 'string' && typeof m.online === 'string' ? 'text differs' : 'values differ')}`;
    case 'type':
    case 'missing_online':
    case 'missing_offline':
    case 'error':
      return html`<span class="${`chip kind-${m.kind}`}">${m.kind.replace(/_/g, ' ')}</span>${m.detail ? html` ${m.detail}` : ''}`;
  }
}

/** The first differing array index from the diff engine's detail (`first difference at [412]`). */
function firstIndex(detail: string | undefined): number | undefined {
  const match = detail === undefined ? null : /first difference at \[(\d+)\]/.exec(detail);
  return match ? Number(match[1]) : undefined;
}
