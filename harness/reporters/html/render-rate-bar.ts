import type { FieldStats } from '../../core/field-stats';
import { formatRate } from '../../core/summarize-verdict';
import { px } from './chart-scale';
import { formatInterval } from './format-figures';
import { html, type SafeHtml } from './html';

const WIDTH = 72;
const HEIGHT = 12;

/**
 * A field's mismatch rate as a small inline bar on a 0–100% track, with its 95% interval as a whisker and the
 * budget as a tick: a table of them compares fields at a glance, and the whisker shows when a rate rests on too
 * few rows to mean much.
 */
export function renderRateBar(field: Pick<FieldStats, 'rate' | 'interval' | 'budget' | 'status'>): SafeHtml {
  const at = (r: number) => Math.min(WIDTH, Math.max(0, r * WIDTH));
  // A non-zero rate gets at least a sliver: 1 row in 10,000 is still a finding.
  const fill = field.rate > 0 ? Math.max(2, at(field.rate)) : 0;
  const [low, high] = field.interval;
  const mid = HEIGHT / 2;
  const label = `${formatRate(field.rate)} (95% CI ${formatInterval(field.interval)}), budget ${formatRate(field.budget)}`;
  return html`<svg class="ratebar ${field.status}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${label}">
<rect class="track" x="0" y="2" width="${WIDTH}" height="${HEIGHT - 4}" rx="2"/>
<rect class="fill" x="0" y="2" width="${px(fill)}" height="${HEIGHT - 4}" rx="2"/>
<line class="ci" x1="${px(at(low))}" x2="${px(at(high))}" y1="${mid}" y2="${mid}"/>
${field.budget > 0 ? html`<line class="budget" x1="${px(at(field.budget))}" x2="${px(at(field.budget))}" y1="0" y2="${HEIGHT}"/>` : ''}
</svg>`;
}
