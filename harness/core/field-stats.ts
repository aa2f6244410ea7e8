import { MISMATCH_KINDS, type Mismatch, type MismatchKind } from './mismatch';
import type { FieldOutcome } from './diff';
import type { FieldAnalysis } from './field-analysis';
import type { FieldImpact } from './prediction-impact';
import type { Row, Side } from './row';
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
  /** The first mismatches in row order (at most the configured number of examples), each with its row's inputs. */
  examples: ExampleMismatch[];
  /** Set by checks that compare one side with itself (determinism): the side the field belongs to. */
  side?: Side;
  /**
   * Set when the field is nondeterministic (measured by the determinism check): its own A/A disagreement, and how
   * many row differences that noise explained (not counted as mismatches).
   */
  noise?: { rate: number; maxAbsDiff: number | null; explained: number };
  /** Hints, distribution and chart data (parity and generated-parity fields; set after the check). */
  analysis?: FieldAnalysis;
  /**
   * How much this field's skew moves the model's prediction (parity, when `impact.model` is configured and the field
   * differs in a row chosen for scoring). Reporters list ranked fields first.
   */
  impact?: FieldImpact;
  /**
   * Command that reruns this field's own first failing rows (parity: `--keys` of its examples), when the check can
   * name them; a field's reproduce line never names rows on which only other fields fail.
   */
  reproduce?: string;
}

/**
 * An example mismatch with the row it came from, so a reader sees which inputs produced it: the row's input columns
 * (the label left out and redacted columns replaced before any report sees them), and for a generated row the key
 * of the training row it was made from and what was changed.
 */
export interface ExampleMismatch extends Mismatch {
  /** The row's input columns, in column order. */
  inputs?: Row;
  /** Generated rows: key of the sampled row it was made from. */
  baseKey?: string;
  /** Generated rows: the columns changed from the base row (`(missing)` for a column left out). */
  changes?: RowChange[];
}

/** One column of a generated row that differs from its base row. */
export interface RowChange {
  column: string;
  from: unknown;
  to: unknown;
  /** Why that value was chosen (`unseen category`, `negative`, …). */
  reason: string;
}

/** The row behind an example, as a check knows it (see {@link ExampleMismatch}). */
export type ExampleRow = Pick<ExampleMismatch, 'inputs' | 'baseKey' | 'changes'>;

/** Gathers field outcomes row by row into {@link FieldStats}. Mutable, but pure: no IO. */
export class FieldStatsAccumulator {
  readonly #fields = new Map<string, MutableStats>();
  readonly #maxExamples: number;
  readonly #budgetFor: (field: string) => number;
  /** The stats of the previous row's fields, by position. */
  readonly #recent: MutableStats[] = [];

  /**
   * @param budgetFor allowed mismatch rate of a field
   * @param maxExamples how many example mismatches to keep per field (default 5)
   */
  constructor(budgetFor: (field: string) => number, maxExamples = 5) {
    this.#budgetFor = budgetFor;
    this.#maxExamples = maxExamples;
  }

  /**
   * Adds the outcomes of one compared row. `rowOf` gives the row behind it, called only for a row kept as an example
   * (so memory stays bounded by the examples, whatever the number of rows).
   */
  add(outcomes: readonly FieldOutcome[], rowOf?: () => ExampleRow): void {
    let row: ExampleRow | undefined;
    const recent = this.#recent;
    for (let i = 0; i < outcomes.length; i++) {
      const { field, mismatches } = outcomes[i]!;
      // Rows of one check list their fields in the same order: the stats at this position last row are almost
      // always this field's, found without hashing its name.
      let stats = recent[i];
      if (stats === undefined || stats.field !== field) recent[i] = stats = this.#stats(field);
      stats.compared++;
      if (mismatches.length === 0) continue;
      const first = mismatches[0]!;
      stats.mismatched++;
      stats.kinds[first.kind]++;
      for (const m of mismatches) {
        if (m.absDiff !== undefined && Number.isFinite(m.absDiff)) stats.maxAbsDiff = Math.max(stats.maxAbsDiff ?? 0, m.absDiff);
        if (m.relDiff !== undefined && Number.isFinite(m.relDiff)) stats.maxRelDiff = Math.max(stats.maxRelDiff ?? 0, m.relDiff);
      }
      if (stats.examples.length < this.#maxExamples) {
        row ??= rowOf?.();
        stats.examples.push(row ? { ...first, ...row } : first);
      }
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
