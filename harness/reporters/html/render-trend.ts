import { formatRate } from '../../core/summarize-verdict';
import type { Trend, TrendEntry } from '../../core/trend';
import { html, type SafeHtml } from './html';

/** The trend against the baseline report: new, worse, better and resolved skews. */
export function renderTrend(trend: Trend | undefined): SafeHtml | null {
  if (!trend) return null;
  const row = (label: string, entries: readonly TrendEntry[], tone: string) =>
    entries.map(
      (e) => html`<tr><td><span class="${`badge ${tone}`}">${label}</span></td><td>${e.check}</td><td><code>${e.field}</code></td><td class="num">${e.before ? formatRate(e.before.rate) : '–'}</td><td class="num">${e.after ? formatRate(e.after.rate) : '–'}</td></tr>`,
    );
  const rows = [...row('new', trend.new, 'status-failed'), ...row('worse', trend.worse, 'status-failed'), ...row('better', trend.better, 'status-passed'), ...row('resolved', trend.resolved, 'status-passed')];
  return html`<section class="check" id="trend"><header class="check-head"><h2>Trend</h2></header>
<p class="check-summary">Against ${trend.baseline.file} (${trend.baseline.startedAt}). Worse and better only where the two rates' 95% intervals do not overlap.</p>
${rows.length === 0 ? html`<p class="muted">No change in skew.</p>` : html`<table class="examples"><thead><tr><th></th><th>check</th><th>field</th><th class="num">before</th><th class="num">now</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}
