import type { SkewReport } from '../../core/report';
import { formatCount, sortKey } from './format-figures';
import { breakable, html, type SafeHtml } from './html';

/**
 * Common rule of thumb for PSI: below 0.1 little change, 0.1–0.25 moderate, above 0.25 a large shift. Only
 * colours the cell; the number is what the reader judges.
 */
const PSI_LEVELS = { moderate: 0.1, large: 0.25 } as const;

/**
 * Distribution distances per field between the offline and online values of the same rows: PSI and
 * Jensen–Shannon for numeric fields, L∞ for categorical ones. Skew can hide inside tolerances row by row and still
 * move a distribution; this table shows it. When the run did not analyse fields, says so instead.
 */
export function renderDistribution(report: SkewReport): SafeHtml {
  const rows = report.checks.flatMap((check) =>
    check.fields.flatMap((f) => {
      const d = f.analysis?.distribution;
      return d ? [{ check: check.name, field: f.field, failed: f.status === 'failed', d }] : [];
    }),
  );
  if (rows.length === 0) {
    return html`<section class="distribution"><h2>Distributions</h2><p class="muted">This report has no distribution statistics (the run did not analyse fields).</p></section>`;
  }
  const cell = (n: number | null, level?: string) => html`<td class="${level ? `num ${level}` : 'num'}" data-sort="${sortKey(n)}">${n === null ? '' : n.toFixed(4)}</td>`;
  return html`<section class="distribution">
<h2>Distributions</h2>
<p class="muted small">Offline vs online values of the compared rows. PSI: below ${PSI_LEVELS.moderate} little change, ${PSI_LEVELS.moderate}–${PSI_LEVELS.large} moderate, above ${PSI_LEVELS.large} large. Jensen–Shannon (base 2) and L∞ are in [0, 1].</p>
<div class="table-wrap"><table class="sortable distribution-table">
<thead><tr><th>check</th><th>field</th><th class="num">pairs</th><th class="num">PSI</th><th class="num">Jensen–Shannon</th><th class="num">L∞</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr class="${r.failed ? 'failed' : 'passed'}"><td>${r.check}</td><td class="field">${breakable(r.field)}</td><td class="num" data-sort="${r.d.count}">${formatCount(r.d.count)}</td>
${cell(r.d.psi, psiLevel(r.d.psi))}${cell(r.d.jensenShannon)}${cell(r.d.lInfinity)}</tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function psiLevel(psi: number | null): string | undefined {
  if (psi === null) return undefined;
  return psi > PSI_LEVELS.large ? 'level-large' : psi > PSI_LEVELS.moderate ? 'level-moderate' : undefined;
}
