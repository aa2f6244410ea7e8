import type { CheckResult } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';
import type { Side, SideResult } from '../core/row';
import type { CheckContext } from './check-context';
import { compareResults, computeSide } from './compare-results';
import { explainByNoise, judgeNoisyField } from './noise-model';
import type { RowComparison } from './row-comparison';
import { summarizeRows } from './summarize-rows';

/** The parity check's result and the per-row data later analyses (hints, distributions) work from. */
export interface ParityOutput {
  /** The check result. */
  result: CheckResult;
  /** Every row with both sides' results and field outcomes (noise already explained away), in sample order. */
  comparisons: RowComparison[];
  /** Milliseconds each side took (they run concurrently). */
  timings: { offlineMs: number; onlineMs: number };
}

/** Options of {@link runParityCheck}. */
export interface ParityOptions {
  /** Keys of remembered failing rows added to the sample: compared, but kept out of the statistics. */
  replayed?: ReadonlySet<string>;
  /** Builds the command that reruns parity on just these row keys (the check's `Reproduce with:` line). */
  reproduce?: (keys: readonly string[]) => string;
}

/** Most row keys in parity's reproduce command. */
const REPRODUCE_KEYS = 3;

/**
 * parity: every sampled training row through both sides, compared field by field. Both sides run concurrently;
 * if the offline side fails as a whole, serving is cancelled and the error propagates (the run cannot conclude).
 * Differences a field's own measured noise explains are not counted (see `noise-model.ts`). Rows in `replayed`
 * (remembered failures added to the sample) are compared — their outcomes feed the failure memory — but kept out of
 * the statistics and the verdict, which describe the random sample alone.
 */
export async function runParityCheck(ctx: CheckContext, options: ParityOptions = {}): Promise<ParityOutput> {
  const replayed = options.replayed ?? new Set<string>();
  const inner = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, inner.signal]) : inner.signal;
  const timings = { offlineMs: 0, onlineMs: 0 };

  const timed = async (side: Side, run: () => Promise<SideResult[]>): Promise<SideResult[]> => {
    const started = performance.now();
    try {
      return await run();
    } catch (error) {
      inner.abort(error);
      throw error;
    } finally {
      timings[side === 'offline' ? 'offlineMs' : 'onlineMs'] = Math.round(performance.now() - started);
    }
  };
  const sideContext = { signal, onProgress: ctx.onProgress };
  const [offline, online] = await Promise.all([
    timed('offline', () => computeSide(ctx.offline, ctx.rows, ctx.offlineFields, sideContext)),
    timed('online', () => computeSide(ctx.online, ctx.rows, ctx.onlineFields, sideContext)),
  ]);

  const explainedCounts = new Map<string, number>();
  const comparisons = compareResults(ctx.rows, offline, online, ctx.policy).map((c) => {
    const { outcomes, explained } = explainByNoise(c.outcomes, ctx.noise);
    for (const field of explained) explainedCounts.set(field, (explainedCounts.get(field) ?? 0) + 1);
    return { ...c, outcomes };
  });

  const sampled = replayed.size === 0 ? comparisons : comparisons.filter((c) => !replayed.has(c.row.key));
  const replays = comparisons.filter((c) => replayed.has(c.row.key));
  const failingReplays = replays.flatMap((c) => c.outcomes.filter((o) => o.mismatches.length > 0).map((o) => `${o.field} on ${c.row.key}`));
  const stillFailing = new Set(replays.filter((c) => c.outcomes.some((o) => o.mismatches.length > 0)).map((c) => c.row.key)).size;
  // A replayed row a side failed on was not evaluated: it is neither passing nor failing (and stays remembered).
  const unevaluated = replays.filter((c) => c.offline.kind !== 'ok' || c.online.kind !== 'ok').length;
  const replayState =
    stillFailing > 0
      ? `${stillFailing} still fail${stillFailing === 1 ? 's' : ''} (${failingReplays.slice(0, 5).join(', ')}${failingReplays.length > 5 ? ', …' : ''})`
      : unevaluated === replays.length
        ? 'none could be evaluated'
        : 'all pass now';
  const replayNote =
    replays.length === 0
      ? ''
      : `; ${replays.length} remembered failing row${replays.length === 1 ? '' : 's'} replayed apart (not in the rates): ${replayState}${unevaluated > 0 && unevaluated < replays.length ? `; ${unevaluated} could not be evaluated` : ''}`;
  const summary = summarizeRows(sampled, (field) => ctx.policy.policyFor(field).budget, ctx.examples);
  const fields: FieldStats[] = summary.fields.map((f) => {
    const noise = ctx.noise?.get(f.field);
    const judged = noise ? judgeNoisyField(f, noise, explainedCounts.get(f.field) ?? 0) : f;
    const keys = [...new Set(judged.examples.map((m) => m.key))].slice(0, REPRODUCE_KEYS);
    return judged.status === 'failed' && keys.length > 0 && options.reproduce ? { ...judged, reproduce: options.reproduce(keys) } : judged;
  });
  const failed = fields.filter((f) => f.status === 'failed');
  const { compared } = summary.rows;
  const result: CheckResult = {
    name: 'parity',
    status: compared === 0 || fields.length === 0 ? 'inconclusive' : failed.length > 0 ? 'failed' : 'passed',
    summary:
      compared === 0
        ? 'no row was compared: every row failed on one side or was not run'
        : fields.length === 0
          ? 'no field was compared: both sides returned no features, or compare.ignore leaves none'
        : failed.length > 0
          ? `${failed.length} of ${fields.length} fields differ between offline and serving on ${compared} compared rows`
          : `all ${fields.length} fields agree on ${compared} compared rows`,
    ...summary,
    rows: { ...summary.rows, ...(replays.length > 0 ? { replayed: replays.length } : {}) },
    fields,
  };
  result.summary += replayNote;
  // A remembered failure that still fails keeps the check failing, even when the random sample passes.
  if (stillFailing > 0 && result.status === 'passed') result.status = 'failed';
  const keys = failingKeys(fields, replays);
  if (result.status === 'failed' && keys.length > 0 && options.reproduce) result.reproduce = options.reproduce(keys);
  return { result, comparisons, timings };
}

/**
 * The keys of the first failing rows, for the reproduce command: the first example of each failed field in turn, then
 * replayed rows that still fail; distinct, at most {@link REPRODUCE_KEYS}.
 */
function failingKeys(fields: readonly FieldStats[], replays: readonly RowComparison[]): string[] {
  const failed = fields.filter((f) => f.status === 'failed');
  const keys = new Set<string>();
  for (let i = 0; keys.size < REPRODUCE_KEYS && failed.some((f) => f.examples[i]); i++) {
    for (const f of failed) {
      const key = f.examples[i]?.key;
      if (key !== undefined && keys.size < REPRODUCE_KEYS) keys.add(key);
    }
  }
  for (const c of replays) if (keys.size < REPRODUCE_KEYS && c.outcomes.some((o) => o.mismatches.length > 0)) keys.add(c.row.key);
  return [...keys];
}
