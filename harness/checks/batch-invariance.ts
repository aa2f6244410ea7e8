import type { CheckResult } from '../core/check-result';
import { formatCountOf } from '../core/plural';
import type { SideResult } from '../core/row';
import type { CheckContext } from './check-context';
import { compareResults, computeSide } from './compare-results';
import { invarianceResult } from './invariance-result';
import { skippedCheck } from './skipped-check';

/**
 * batch-invariance: offline features of each row computed alone vs within a batch of the sampled rows. A feature
 * that depends on its batch is fit-on-batch leakage (normalising with the batch's own statistics, the seed
 * article's "scaling before the split"): offline numbers then depend on which rows happened to be processed
 * together, which serving — one row at a time — can never reproduce.
 */
export async function runBatchInvarianceCheck(ctx: CheckContext, options: { rows: number }): Promise<CheckResult> {
  if (!ctx.offlineComputes) return skippedCheck('batch-invariance', 'offline features are precomputed columns: there is no pipeline to call with other batches');
  const rows = ctx.rows.slice(0, Math.max(2, options.rows));
  if (rows.length < 2) return skippedCheck('batch-invariance', 'fewer than 2 sampled rows: no batch to compare with');

  const inBatch = await computeSide(ctx.offline, rows, ctx.offlineFields, ctx);
  // One call per row; a few at a time, since for a command each call is a process start.
  const alone: SideResult[] = new Array<SideResult>(rows.length);
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const i = next++;
      ctx.signal?.throwIfAborted();
      alone[i] = (await computeSide(ctx.offline, [rows[i]!], ctx.offlineFields, { signal: ctx.signal }))[0]!;
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, rows.length) }, worker));
  return invarianceResult('batch-invariance', compareResults(rows, inBatch, alone, ctx.policy), ctx, {
    labels: { offline: 'in batch', online: 'alone' },
    none: 'no row could be computed both alone and in a batch',
    moved: (failed) =>
      `${failed.map((f) => f.field).join(', ')} change${failed.length === 1 ? 's' : ''} when a row is computed alone instead of within a batch of ${rows.length}: the offline pipeline fits on its batch (leakage)`,
    still: (compared) => `offline features of ${formatCountOf(compared, 'row')} are the same alone and within a batch of ${rows.length}`,
  });
}
