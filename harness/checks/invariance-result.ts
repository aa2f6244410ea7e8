import type { CheckResult } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';
import type { CheckContext } from './check-context';
import { explainByNoise } from './noise-model';
import type { RowComparison } from './row-comparison';
import { summarizeRows } from './summarize-rows';
import { isRowRejection } from '../core/row-rejection';

/** How an offline-invariance check words its result. */
export interface InvarianceWords {
  /** Column headings: the baseline computation and the changed one (`in batch` / `alone`). */
  labels: { offline: string; online: string };
  /** Summary when no row could be computed both ways. */
  none: string;
  /** Summary when fields moved. */
  moved: (fields: FieldStats[]) => string;
  /** Summary when nothing moved, given the rows compared. */
  still: (compared: number) => string;
}

/**
 * The result of a check that computes the offline side twice — as is, and under a change that must not matter (a
 * different batch, another label). Differences the field's own noise explains are dropped; any other difference
 * fails (the field budgets allow skew between sides, not a pipeline that depends on what it must ignore). Both
 * slots are the offline side, so a row that fails counts once, as an offline error (and, rejected both ways, as an
 * agreed rejection: not against the error budget).
 */
export function invarianceResult(name: string, comparisons: readonly RowComparison[], ctx: CheckContext, words: InvarianceWords): CheckResult {
  const explained = comparisons.map((c) => ({ ...c, outcomes: explainByNoise(c.outcomes, ctx.noise).outcomes }));
  const summary = summarizeRows(explained, () => 0, ctx.examples);
  const failedRows = comparisons.filter((c) => c.offline.kind === 'error' || c.online.kind === 'error').length;
  // A row the pipeline rejects both ways is invalid data, not a failure of the run (counted once, as above).
  const agreed = comparisons.filter((c) => isRowRejection(c.offline, 'offline') && isRowRejection(c.online, 'offline')).length;
  const failed = summary.fields.filter((f) => f.status === 'failed');
  const { compared } = summary.rows;
  const { agreedRejections: _bothSlots, ...counts } = summary.rows;
  return {
    name,
    status: compared === 0 ? 'inconclusive' : failed.length > 0 ? 'failed' : 'passed',
    summary: compared === 0 ? words.none : failed.length > 0 ? words.moved(failed) : words.still(compared),
    rows: { ...counts, offlineErrors: failedRows, onlineErrors: 0, ...(agreed > 0 ? { agreedRejections: { offline: agreed, online: 0 } } : {}) },
    fields: summary.fields,
    // Both slots are the offline side: a row failing both ways is one error, listed once.
    errors: summary.errors.filter((e, i, all) => all.findIndex((o) => o.key === e.key && o.message === e.message) === i).map((e) => ({ ...e, side: 'offline' })),
    compares: 'same-side',
    labels: words.labels,
  };
}
