import type { CheckRows, RowError } from '../core/check-result';
import { FieldStatsAccumulator, finishFieldTallies, mergeFieldTallies, type FieldStats, type FieldTally } from '../core/field-stats';
import type { Side } from '../core/row';
import { isRowRejection } from '../core/row-rejection';
import type { RowComparison } from './row-comparison';

/** Row accounting, field statistics and error examples of a list of row comparisons. */
export interface RowSummary {
  /** Row accounting. */
  rows: CheckRows;
  /** Per-field statistics. */
  fields: FieldStats[];
  /** The first row errors. */
  errors: RowError[];
}

/**
 * Folds row comparisons, one at a time, into row accounting, field statistics and the first errors: memory bounded by
 * the number of fields and examples, whatever the number of rows. The shared tail of every check that compares two
 * feature vectors per row.
 */
export class RowSummaryAccumulator {
  readonly #stats: FieldStatsAccumulator;
  readonly #rows: CheckRows = { total: 0, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 };
  readonly #errors: Array<RowError & { position: number }> = [];
  readonly #maxErrors: number;
  readonly #maxExamples: number;

  /**
   * @param budgetFor allowed mismatch rate of a field
   * @param maxExamples mismatch examples kept per field (errors kept: twice that, at least 10)
   */
  constructor(budgetFor: (field: string) => number, maxExamples: number) {
    this.#stats = new FieldStatsAccumulator(budgetFor, maxExamples);
    this.#maxErrors = maxErrorsFor(maxExamples);
    this.#maxExamples = maxExamples;
  }

  /**
   * Adds one row: compared when both sides produced features, otherwise an error or a row not run. `position` is the
   * row's place in the whole sample (default: the order rows are added), so shards' partials merge exactly.
   */
  add(c: RowComparison, position = this.#rows.total): void {
    this.#rows.total++;
    if (c.offline.kind === 'ok' && c.online.kind === 'ok') {
      this.#rows.compared++;
      this.#stats.add(c.outcomes, () => ({ inputs: c.row.values }), position);
      return;
    }
    if (c.offline.kind === 'skipped' || c.online.kind === 'skipped') {
      if (c.offline.kind === 'error') this.#noteError(c.row.key, 'offline', c.offline, position);
      else this.#rows.notRun++;
      return;
    }
    if (c.offline.kind === 'error') this.#noteError(c.row.key, 'offline', c.offline, position);
    if (c.online.kind === 'error') this.#noteError(c.row.key, 'online', c.online, position);
    if (isRowRejection(c.offline, 'offline') && isRowRejection(c.online, 'online')) {
      const agreed = (this.#rows.agreedRejections ??= { offline: 0, online: 0 });
      agreed.offline++;
      agreed.online++;
    }
  }

  /** The summary of the rows added so far. */
  result(): RowSummary {
    return finishRowSummary(this.partial());
  }

  /** The mergeable state so far (see {@link mergeRowSummaries}). */
  partial(): RowSummaryPartial {
    return { rows: copyRows(this.#rows), fields: this.#stats.tallies(), errors: this.#errors.map((e) => ({ ...e })), maxExamples: this.#maxExamples };
  }

  #noteError(key: string, side: Side, error: { message: string; detail?: string | undefined }, position: number): void {
    if (side === 'offline') this.#rows.offlineErrors++;
    else this.#rows.onlineErrors++;
    if (this.#errors.length < this.#maxErrors) this.#errors.push({ key, side, message: error.message, ...(error.detail ? { detail: error.detail } : {}), position });
  }
}

/** A copy of row counts (the nested agreed rejections too). */
function copyRows(rows: CheckRows): CheckRows {
  return rows.agreedRejections ? { ...rows, agreedRejections: { ...rows.agreedRejections } } : { ...rows };
}

/** Errors kept for `maxExamples` examples per field: twice that, at least 10. */
function maxErrorsFor(maxExamples: number): number {
  return Math.max(maxExamples, 5) * 2;
}

/** A {@link RowSummaryAccumulator}'s state: exact counts, field tallies and the first errors with their positions. */
export interface RowSummaryPartial {
  rows: CheckRows;
  fields: FieldTally[];
  errors: Array<RowError & { position: number }>;
  /** Examples kept per field. */
  maxExamples: number;
}

/** The summary of a partial. */
export function finishRowSummary(partial: RowSummaryPartial): RowSummary {
  return { rows: copyRows(partial.rows), fields: finishFieldTallies(partial.fields), errors: partial.errors.map(({ position: _position, ...e }) => e) };
}

/**
 * Merges the partials of disjoint sets of rows (shards) into the partial of their union, exactly as one accumulator
 * fed every row in position order: counts summed, field tallies merged, the first errors by position. Pure.
 */
export function mergeRowSummaries(parts: readonly RowSummaryPartial[]): RowSummaryPartial {
  const maxExamples = parts[0]?.maxExamples ?? 5;
  const rows: CheckRows = { total: 0, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 };
  for (const p of parts) {
    for (const k of ['total', 'compared', 'offlineErrors', 'onlineErrors', 'notRun'] as const) rows[k] += p.rows[k];
    if (p.rows.agreedRejections) {
      const agreed = (rows.agreedRejections ??= { offline: 0, online: 0 });
      agreed.offline += p.rows.agreedRejections.offline;
      agreed.online += p.rows.agreedRejections.online;
    }
  }
  // A row with errors on both sides adds two at one position, offline first: a stable sort keeps them in order.
  const errors = parts.flatMap((p) => p.errors).sort((a, b) => a.position - b.position).slice(0, maxErrorsFor(maxExamples));
  return { rows, fields: mergeFieldTallies(parts.map((p) => p.fields), maxExamples), errors, maxExamples };
}

/** Summarises a list of row comparisons (see {@link RowSummaryAccumulator}). */
export function summarizeRows(comparisons: readonly RowComparison[], budgetFor: (field: string) => number, maxExamples: number): RowSummary {
  const summary = new RowSummaryAccumulator(budgetFor, maxExamples);
  for (const c of comparisons) summary.add(c);
  return summary.result();
}
