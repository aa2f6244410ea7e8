import type { SkewReport } from '../../core/report';
import { anchors } from './anchors';
import { html, type SafeHtml } from './html';
import { renderCheckBadge } from './render-check';

/** The checks at a glance, in run order: name (linking to its section), status badge, one-line summary. */
export function renderOverview(report: SkewReport): SafeHtml | null {
  if (report.checks.length === 0) return null;
  return html`<section class="checks-overview"><h2>Checks</h2>
<ul class="overview">${report.checks.map(
    (c, i) => html`<li><a class="name" href="${`#${anchors.check(i)}`}">${c.name}</a><span>${renderCheckBadge(c.status)}</span><span class="summary">${c.summary}</span></li>`,
  )}</ul>
</section>`;
}
