import type { FieldImpact, ImpactDetails } from '../core/prediction-impact';

/**
 * Prediction impact as text, shared by the terminal, Markdown and HTML reports: a field's cell (`#1 12/40 flip ·
 * |Δ| 0.083`) and the lines saying what the impact step did. Pure.
 */

/** |Δ| as a reader compares them: 3 significant digits, tiny values in exponent form. */
export function formatDelta(n: number): string {
  if (n === 0) return '0';
  return Math.abs(n) < 1e-3 ? n.toExponential(1) : String(Number(n.toPrecision(3)));
}

/**
 * One field's impact in a table cell: its rank, decisions flipped of rows scored (with a threshold), mean and max |Δ|;
 * or that none of its rows could be scored.
 */
export function formatFieldImpact(impact: FieldImpact): string {
  if (impact.rank === null || impact.meanAbsDelta === null) return `not scored (${impact.failed} failed)`;
  const flips = impact.flipped === null ? '' : ` ${impact.flipped}/${impact.scored} flip ·`;
  const failed = impact.failed > 0 ? ` · ${impact.failed} failed` : '';
  return `#${impact.rank}${flips} mean |Δ| ${formatDelta(impact.meanAbsDelta)} (max ${formatDelta(impact.maxAbsDelta ?? 0)})${failed}`;
}

/** What the impact step did, as lines: the model, the rows scored, the whole-row movement, failures and notes. */
export function describeImpact(details: ImpactDetails): string[] {
  if (details.status === 'unavailable') return details.notes.map((note) => `not measured: ${note}`);
  const threshold = details.threshold === null ? 'no threshold (no decisions counted)' : `decision threshold ${details.threshold}`;
  const lines = [`model ${details.model ?? '?'}, ${threshold}; |Δ| = prediction moved by the field's online value alone`];
  const capped = details.rowsChosen < details.skewedRows ? ` (impact.maxRows ${details.maxRows}, lowest key hashes)` : '';
  const r = details.rows;
  const whole =
    r.scored > 0 && r.meanAbsDelta !== null
      ? `; online vs offline vector: mean |Δ| ${formatDelta(r.meanAbsDelta)}, max ${formatDelta(r.maxAbsDelta ?? 0)}${r.flipped === null ? '' : `, decision flips on ${r.flipped} of ${r.scored}`}`
      : '';
  lines.push(`${details.rowsChosen} of ${details.skewedRows} skewed row${details.skewedRows === 1 ? '' : 's'} scored${capped}${whole}`);
  if (details.vectors.failed > 0) {
    lines.push(`${details.vectors.failed} of ${details.vectors.total} vectors got no prediction (counted as failed, never as no change)${details.failures[0] ? `: ${details.failures[0]}` : ''}`);
  }
  lines.push(...details.notes);
  return lines;
}
