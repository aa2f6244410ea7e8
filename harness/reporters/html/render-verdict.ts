import type { CheckResult } from '../../core/check-result';
import type { SkewReport } from '../../core/report';
import { describeReason } from '../../core/summarize-verdict';
import type { VerdictReason, VerdictStatus } from '../../core/verdict';
import { anchors } from './anchors';
import { html, type SafeHtml } from './html';

/** Reasons listed in the header before the rest fold away: the header must stay one screen. */
const SHOWN_REASONS = 8;

/** How each verdict reads at the top of the page. A `Record`, so a new status fails to compile until it has words. */
const VERDICT_WORDS: Readonly<Record<VerdictStatus, { title: string; meaning: string }>> = {
  clean: { title: 'Clean', meaning: 'Offline and serving agree on every compared field, within budget.' },
  skew: { title: 'Skew', meaning: 'Offline and serving disagree on some fields beyond their budgets.' },
  failed: { title: 'Failed', meaning: 'A check failed that is not a field difference: noise, batch or label leakage, or (with fail: true) out-of-contract input the sides handle differently.' },
  inconclusive: { title: 'Inconclusive', meaning: 'The run could not decide: serving unavailable, too many errors or too few rows compared.' },
  interrupted: { title: 'Interrupted', meaning: 'The run was stopped before it finished.' },
};

/**
 * The verdict first: status colour and name, the one-line summary, the exit code a scheduler sees, and the reasons,
 * each linking to the check or field card behind it.
 */
export function renderVerdict(report: SkewReport): SafeHtml {
  const v = report.verdict;
  const words = VERDICT_WORDS[v.status];
  // The summary repeats the status as a prefix ("SKEW: …"); the badge already says it.
  const prefix = `${v.status.toUpperCase()}: `;
  const summary = v.summary.startsWith(prefix) ? v.summary.slice(prefix.length) : v.summary;
  const reasons = v.reasons.map((r) => html`<li>${reasonLink(r, report.checks)}</li>`);
  const shown = reasons.slice(0, SHOWN_REASONS);
  const rest = reasons.slice(SHOWN_REASONS);
  return html`<header class="${`verdict verdict-${v.status}`}">
<div class="verdict-top"><span class="verdict-status">${words.title}</span><span class="exit-code">exit code <strong>${v.exitCode}</strong></span></div>
<h1 class="verdict-meaning">${words.meaning}</h1>
<p class="verdict-summary">${summary}</p>
${shown.length > 0 ? html`<ul class="reasons">${shown}</ul>` : ''}
${rest.length > 0 ? html`<details class="more-reasons"><summary>${rest.length} more reason${rest.length === 1 ? '' : 's'}</summary><ul class="reasons">${rest}</ul></details>` : ''}
${renderVerdictWarnings(report)}
</header>`;
}

/** A reason's words, linked to the check section (and the field card) it comes from. */
function reasonLink(reason: VerdictReason, checks: readonly CheckResult[]): SafeHtml {
  const text = describeReason(reason);
  if (!('check' in reason)) return html`${text}`;
  const checkIndex = checks.findIndex((c) => c.name === reason.check);
  if (checkIndex < 0) return html`${text}`;
  const fieldIndex = reason.kind === 'field_skew' ? (checks[checkIndex]?.fields.findIndex((f) => f.field === reason.field && f.status === 'failed') ?? -1) : -1;
  const target = fieldIndex >= 0 ? anchors.field(checkIndex, fieldIndex) : anchors.check(checkIndex);
  return html`<a href="${`#${target}`}">${text}</a>`;
}

/** Checks that passed with warnings, each linking to its section; the exit code does not count them. */
function renderVerdictWarnings(report: SkewReport): SafeHtml | null {
  const warnings = report.verdict.warnings ?? [];
  if (warnings.length === 0) return null;
  const items = warnings.map((w) => {
    const text = `${w.count} warning${w.count === 1 ? '' : 's'} in ${w.check}`;
    const index = report.checks.findIndex((c) => c.name === w.check);
    return html`<li>${index < 0 ? text : html`<a href="${`#${anchors.check(index)}`}">${text}</a>`} <span class="muted">(reported, not failed: the exit code does not count them)</span></li>`;
  });
  return html`<ul class="reasons verdict-warnings">${items}</ul>`;
}
