import type { CheckRows } from './check-result';
import { nounFor, verbFor } from './plural';
import type { SkewReport } from './report';

/** One check's row accounting, for the reports' accounting sections. */
export interface CheckAccounting {
  /** Check name. */
  check: string;
  /** Its rows. */
  rows: CheckRows;
}

/**
 * Each check's row accounting, in run order, leaving out checks that set out to compare no row (skipped ones). From
 * `accounting.checks`, or from the checks themselves in a report written before it existed. Pure.
 */
export function checkAccounting(report: SkewReport): CheckAccounting[] {
  const byName = report.accounting.checks;
  return report.checks
    .map((c) => ({ check: c.name, rows: byName?.[c.name] ?? c.rows }))
    .filter((a) => a.rows.total > 0);
}

/**
 * `198 of 200 rows compared; errors: 0 offline, 2 online; 1 not run` — errors and not-run only when there are some,
 * with the rows both computations rejected alike.
 */
export function describeCheckRows(rows: CheckRows): string {
  const errors = rows.offlineErrors + rows.onlineErrors > 0 ? `; errors: ${rows.offlineErrors} offline, ${rows.onlineErrors} online${describeAgreedRejections(rows)}` : '';
  const notRun = rows.notRun > 0 ? `; ${rows.notRun} not run` : '';
  return `${describeRowsCompared(rows)}${errors}${notRun}`;
}

/** `198 of 200 rows compared`, `1 of 1 row compared`. Pure. */
export function describeRowsCompared(rows: Pick<CheckRows, 'compared' | 'total'>): string {
  return `${rows.compared} of ${rows.total} ${nounFor(rows.total, 'row')} compared`;
}

/** `3 of 1000 rows differ`, `1 of 1000 rows differs`: a field's mismatched rows among those compared. Pure. */
export function describeRowsDiffer(mismatched: number, compared: number): string {
  return `${mismatched} of ${compared} ${nounFor(compared, 'row')} ${verbFor(mismatched, 'differs', 'differ')}`;
}

/**
 * ` (6 rejected by both sides alike: not counted against the error budget)` when some errors are agreed rejections
 * (see `CheckRows.agreedRejections`), else `''`.
 */
export function describeAgreedRejections(rows: CheckRows): string {
  const agreed = rows.agreedRejections;
  if (!agreed) return '';
  const note = agreed.online > 0 ? `${Math.min(agreed.offline, agreed.online)} rejected by both sides alike` : `${agreed.offline} rejected alike both ways`;
  return ` (${note}: not counted against the error budget)`;
}
