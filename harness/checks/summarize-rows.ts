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

/** Summarises row comparisons: the shared tail of every check that compares two feature vectors per row. */
export function summarizeRows(
  comparisons: readonly RowComparison[],
  budgetFor: (field: string) => number,
  maxExamples: number,
): RowSummary {
  const stats = new FieldStatsAccumulator(budgetFor, maxExamples);
  const rows: CheckRows = { total: comparisons.length, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 };
  const errors: RowError[] = [];
  const noteError = (key: string, side: Side, error: { message: string; detail?: string | undefined }) => {
    if (side === 'offline') rows.offlineErrors++;
    else rows.onlineErrors++;
    if (errors.length < Math.max(maxExamples, 5) * 2) errors.push({ key, side, message: error.message, ...(error.detail ? { detail: error.detail } : {}) });
  };
  for (const c of comparisons) {
    if (c.offline.kind === 'ok' && c.online.kind === 'ok') {
      rows.compared++;
      stats.add(c.outcomes, () => ({ inputs: c.row.values }));
      continue;
    }
    if (c.offline.kind === 'skipped' || c.online.kind === 'skipped') {
      if (c.offline.kind === 'error') noteError(c.row.key, 'offline', c.offline);
      else rows.notRun++;
      continue;
    }
    if (c.offline.kind === 'error') noteError(c.row.key, 'offline', c.offline);
    if (c.online.kind === 'error') noteError(c.row.key, 'online', c.online);
  }
  return { rows, fields: stats.result(), errors };
}
