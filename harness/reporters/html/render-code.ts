import { html, type SafeHtml } from './html';

/**
 * A command in a block a reader can copy: one click selects it whole (`user-select: all`), which works with
 * scripts off and on a `file:` page where the clipboard API is not available.
 */
export function renderCommand(command: string, label = 'Reproduce with'): SafeHtml {
  return html`<div class="command"><span class="command-label">${label}</span><pre><code>${command}</code></pre></div>`;
}
