import type { SkewReport } from '../../core/report';
import { html } from './html';
import { renderCheck } from './render-check';
import { renderDistribution } from './render-distribution';
import { renderOverview } from './render-overview';
import { renderPage } from './render-page';
import { renderProfile } from './render-profile';
import { renderAccounting, renderRunInfo } from './render-run-info';
import { renderTrend } from './render-trend';
import { renderVerdict } from './render-verdict';

/**
 * Renders a report as one self-contained HTML page for people deciding whether to ship: the verdict first, then row
 * accounting and the run's metadata with its reproduce command, the checks at a glance, each check with its field
 * table and a card per failing field (hints, difference histogram, offline-vs-online scatter, example rows,
 * counterexamples), distribution distances and the data profile.
 *
 * Pure: no IO, no clock, the same report always gives the same page. The page makes no network request (inline CSS,
 * JS and SVG, a CSP that forbids fetching) and every datum from the report is escaped (markup is only ever built
 * by the `html` template); it reads fully with scripts off, and tables sort with them on. Field analysis (hints,
 * charts, distributions) is shown where the report has it and left out where it does not.
 *
 * @example
 * await writeFile('reports/skew-report.html', renderHtmlReport(report));
 */
export function renderHtmlReport(report: SkewReport): string {
  const title = `${report.verdict.status.toUpperCase()} · skew report · ${report.run.configFile ?? 'inline config'}`;
  const body = html`<div class="page-head"><span><strong>skew-harness</strong> report</span><span>${report.run.finishedAt}</span></div>
${renderVerdict(report)}
${renderAccounting(report)}
${renderRunInfo(report)}
${renderOverview(report)}
${renderTrend(report.trend)}
${report.checks.map((check, i) => renderCheck(check, i, report.reproduce))}
${renderDistribution(report)}
${renderProfile(report.profile)}
<footer>${report.tool.name} ${report.tool.version} · report schema ${report.schemaVersion} · self-contained page: no network requests</footer>`;
  return renderPage(title, body).toString();
}
