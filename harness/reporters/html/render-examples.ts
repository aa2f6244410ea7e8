import type { ExampleMismatch } from '../../core/field-stats';
import type { Mismatch } from '../../core/mismatch';
import { formatValue } from '../format-value';
import { orderedInputs } from '../format-example-inputs';
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
 * (`geo.lat`), where it earns its place. The row's inputs close each row, the `leading` columns (those the segments
 * and hints name) first and marked; a generated row also says what changed from its base row.
 */
export function renderExamples(examples: readonly ExampleMismatch[], labels: SideLabels, leading: readonly string[] = []): SafeHtml {
  const withPath = examples.some((m) => m.path !== m.field);
  const withInputs = examples.some((m) => m.inputs || m.changes);
  const rows = examples.map((m) => {
    const index = firstIndex(m.detail);
    return html`<tr class="${`kind-${m.kind}`}">
<td class="key" title="${m.key}">${m.key}</td>${withPath ? html`<td class="path">${m.path}</td>` : ''}
<td class="val">${renderValue(m.offline, m.online, index)}</td>
<td class="val">${renderValue(m.online, m.offline, index)}</td>
<td class="diff">${describeDifference(m)}</td>${withInputs ? html`<td class="inputs">${renderInputs(m, leading)}</td>` : ''}
</tr>`;
  });
  return html`<div class="table-wrap"><table class="examples">
<thead><tr><th>key</th>${withPath ? html`<th>path</th>` : ''}<th>${labels.offline}</th><th>${labels.online}</th><th>difference</th>${withInputs ? html`<th>inputs</th>` : ''}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

/** An example's inputs as `name value` pairs, leading columns first and marked; changes of a generated row first. */
function renderInputs(m: ExampleMismatch, leading: readonly string[]): SafeHtml {
  const changes = m.changes
    ? html`<div class="changes">base row <span class="key">${m.baseKey ?? '?'}</span>${m.changes.map((c) => html`; <b>${c.column}</b> ${formatValue(c.from)} → ${formatValue(c.to)} <span class="muted">(${c.reason})</span>`)}</div>`
    : '';
  const pairs = orderedInputs(m, leading).map(
    ([name, value]) => html`<span class="${leading.includes(name) ? 'input lead' : 'input'}"><span class="input-name">${name}</span> ${formatValue(value, 60)}</span>`,
  );
  return html`${changes}${pairs}`;
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
