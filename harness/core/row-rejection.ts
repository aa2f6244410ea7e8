import type { Side, SideResult } from './row';

/**
 * Whether an error result is a verdict on the row rather than infrastructure: every offline row error is (the
 * pipeline said `$error` or failed on this row alone) except a batch's failure never narrowed down to the row;
 * online, only a 4xx other than 408 and 429 is — timeouts, 5xx and network failures say nothing about the row.
 */
export function isRowRejection(result: SideResult, side: Side): boolean {
  if (result.kind !== 'error' || result.scope === 'batch') return false;
  if (side === 'offline') return true;
  return result.status !== undefined && result.status >= 400 && result.status < 500 && result.status !== 408 && result.status !== 429;
}
