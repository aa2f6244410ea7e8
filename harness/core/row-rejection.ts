import { isRowVerdictStatus } from './http-status';
import type { Side, SideResult } from './row';

/**
 * Whether an error result is a verdict on the row rather than infrastructure: every offline row error is (the
 * pipeline said `$error` or failed on this row alone) except a batch's failure never narrowed down to the row;
 * online, only a 4xx about the row's input is ({@link isRowVerdictStatus}: not 401, 403, 404, 405, 407, 408 or 429,
 * which every row would get alike) — timeouts, 5xx and network failures say nothing about the row either.
 */
export function isRowRejection(result: SideResult, side: Side): boolean {
  if (result.kind !== 'error' || result.scope === 'batch') return false;
  if (side === 'offline') return true;
  return result.status !== undefined && isRowVerdictStatus(result.status);
}

/**
 * Whether a side never sent the row because its request mapping cannot carry it (a null in a tensor: see
 * `SideResult`'s `unsendable`): not compared, and no judgement of either side.
 */
export function isUnsendable(result: SideResult): result is Extract<SideResult, { kind: 'skipped' }> {
  return result.kind === 'skipped' && result.unsendable === true;
}
