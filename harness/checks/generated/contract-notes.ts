import type { InputContract } from '../../core/input-contract';
import type { SourceRow } from '../../core/row';
import { rowViolations } from '../../profile/contract-violations';
import { ROW_FIELD, type RowEvaluation } from './evaluate-rows';

/**
 * Says plainly what `(row)` failures are: rows inside the input contract that one side rejects and the other
 * computes — the two sides disagree on what valid input is. Empty when there are none.
 */
export function describeOneSidedRows(evaluations: readonly RowEvaluation[]): string {
  const oneSided = evaluations.filter((e) => e.failing.has(ROW_FIELD));
  if (oneSided.length === 0) return '';
  const offline = oneSided.filter((e) => e.offline.kind === 'error').length;
  const online = oneSided.length - offline;
  const sides = [offline > 0 ? `offline rejected ${offline}` : '', online > 0 ? `serving rejected ${online}` : ''].filter(Boolean);
  const [rows, them] = oneSided.length === 1 ? ['1 generated row is', 'it'] : [`${oneSided.length} generated rows are`, 'them'];
  return `. ${ROW_FIELD}: ${rows} inside the input contract (valid input), yet one side rejected ${them} while the other computed features (${sides.join(', ')})`;
}

/**
 * Why no base row could be chosen: no sampled row, or none inside the contract (with the first row's first
 * violation, which usually points at a `source.contract` option that does not fit the data).
 */
export function describeNoBaseRow(rows: readonly SourceRow[], contract: InputContract): string {
  const first = rows[0];
  if (first === undefined) return 'no sampled row';
  const violation = rowViolations(contract, first.values)[0];
  const why = violation ? ` (row ${first.key}: ${violation.column} breaks its ${violation.clause} clause; see source.contract)` : '';
  return `no sampled row satisfies the input contract${why}`;
}
