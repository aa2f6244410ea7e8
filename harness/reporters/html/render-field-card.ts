import type { CheckResult, Counterexample } from '../../core/check-result';
import type { FieldStats } from '../../core/field-stats';
import { formatRate } from '../../core/summarize-verdict';
import { nounFor, verbFor } from '../../core/plural';
import { formatNumber } from '../format-value';
import { anchors } from './anchors';
import { fieldName } from './render-field-table';
import { formatCount, formatInterval } from './format-figures';
import { breakable, html, type SafeHtml } from './html';
import { renderCommand } from './render-code';
import { renderCounterexample } from './render-counterexample';
import { renderExamples, type SideLabels } from './render-examples';
import { renderHints } from './render-hints';
import { renderSegments } from './render-segments';
import { leadingColumns } from '../format-example-inputs';
import { renderHistogram } from './render-histogram';
import { renderScatter } from './render-scatter';
import { reproduceRow } from '../reproduce-row';
import { formatFieldImpact } from '../format-impact';

/** What a field card needs besides the field. */
export interface FieldCardContext {
  /** The check the field belongs to. */
  check: CheckResult;
  /** The check's position in the report (for anchors). */
  checkIndex: number;
  /** Column headings of the two sides. */
  labels: SideLabels;
  /** The run's reproduce command, narrowed to one row for the card's first example. */
  reproduce: string;
  /** The field's minimal counterexample (generated-parity), if any. */
  counterexample?: Counterexample | undefined;
}

/**
 * The card of a failing field: how often it differs, the likely causes with their evidence, the noise measured
 * for it, the difference histogram and the offline-vs-online scatter (when the run analysed the field), example
 * rows side by side, and how to reproduce one. Parts without data are left out, not shown empty.
 */
export function renderFieldCard(field: FieldStats, ctx: FieldCardContext): SafeHtml {
  const index = ctx.check.fields.indexOf(field);
  const analysis = field.analysis;
  const histogram = analysis?.diffHistogram ? renderHistogram(analysis.diffHistogram) : null;
  const scatter = analysis?.scatter ? renderScatter(analysis.scatter, ctx.labels) : null;
  const facts = [
    `${formatCount(field.mismatched)} of ${formatCount(field.compared)} ${nounFor(field.compared, 'row')} ${verbFor(field.mismatched, 'differs', 'differ')}`,
    `95% CI ${formatInterval(field.interval)}`,
    `budget ${formatRate(field.budget)}`,
    field.maxAbsDiff !== null && `max |diff| ${formatNumber(field.maxAbsDiff)}${field.maxRelDiff !== null ? ` (${formatRate(field.maxRelDiff)})` : ''}`,
    field.impact && `impact ${formatFieldImpact(field.impact)}`,
  ].filter((s): s is string => typeof s === 'string');
  // Training-row keys replay with --keys; generated rows (`gen:…`) replay from their counterexample instead.
  const sameSide = ctx.check.compares === 'same-side';
  const oneRowKey = sameSide || ctx.counterexample ? undefined : field.examples.find((m) => !m.key.startsWith('gen:'))?.key;
  return html`<article class="card" id="${anchors.field(ctx.checkIndex, index)}">
<header class="card-head">
<h4>${breakable(fieldName(field))}</h4>
<div class="card-rate">${formatRate(field.rate)}</div>
<p class="facts">${facts.join(' · ')}</p>
</header>
${ctx.counterexample ? renderCounterexample(ctx.counterexample) : ''}
${analysis ? renderHints(analysis.hints) : ''}
${renderSegments(analysis?.segments)}
${field.noise ? renderNoise(field.noise) : ''}
${histogram || scatter ? html`<div class="charts">${histogram}${scatter}</div>` : ''}
${field.examples.length > 0 ? html`<h5>Examples <span class="muted">(first ${field.examples.length} in row order)</span></h5>${renderExamples(field.examples, ctx.labels, leadingColumns(field))}` : ''}
${oneRowKey !== undefined ? renderCommand(reproduceRow(ctx.reproduce, oneRowKey), 'One row') : ''}
</article>`;
}

function renderNoise(noise: NonNullable<FieldStats['noise']>): SafeHtml {
  const size = noise.maxAbsDiff !== null ? ` by up to ${formatNumber(noise.maxAbsDiff)}` : '';
  return html`<p class="noise-note"><span class="chip noise">noise</span> Nondeterministic: ${formatRate(noise.rate)} of repeated rows differ${size}. ${formatCount(noise.explained)} difference${noise.explained === 1 ? '' : 's'} within that noise not counted as skew.</p>`;
}
