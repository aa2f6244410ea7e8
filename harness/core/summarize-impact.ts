import type { RowProbes } from './impact-probes';
import type { FieldImpact, RowImpact } from './prediction-impact';

/** A prediction for one vector, or why there is none. */
export type Scored = { kind: 'ok'; value: number } | { kind: 'failed'; reason: string };

/** One row's vectors and what the model said for each (`variants` in the order of `probes.variants`). */
export interface ScoredRow {
  probes: RowProbes;
  offline: Scored;
  online: Scored;
  variants: Scored[];
}

/** Per-field impact (ranked), the whole-row movement, and the distinct failure reasons. */
export interface ImpactSummary {
  /** By field, in first-seen order; ranks set. */
  fields: Map<string, FieldImpact>;
  rows: RowImpact;
  /** Distinct reasons the model gave no prediction, first seen first. */
  failures: string[];
}

/**
 * Turns predictions into impact numbers: per field the |Δ| between the offline vector's prediction and that vector
 * with the field from online, and whether the decision (`prediction ≥ threshold`) flips. A row whose offline or
 * variant prediction is missing counts as `failed` for the field — never as a Δ of 0. Pure.
 *
 * @param threshold decision threshold, or `null` to count no flips
 */
export function summarizeImpact(rows: readonly ScoredRow[], threshold: number | null): ImpactSummary {
  const decide = (p: number) => p >= threshold!;
  const flips = (a: number, b: number): boolean => threshold !== null && decide(a) !== decide(b);
  const acc = new Map<string, { rows: number; deltas: number[]; flipped: number }>();
  const rowDeltas: number[] = [];
  let rowFlips = 0;
  const failures = new Set<string>();
  const noteFailure = (s: Scored) => {
    if (s.kind === 'failed') failures.add(s.reason);
  };
  for (const row of rows) {
    noteFailure(row.offline);
    noteFailure(row.online);
    const base = row.offline.kind === 'ok' ? row.offline.value : null;
    if (base !== null && row.online.kind === 'ok') {
      rowDeltas.push(Math.abs(row.online.value - base));
      if (flips(base, row.online.value)) rowFlips++;
    }
    row.probes.variants.forEach((variant, i) => {
      const scored = row.variants[i] ?? { kind: 'failed', reason: 'not sent' };
      noteFailure(scored);
      let a = acc.get(variant.field);
      if (!a) acc.set(variant.field, (a = { rows: 0, deltas: [], flipped: 0 }));
      a.rows++;
      if (base === null || scored.kind !== 'ok') return;
      a.deltas.push(Math.abs(scored.value - base));
      if (flips(base, scored.value)) a.flipped++;
    });
  }
  const fields = new Map<string, FieldImpact>();
  for (const [field, a] of acc) {
    const scored = a.deltas.length;
    fields.set(field, {
      rank: null,
      rows: a.rows,
      scored,
      failed: a.rows - scored,
      meanAbsDelta: scored > 0 ? mean(a.deltas) : null,
      maxAbsDelta: scored > 0 ? Math.max(...a.deltas) : null,
      flipped: threshold === null ? null : a.flipped,
      flipRate: threshold === null || scored === 0 ? null : a.flipped / scored,
    });
  }
  rankImpacts(fields);
  return {
    fields,
    rows: {
      scored: rowDeltas.length,
      meanAbsDelta: rowDeltas.length > 0 ? mean(rowDeltas) : null,
      maxAbsDelta: rowDeltas.length > 0 ? Math.max(...rowDeltas) : null,
      flipped: threshold === null ? null : rowFlips,
    },
    failures: [...failures],
  };
}

/**
 * Sets `rank` on every impact with scored rows: most decisions flipped first (a count, so a field that flips many
 * rows outranks one that flips its only row), then the largest total |Δ| (mean × scored: how far it moves
 * predictions across the rows scored), then the largest max |Δ|; ties keep first-seen order. Mutates the entries.
 */
export function rankImpacts(impacts: ReadonlyMap<string, FieldImpact>): void {
  const ranked = [...impacts.values()]
    .map((impact, order) => ({ impact, order }))
    .filter((x) => x.impact.scored > 0)
    .sort(
      (a, b) =>
        (b.impact.flipped ?? 0) - (a.impact.flipped ?? 0) ||
        total(b.impact) - total(a.impact) ||
        (b.impact.maxAbsDelta ?? 0) - (a.impact.maxAbsDelta ?? 0) ||
        a.order - b.order,
    );
  ranked.forEach((x, i) => (x.impact.rank = i + 1));
}

function total(impact: FieldImpact): number {
  return (impact.meanAbsDelta ?? 0) * impact.scored;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
