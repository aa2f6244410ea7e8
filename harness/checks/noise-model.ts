import type { FieldOutcome } from '../core/diff';
import type { FieldStats } from '../core/field-stats';
import { wilsonInterval } from '../core/wilson';

/** How nondeterministic a field is, from asking each side twice (A/A). */
export interface FieldNoise {
  /** Share of repeated rows whose values differed (the larger of the two sides). */
  rate: number;
  /** Rows asked twice. */
  rows: number;
  /** Largest |A − A'| seen, when every difference was numeric; null otherwise. */
  maxAbsDiff: number | null;
}

/** Noise per field (offline names). Fields not in the map are deterministic. */
export type NoiseModel = ReadonlyMap<string, FieldNoise>;

/**
 * Drops the mismatches that a field's own noise explains, row by row. The rule (documented in the README):
 * a numeric difference |offline − online| ≤ 2 × the field's largest A/A difference is noise — each side can
 * contribute up to one A/A difference. Returns the remaining outcomes and the fields whose mismatches were
 * explained away in this row. Non-numeric noise is judged on rates instead (see {@link judgeNoisyField}).
 */
export function explainByNoise(outcomes: readonly FieldOutcome[], noise: NoiseModel | null): { outcomes: FieldOutcome[]; explained: string[] } {
  if (!noise || noise.size === 0) return { outcomes: [...outcomes], explained: [] };
  const explained: string[] = [];
  const kept = outcomes.map((outcome) => {
    const n = noise.get(outcome.field);
    if (!n || n.maxAbsDiff === null || outcome.mismatches.length === 0) return outcome;
    const limit = 2 * n.maxAbsDiff;
    const allNoise = outcome.mismatches.every((m) => m.kind === 'value' && m.absDiff !== undefined && m.absDiff <= limit);
    if (!allNoise) return outcome;
    explained.push(outcome.field);
    return { field: outcome.field, mismatches: [] };
  });
  return { outcomes: kept, explained };
}

/**
 * Re-judges a noisy field's statistics: its mismatch rate counts as skew only where it clearly exceeds its own
 * A/A rate — by more than the budget, and with the 95% Wilson intervals of the two rates not overlapping.
 */
export function judgeNoisyField(stats: FieldStats, noise: FieldNoise, explained: number): FieldStats {
  const noiseInterval = wilsonInterval(Math.round(noise.rate * noise.rows), noise.rows);
  const clearlyAbove = stats.rate - noise.rate > stats.budget && stats.interval[0] > noiseInterval[1];
  const status = stats.rate > stats.budget && (noise.maxAbsDiff !== null || clearlyAbove) ? 'failed' : 'passed';
  return { ...stats, status, noise: { rate: noise.rate, maxAbsDiff: noise.maxAbsDiff, explained } };
}
