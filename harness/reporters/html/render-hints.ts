import type { Hint } from '../../core/field-analysis';
import { HINT_LABELS } from './hint-labels';
import { html, type SafeHtml } from './html';

/**
 * The likely causes of a field's skew, strongest first: the kind as a badge, the sentence for people, the
 * evidence behind it and how well it fits. Nothing when there is no hint.
 */
export function renderHints(hints: readonly Hint[]): SafeHtml | null {
  if (hints.length === 0) return null;
  return html`<ul class="hints">${hints.map(
    (h, i) => html`<li class="${i === 0 ? 'hint top' : 'hint'}">
<div class="hint-head"><span class="chip hint-kind">${HINT_LABELS[h.kind]}</span> <span class="hint-message">${h.message}</span></div>
<div class="hint-evidence">${h.evidence} <span class="fit" title="how well the evidence fits">fit ${Math.round(Math.min(1, Math.max(0, h.strength)) * 100)}%</span></div>
</li>`,
  )}</ul>`;
}
