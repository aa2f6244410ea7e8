import type { CheckResult } from '../core/check-result';
import type { FieldStats } from '../core/field-stats';
import { formatCountOf, nounFor, verbFor } from '../core/plural';
import type { Side, SideResult, SourceRow } from '../core/row';
import type { CheckContext } from './check-context';
import { compareRow, computeSide } from './compare-results';
import { pairRows } from './paired-rows';
import { explainByNoise, judgeNoisyField } from './noise-model';
import { finishParityRecords, mergeParityRecords, ParityRecorder, type ParityRecords, type ParityRecordsPartial } from './parity-records';
import type { RowComparison } from './row-comparison';
import { finishRowSummary, mergeRowSummaries, RowSummaryAccumulator, type RowSummaryPartial } from './summarize-rows';
import type { NoiseModel } from './noise-model';

/** The parity check's result and what it kept of its rows for later analyses and checks. */
export interface ParityOutput {
  /** The check result. */
  result: CheckResult;
  /** Bounded records of the rows (an analysis subsample, failed keys, memory cases, replays). */
  records: ParityRecords;
  /** Milliseconds each side took (they run concurrently): from its first request to its last answer. */
  timings: { offlineMs: number; onlineMs: number };
}

/** Options of {@link runParityCheck}. */
export interface ParityOptions {
  /** Keys of remembered failing rows added to the sample: compared, but kept out of the statistics. */
  replayed?: ReadonlySet<string>;
  /** Keys of every remembered parity failure: all their outcomes are kept for the failure memory. */
  remembered?: ReadonlySet<string>;
  /** Builds the command that reruns parity on just these row keys (the check's `Reproduce with:` line). */
  reproduce?: (keys: readonly string[]) => string;
  /** Most skewed rows kept for the prediction impact (see {@link ParityRecords.skewedRows}). Default 0. */
  skewedRows?: number;
  /** Rows per window (see {@link runParityCheck}). Default {@link WINDOW_ROWS}. */
  windowRows?: number;
  /** A row's place in the whole sample (a shard runs some of its rows). Default: its place in `ctx.rows`. */
  positionOf?: (key: string, index: number) => number;
}

/**
 * What parity gathered from its rows before judging them: exact counts and tallies, noise-explained counts, the
 * bounded records, every row with its position in the whole sample. Partials of disjoint rows (shards) merge exactly
 * ({@link mergeParityPartials}); {@link finishParity} judges one.
 */
export interface ParityPartial {
  summary: RowSummaryPartial;
  /** Row differences the measured noise explained, per field. */
  explained: Record<string, number>;
  records: ParityRecordsPartial;
}

/** Most row keys in parity's reproduce command. */
const REPRODUCE_KEYS = 3;

/**
 * Rows per window: each window is one `compute` call per side (one batch, as in training, for a pipeline process);
 * its rows are compared and folded into the statistics as both sides' results arrive (see `paired-rows.ts`).
 */
export const WINDOW_ROWS = 4_096;

/** Windows computed at once: the next one starts while the previous one finishes, so neither side idles between. */
const WINDOWS_IN_FLIGHT = 2;

/**
 * parity: every sampled training row through both sides, compared field by field. Both sides run concurrently;
 * if the offline side fails as a whole, serving is cancelled and the error propagates (the run cannot conclude).
 * Differences a field's own measured noise explains are not counted (see `noise-model.ts`). Rows in `replayed`
 * (remembered failures added to the sample) are compared — their outcomes feed the failure memory — but kept out of
 * the statistics and the verdict, which describe the random sample alone.
 *
 * Memory is flat in the sample size: rows go through in windows of `windowRows`, and each row is compared as soon as
 * both sides have answered it (in row order) and folded into the statistics (exact counts, rates, the first examples)
 * and bounded records ({@link ParityRecords}); its features are dropped then, not at the end of its window — the
 * serving adapter streams its results and keeps none. A sample of one window behaves as one batch per side.
 */
export async function runParityCheck(ctx: CheckContext, options: ParityOptions = {}): Promise<ParityOutput> {
  const { partial, timings } = await collectParity(ctx, options);
  return { ...finishParity(partial, ctx.noise, options), timings };
}

/** Runs parity's rows through both sides and gathers them (see {@link runParityCheck}), without judging. */
export async function collectParity(ctx: CheckContext, options: ParityOptions = {}): Promise<{ partial: ParityPartial; timings: ParityOutput['timings'] }> {
  const replayed = options.replayed ?? new Set<string>();
  const inner = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, inner.signal]) : inner.signal;
  const spans = { offline: { start: Infinity, end: 0 }, online: { start: Infinity, end: 0 } };
  const done = { offline: 0, online: 0 };
  const total = ctx.rows.length;

  const computeWindow = (side: Side, rows: readonly SourceRow[], onResult: (index: number, result: SideResult) => void): Promise<SideResult[]> => {
    const adapter = side === 'offline' ? ctx.offline : ctx.online;
    const fields = side === 'offline' ? ctx.offlineFields : ctx.onlineFields;
    const span = spans[side];
    span.start = Math.min(span.start, performance.now());
    const report = ctx.onProgress;
    const streaming = {
      signal,
      streamResults: true,
      onResult: (index: number, result: SideResult) => {
        report?.(side, ++done[side], total);
        onResult(index, result);
      },
    };
    return computeSide(adapter, rows, fields, streaming)
      .catch((error: unknown) => {
        inner.abort(error);
        throw error;
      })
      .finally(() => (span.end = Math.max(span.end, performance.now())));
  };

  const explainedCounts = new Map<string, number>();
  const summary = new RowSummaryAccumulator((field) => ctx.policy.policyFor(field).budget, ctx.examples);
  const recorder = new ParityRecorder({ replayed, remembered: options.remembered ?? new Set(), memoryPerField: ctx.examples, skewedRows: options.skewedRows ?? 0 });
  const positionOf = options.positionOf ?? ((_key: string, index: number) => index);
  const fold = (row: SourceRow, offline: SideResult, online: SideResult, index: number): void => {
    const position = positionOf(row.key, index);
    const { outcomes, explained } = explainByNoise(compareRow(row, offline, online, ctx.policy), ctx.noise);
    const comparison: RowComparison = { row, offline, online, outcomes };
    recorder.add(comparison, position);
    if (replayed.has(row.key)) return;
    for (const field of explained) explainedCounts.set(field, (explainedCounts.get(field) ?? 0) + 1);
    summary.add(comparison, position);
  };
  await pairRows({ rows: ctx.rows, windowRows: options.windowRows ?? WINDOW_ROWS, windowsInFlight: WINDOWS_IN_FLIGHT, compute: computeWindow, fold }).catch((error: unknown) => {
    // A fold that threw (a bug) must not leave the sides running.
    inner.abort(error);
    throw error;
  });
  const timings = {
    offlineMs: Math.max(0, Math.round(spans.offline.end - spans.offline.start)),
    onlineMs: Math.max(0, Math.round(spans.online.end - spans.online.start)),
  };
  return { partial: { summary: summary.partial(), explained: Object.fromEntries(explainedCounts), records: recorder.partial() }, timings };
}

/** Merges the partials of disjoint rows (shards) into the partial of their union (see {@link ParityPartial}). Pure. */
export function mergeParityPartials(parts: readonly ParityPartial[]): ParityPartial {
  const explained: Record<string, number> = {};
  for (const p of parts) for (const [field, n] of Object.entries(p.explained)) explained[field] = (explained[field] ?? 0) + n;
  return { summary: mergeRowSummaries(parts.map((p) => p.summary)), explained, records: mergeParityRecords(parts.map((p) => p.records)) };
}

/** Judges gathered rows: parity's result (noise, budgets, reproduce lines) and its records. Pure. */
export function finishParity(partial: ParityPartial, noiseModel: NoiseModel | null, options: Pick<ParityOptions, 'reproduce'> = {}): Omit<ParityOutput, 'timings'> {
  const records = finishParityRecords(partial.records);
  const explainedCounts = new Map(Object.entries(partial.explained));

  const { replays } = records;
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
  const summarized = finishRowSummary(partial.summary);
  const fields: FieldStats[] = summarized.fields.map((f) => {
    const noise = noiseModel?.get(f.field);
    const judged = noise ? judgeNoisyField(f, noise, explainedCounts.get(f.field) ?? 0) : f;
    const keys = [...new Set(judged.examples.map((m) => m.key))].slice(0, REPRODUCE_KEYS);
    return judged.status === 'failed' && keys.length > 0 && options.reproduce ? { ...judged, reproduce: options.reproduce(keys) } : judged;
  });
  const failed = fields.filter((f) => f.status === 'failed');
  const { compared } = summarized.rows;
  const result: CheckResult = {
    name: 'parity',
    status: compared === 0 || fields.length === 0 ? 'inconclusive' : failed.length > 0 ? 'failed' : 'passed',
    summary:
      summarized.rows.total === 0
        ? 'no row to compare: the sample is empty (no row read, or none in the time window)'
        : compared === 0
        ? 'no row was compared: every row failed on one side or was not run'
        : fields.length === 0
          ? 'no field was compared: both sides returned no features, or compare.ignore leaves none'
        : failed.length > 0
          ? `${failed.length} of ${fields.length} ${nounFor(fields.length, 'field')} ${verbFor(failed.length, 'differs', 'differ')} between offline and serving on ${formatCountOf(compared, 'compared row')}`
          : `${fields.length === 1 ? 'the one field agrees' : `all ${fields.length} fields agree`} on ${formatCountOf(compared, 'compared row')}`,
    ...summarized,
    rows: { ...summarized.rows, ...(replays.length > 0 ? { replayed: replays.length } : {}) },
    fields,
  };
  result.summary += replayNote;
  // A remembered failure that still fails keeps the check failing, even when the random sample passes.
  if (stillFailing > 0 && result.status === 'passed') result.status = 'failed';
  const keys = failingKeys(fields, replays);
  if (result.status === 'failed' && keys.length > 0 && options.reproduce) result.reproduce = options.reproduce(keys);
  return { result, records };
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
