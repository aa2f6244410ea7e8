import { MISMATCH_KINDS, type Mismatch, type MismatchKind } from './mismatch';
import type { FieldOutcome } from './diff';
import type { FieldAnalysis } from './field-analysis';
import type { Side } from './row';
import { wilsonInterval, type Interval } from './wilson';

/** Per-field result of a check: how often the field was compared and how often it differed. */
export interface FieldStats {
  /** Top-level feature name (offline name). */
  field: string;
  /** Rows where both sides produced features, so the field was compared. */
  compared: number;
  /** Rows where the field did not match. */
  mismatched: number;
  /** mismatched / compared (0 when nothing was compared). */
  rate: number;
  /** 95% Wilson interval of the rate. */
  interval: Interval;
  /** Allowed mismatch rate for the field. */
  budget: number;
  /** `failed` when the rate exceeds the budget. */
  status: 'passed' | 'failed';
  /** Mismatching rows by kind (a row counts once, under the kind of its first mismatch in the field). */
  kinds: Record<MismatchKind, number>;
  /** Largest absolute difference seen among numeric mismatches, or `null`. */
  maxAbsDiff: number | null;
  /** Largest relative difference seen among numeric mismatches, or `null`. */
  maxRelDiff: number | null;
  /** The first mismatches in row order (at most the configured number of examples). */
  examples: Mismatch[];
  /** Set by checks that compare one side with itself (determinism): the side the field belongs to. */
  side?: Side;
  /**
   * Set when the field is nondeterministic (measured by the determinism check): its own A/A disagreement, and how
   * many row differences that noise explained (not counted as mismatches).
   */
  noise?: { rate: number; maxAbsDiff: number | null; explained: number };
  /** Hints, distribution and chart data (parity and generated-parity fields; set after the check). */
  analysis?: FieldAnalysis;
}

/** Gathers field outcomes row by row into {@link FieldStats}. Mutable, but pure: no IO. */
export class FieldStatsAccumulator {
  readonly #fields = new Map<string, MutableStats>();
  readonly #maxExamples: number;
  readonly #budgetFor: (field: string) => number;

  /**
   * @param budgetFor allowed mismatch rate of a field
   * @param maxExamples how many example mismatches to keep per field (default 5)
   */
  constructor(budgetFor: (field: string) => number, maxExamples = 5) {
    this.#budgetFor = budgetFor;
    this.#maxExamples = maxExamples;
  }

  /** Adds the outcomes of one compared row. */
  add(outcomes: readonly FieldOutcome[]): void {
    for (const { field, mismatches } of outcomes) {
      const stats = this.#stats(field);
      stats.compared++;
      const first = mismatches[0];
      if (!first) continue;
      stats.mismatched++;
      stats.kinds[first.kind]++;
      for (const m of mismatches) {
        if (m.absDiff !== undefined && Number.isFinite(m.absDiff)) stats.maxAbsDiff = Math.max(stats.maxAbsDiff ?? 0, m.absDiff);
        if (m.relDiff !== undefined && Number.isFinite(m.relDiff)) stats.maxRelDiff = Math.max(stats.maxRelDiff ?? 0, m.relDiff);
      }
      if (stats.examples.length < this.#maxExamples) stats.examples.push(first);
    }
  }

  /** The statistics so far, fields in first-seen order. */
  result(): FieldStats[] {
    return [...this.#fields.values()].map((s) => {
      const rate = s.compared === 0 ? 0 : s.mismatched / s.compared;
      const budget = this.#budgetFor(s.field);
      return {
        ...s,
        kinds: { ...s.kinds },
        examples: [...s.examples],
        rate,
        interval: wilsonInterval(s.mismatched, s.compared),
        budget,
        status: rate > budget ? 'failed' : 'passed',
      };
    });
  }

  #stats(field: string): MutableStats {
    let stats = this.#fields.get(field);
    if (!stats) {
      stats = {
        field,
        compared: 0,
        mismatched: 0,
        kinds: Object.fromEntries(MISMATCH_KINDS.map((k) => [k, 0])) as Record<MismatchKind, number>,
        maxAbsDiff: null,
        maxRelDiff: null,
        examples: [],
      };
      this.#fields.set(field, stats);
    }
    return stats;
  }
}

type MutableStats = Omit<FieldStats, 'rate' | 'interval' | 'budget' | 'status'>;
