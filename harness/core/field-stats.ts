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
  /** Rows added so far (a row's default position). */
  #rows = 0;

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
   * (so memory stays bounded by the examples, whatever the number of rows). `position` is the row's place in the
   * run's whole sample (default: the order rows are added); shards give it so their tallies merge exactly.
   */
  add(outcomes: readonly FieldOutcome[], rowOf?: () => ExampleRow, position = this.#rows): void {
    this.#rows++;
    let row: ExampleRow | undefined;
    const recent = this.#recent;
    for (let i = 0; i < outcomes.length; i++) {
      const { field, mismatches } = outcomes[i]!;
      // Rows of one check list their fields in the same order: the stats at this position last row are almost
      // always this field's, found without hashing its name.
      let stats = recent[i];
      if (stats === undefined || stats.field !== field) recent[i] = stats = this.#stats(field, position);
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
        stats.positions.push(position);
      }
    }
  }

  /** The statistics so far, fields in first-seen order. */
  result(): FieldStats[] {
    return finishFieldTallies(this.tallies());
  }

  /** The raw, mergeable tallies so far (see {@link mergeFieldTallies}), fields in first-seen order. */
  tallies(): FieldTally[] {
    return [...this.#fields.values()].map((s) => ({ ...s, kinds: { ...s.kinds }, examples: [...s.examples], positions: [...s.positions], budget: this.#budgetFor(s.field) }));
  }

  #stats(field: string, position: number): MutableStats {
    let stats = this.#fields.get(field);
    if (!stats) {
      stats = {
        field,
        firstSeen: position,
        positions: [],
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

type MutableStats = Omit<FieldTally, 'budget'>;

/**
 * A field's statistics before they are judged: exact counts and maxima, the first examples with their rows' positions
 * in the whole sample, and where the field was first seen. Tallies of disjoint sets of rows (shards) merge exactly.
 */
export interface FieldTally {
  field: string;
  compared: number;
  mismatched: number;
  kinds: Record<MismatchKind, number>;
  maxAbsDiff: number | null;
  maxRelDiff: number | null;
  /** The first examples, in position order. */
  examples: ExampleMismatch[];
  /** Each example's row position (same order as `examples`). */
  positions: number[];
  /** Position of the first row the field was seen in. */
  firstSeen: number;
  /** Allowed mismatch rate. */
  budget: number;
}

/** Judges tallies: rate, interval and status per field. */
export function finishFieldTallies(tallies: readonly FieldTally[]): FieldStats[] {
  return tallies.map(({ positions: _positions, firstSeen: _firstSeen, budget, ...s }) => {
    const rate = s.compared === 0 ? 0 : s.mismatched / s.compared;
    return { ...s, kinds: { ...s.kinds }, examples: [...s.examples], rate, interval: wilsonInterval(s.mismatched, s.compared), budget, status: rate > budget ? 'failed' : 'passed' };
  });
}

/**
 * Merges the tallies of disjoint sets of rows into the tally of their union: counts summed, maxima of maxima, the
 * first `maxExamples` examples by position, fields ordered by where they were first seen. Pure; equal to tallying
 * the union in position order.
 */
export function mergeFieldTallies(parts: ReadonlyArray<readonly FieldTally[]>, maxExamples: number): FieldTally[] {
  const byField = new Map<string, FieldTally[]>();
  // A field's place within the part that saw it first breaks ties between fields first seen in the same row.
  const order = new Map<string, { firstSeen: number; index: number }>();
  for (const part of parts) {
    for (const [index, t] of part.entries()) {
      byField.set(t.field, [...(byField.get(t.field) ?? []), t]);
      const seen = order.get(t.field);
      if (!seen || t.firstSeen < seen.firstSeen) order.set(t.field, { firstSeen: t.firstSeen, index });
    }
  }
  const maxOf = (values: Array<number | null>): number | null => values.reduce<number | null>((a, v) => (v === null ? a : a === null ? v : Math.max(a, v)), null);
  const merged = [...byField.values()].map((ts): FieldTally => {
    const kinds = Object.fromEntries(MISMATCH_KINDS.map((k) => [k, ts.reduce((n, t) => n + t.kinds[k], 0)])) as Record<MismatchKind, number>;
    const examples = ts
      .flatMap((t) => t.examples.map((example, i) => ({ example, position: t.positions[i]! })))
      .sort((a, b) => a.position - b.position)
      .slice(0, maxExamples);
    return {
      field: ts[0]!.field,
      compared: ts.reduce((n, t) => n + t.compared, 0),
      mismatched: ts.reduce((n, t) => n + t.mismatched, 0),
      kinds,
      maxAbsDiff: maxOf(ts.map((t) => t.maxAbsDiff)),
      maxRelDiff: maxOf(ts.map((t) => t.maxRelDiff)),
      examples: examples.map((e) => e.example),
      positions: examples.map((e) => e.position),
      firstSeen: Math.min(...ts.map((t) => t.firstSeen)),
      budget: ts[0]!.budget,
    };
  });
  // Fields first seen in the same row come from one part (a row belongs to one): their order there decides.
  return merged.sort((a, b) => a.firstSeen - b.firstSeen || order.get(a.field)!.index - order.get(b.field)!.index);
}
