import { nounFor } from '../core/plural';
import type { ServingStatsInfo } from '../core/report';

/**
 * How many batches failed as a whole and were resent row by row, for a report's online line: `12 of 189 batches
 * resent row by row`. Pure.
 */
export function formatBatchesResent(batches: NonNullable<ServingStatsInfo['batches']>): string {
  return `${batches.resentRowByRow} of ${batches.sent} ${nounFor(batches.sent, 'batch', 'batches')} resent row by row`;
}
