import type { CheckRows, RowError } from '../core/check-result';
import { FieldStatsAccumulator, type FieldStats } from '../core/field-stats';
import type { Side } from '../core/row';
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
  readonly #errors: RowError[] = [];
  readonly #maxErrors: number;

  /**
   * @param budgetFor allowed mismatch rate of a field
   * @param maxExamples mismatch examples kept per field (errors kept: twice that, at least 10)
   */
  constructor(budgetFor: (field: string) => number, maxExamples: number) {
    this.#stats = new FieldStatsAccumulator(budgetFor, maxExamples);
    this.#maxErrors = Math.max(maxExamples, 5) * 2;
  }

  /** Adds one row: compared when both sides produced features, otherwise an error or a row not run. */
  add(c: RowComparison): void {
    this.#rows.total++;
    if (c.offline.kind === 'ok' && c.online.kind === 'ok') {
      this.#rows.compared++;
      this.#stats.add(c.outcomes, () => ({ inputs: c.row.values }));
      return;
    }
    if (c.offline.kind === 'skipped' || c.online.kind === 'skipped') {
      if (c.offline.kind === 'error') this.#noteError(c.row.key, 'offline', c.offline);
      else this.#rows.notRun++;
      return;
    }
    if (c.offline.kind === 'error') this.#noteError(c.row.key, 'offline', c.offline);
    if (c.online.kind === 'error') this.#noteError(c.row.key, 'online', c.online);
  }

  /** The summary of the rows added so far. */
  result(): RowSummary {
    return { rows: { ...this.#rows }, fields: this.#stats.result(), errors: [...this.#errors] };
  }

  #noteError(key: string, side: Side, error: { message: string; detail?: string | undefined }): void {
    if (side === 'offline') this.#rows.offlineErrors++;
    else this.#rows.onlineErrors++;
    if (this.#errors.length < this.#maxErrors) this.#errors.push({ key, side, message: error.message, ...(error.detail ? { detail: error.detail } : {}) });
  }
}

/** Summarises a list of row comparisons (see {@link RowSummaryAccumulator}). */
export function summarizeRows(comparisons: readonly RowComparison[], budgetFor: (field: string) => number, maxExamples: number): RowSummary {
  const summary = new RowSummaryAccumulator(budgetFor, maxExamples);
  for (const c of comparisons) summary.add(c);
  return summary.result();
}
