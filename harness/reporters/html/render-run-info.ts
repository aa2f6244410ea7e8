import { nounFor } from '../../core/plural';
import type { SkewReport } from '../../core/report';
import { checkAccounting } from '../../core/check-accounting';
import { formatBatchesResent } from '../format-batches-resent';
import { formatNumber } from '../format-value';
import { formatCount, formatDuration } from './format-figures';
import { html, type HtmlValue, type SafeHtml } from './html';
import { renderCommand } from './render-code';

/** Malformed source rows listed before the rest fold away. */
const SHOWN_BAD_ROWS = 20;

/**
 * Row accounting: tiles for the rows read and sampled (and malformed rows skipped), then each check's rows apart —
 * compared, errors per side, not run — the numbers a reviewer checks before trusting any rate below them; one check's
 * errors are never added to another's. Non-zero error counts are marked.
 */
export function renderAccounting(report: SkewReport): SafeHtml {
  const a = report.accounting;
  const tile = (label: string, value: number, warn = false) =>
    html`<div class="${warn && value > 0 ? 'tile warn' : 'tile'}"><div class="tile-value">${formatCount(value)}</div><div class="tile-label">${label}</div></div>`;
  const count = (value: number, warn = false) => html`<td class="${warn && value > 0 ? 'num warn' : 'num'}">${formatCount(value)}</td>`;
  const checks = checkAccounting(report);
  return html`<section class="accounting" aria-label="Row accounting">
<div class="tiles">
${tile('rows read', a.rowsRead)}${tile('sampled', a.rowsSampled)}
${report.source.badRowCount > 0 ? tile('malformed rows skipped', report.source.badRowCount, true) : ''}
</div>
${
  checks.length === 0
    ? ''
    : html`<div class="table-wrap"><table class="check-rows-table">
<thead><tr><th>check</th><th class="num">rows</th><th class="num">compared</th><th class="num">offline errors</th><th class="num">online errors</th><th class="num">not run</th></tr></thead>
<tbody>${checks.map((c) => html`<tr><td>${c.check}</td>${count(c.rows.total)}${count(c.rows.compared)}${count(c.rows.offlineErrors, true)}${count(c.rows.onlineErrors, true)}${count(c.rows.notRun, true)}</tr>`)}</tbody>
</table></div>`
}
</section>`;
}

/**
 * Run metadata: config, target, source, sample, both sides (with serving request statistics), times, versions,
 * malformed rows, and the command that reruns exactly this run.
 */
export function renderRunInfo(report: SkewReport): SafeHtml {
  const { run, source, sides } = report;
  const stats = sides.online.stats;
  // Short facts pair up two to a line; `wide` ones (descriptions, versions) take the whole line.
  const entry = (term: string, value: HtmlValue, wide = false) => html`<dt class="${wide ? 'wide' : ''}">${term}</dt><dd>${value}</dd>`;
  const statuses = stats ? Object.entries(stats.statuses).map(([status, n]) => `${status} × ${formatCount(n)}`).join(', ') : '';
  const latency = stats?.latencyMs ? `p50 ${formatNumber(stats.latencyMs.p50)} ms, p95 ${formatNumber(stats.latencyMs.p95)} ms, max ${formatNumber(stats.latencyMs.max)} ms` : null;
  return html`<section class="run-info">
<h2>Run</h2>
<dl class="meta">
${entry('config', html`<code>${run.configFile ?? 'inline config'}</code> <span class="muted">hash ${run.configHash}</span>`)}
${entry('target', run.target ?? html`<span class="muted">none</span>`)}
${entry('source', html`<code>${source.path}</code> <span class="muted">${source.format}, ${source.columns.length} columns</span>`)}
${entry('sample', `${formatCount(run.sampleSize)} rows, ${run.sampleMethod}, seed ${run.seed}`)}
${entry('time', html`${run.startedAt} → ${run.finishedAt} <span class="muted">(${formatDuration(run.durationMs)})</span>`)}
${entry('phases', formatPhases(report), true)}
${entry('offline', html`${sides.offline.description}${sides.offline.processes ? html` <span class="muted">· ${sides.offline.processes.mode === 'stream' ? 'answers line by line, ' : sides.offline.processes.mode === 'batch' ? 'reads whole batches, ' : ''}${formatCount(sides.offline.processes.started)} processes${sides.offline.processes.skippedStdout ? ` · ${formatCount(sides.offline.processes.skippedStdout.lines)} stdout ${nounFor(sides.offline.processes.skippedStdout.lines, 'line')} not JSON, skipped as log output, like ${JSON.stringify(sides.offline.processes.skippedStdout.first)}` : ''}</span>` : ''}`, true)}
${entry('online', html`${sides.online.description}${stats ? html` <span class="muted">· ${formatCount(stats.requests)} requests, ${formatCount(stats.retries)} retries${stats.batches?.resentRowByRow ? `, ${formatBatchesResent(stats.batches)}` : ''}${statuses ? `; ${statuses}` : ''}${latency ? `; ${latency}` : ''}</span>` : ''}`, true)}
${entry('versions', `${report.tool.name} ${report.tool.version}, Node ${run.versions.node}, ${run.versions.platform}, report schema ${report.schemaVersion}`, true)}
</dl>
${renderCommand(report.reproduce)}
${renderBadRows(report)}
</section>`;
}

function renderBadRows(report: SkewReport): SafeHtml | null {
  const { badRows, badRowCount } = report.source;
  if (badRowCount === 0) return null;
  return html`<details class="bad-rows"><summary>${formatCount(badRowCount)} malformed source row${badRowCount === 1 ? '' : 's'} skipped</summary>
<ul>${badRows.slice(0, SHOWN_BAD_ROWS).map((b) => html`<li>line ${b.line}: ${b.message}</li>`)}</ul>
${badRowCount > Math.min(badRows.length, SHOWN_BAD_ROWS) ? html`<p class="muted small">The report keeps the first ${badRows.length}; ${Math.min(badRows.length, SHOWN_BAD_ROWS)} shown.</p>` : ''}
</details>`;
}

/**
 * Where the run's time went: sampling, each check (parity with its offline and online parts; checks may overlap),
 * and the total.
 */
function formatPhases(report: SkewReport): string {
  const t = report.run.timings;
  const checks = report.checks.flatMap((c) => {
    if (c.durationMs === undefined) return [];
    const sides = c.name === 'parity' && (t.offlineMs > 0 || t.onlineMs > 0) ? ` (offline ${formatDuration(t.offlineMs)}, online ${formatDuration(t.onlineMs)})` : '';
    return [`${c.name} ${formatDuration(c.durationMs)}${sides}`];
  });
  return [`sample ${formatDuration(t.sampleMs)}`, ...checks, `total ${formatDuration(t.totalMs)}`].join(', ');
}
