import { availableParallelism } from 'node:os';
import type { OfflineProcesses } from '../../core/report';
import type { SideResult } from '../../core/row';
import { OfflineError } from '../../errors/offline-error';
import { createConcurrencyLimiter } from '../serving/concurrency-limiter';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';
import { PipelineProcess, type PipelineCommand } from './pipeline-process';
import { probeAnswerMode, type AnswerMode } from './probe-answer-mode';
import { rowFailure, runPipelineBatch, type BatchOutcome } from './run-pipeline-batch';
import { StreamingWorker } from './streaming-worker';
import { suspectRows } from './suspect-rows';

/** Options of {@link createCommandAdapter}. */
export interface CommandAdapterOptions extends PipelineCommand {
  /** Stop the command and fail its batch after this long without a line of output. Default 300000. */
  timeoutMs?: number;
  /** Pipeline processes running at once (isolating failing rows, single rows of a batch pipeline). Default: cores. */
  concurrency?: number;
  /** How the pipeline answers: detected (`'auto'`, the default), or stated. */
  mode?: 'auto' | AnswerMode;
}

/** A command adapter: a {@link FeatureAdapter} that also tells how it ran the pipeline. */
export interface CommandAdapter extends FeatureAdapter {
  /** Proves the pipeline runs (before serving is touched) and learns how it answers, with a few sample rows. */
  warmUp(rows: readonly AdapterRow[], signal?: AbortSignal): Promise<void>;
  /** Processes started so far, and the answer mode once known. */
  readonly processes: OfflineProcesses;
}

/** Rows tried alone before a pipeline that has never produced a line is declared broken as a whole. */
const CANARY_ROWS = 3;

/**
 * Offline features from a command speaking JSON Lines (any language; the usual case is a Python pipeline that reads
 * its whole batch and raises on input it does not expect).
 *
 * - Each multi-row `compute` runs in a process of its own: a batch is one process's input, as in training, so
 *   batch-invariance and determinism mean what they say. A warm spare process is started ahead, so a pipeline's
 *   start-up (a pandas import) overlaps the previous batch instead of adding to it.
 * - A batch the pipeline fails as a whole (non-zero exit, a timeout, invalid JSON, the wrong number of lines) is split
 *   to find the rows responsible — the rows answered before the failure are kept, the rest bisected, up to
 *   `concurrency` processes at once — and each such row becomes an error of its own, carrying the stderr of its own
 *   single-row run. The run goes on; only a pipeline that cannot start, or fails on every row tried, is broken as a
 *   whole (an {@link OfflineError}).
 * - A pipeline that answers line by line (seen on a probe row, see {@link probeAnswerMode}) keeps one long-lived
 *   process for single rows, so shrinking and batch-invariance cost no process start per row.
 */
export function createCommandAdapter(options: CommandAdapterOptions): CommandAdapter {
  const display = options.command.join(' ');
  const timeoutMs = options.timeoutMs ?? 300_000;
  const limiter = createConcurrencyLimiter(Math.max(1, options.concurrency ?? availableParallelism()));
  const live = new Set<PipelineProcess>();
  const stats: OfflineProcesses = { started: 0, mode: options.mode === 'auto' || options.mode === undefined ? null : options.mode };
  let spare: PipelineProcess | undefined;
  let worker: StreamingWorker | undefined;
  let everAnswered = false;
  let warming: Promise<void> | undefined;
  let closed = false;

  const start = (): PipelineProcess => {
    const proc = new PipelineProcess(options);
    stats.started++;
    live.add(proc);
    void proc.exited.then(() => live.delete(proc));
    return proc;
  };
  /** A fresh process for a batch: the warm spare if there is one, and a new spare to replace it. */
  const fresh = (): PipelineProcess => {
    const proc = spare && !spare.done ? spare : start();
    spare = closed ? undefined : start();
    return proc;
  };

  const runFresh = async (rows: readonly AdapterRow[], signal: AbortSignal | undefined, onResult?: (i: number, r: SideResult) => void): Promise<BatchOutcome> => {
    const release = await limiter.acquire(signal);
    if (!release) throw signal?.reason ?? new Error('aborted');
    try {
      const outcome = await runPipelineBatch(fresh(), rows, { display, timeoutMs, signal, onResult });
      if (outcome.kind === 'unstartable') throw new OfflineError(outcome.message, { cause: outcome.cause });
      if (outcome.kind === 'ok' || outcome.answered.length > 0) everAnswered = true;
      return outcome;
    } finally {
      release();
    }
  };

  /**
   * Rows that failed alone, by content: a later batch holding the same row leaves it out from the start (it can never
   * be computed within a batch either) instead of bisecting its way to it again.
   */
  const failedAlone = new Map<string, SideResult>();
  const contentOf = (row: AdapterRow) => JSON.stringify(row.fields);

  /** One row alone: in the long-lived process of a streaming pipeline, else in a process of its own. */
  const single = async (row: AdapterRow, signal: AbortSignal | undefined): Promise<SideResult> => {
    const outcome = worker ? await worker.compute(row, signal) : await runFresh([row], signal);
    if (outcome.kind === 'unstartable') throw new OfflineError(outcome.message, { cause: outcome.cause });
    if (outcome.kind === 'failed') {
      const failure = rowFailure(outcome);
      failedAlone.set(contentOf(row), failure);
      return failure;
    }
    everAnswered = true;
    return outcome.results[0]!;
  };

  /** A pipeline that has never answered a line and now fails rows alone too is broken as a whole: stop the run. */
  const ensureNotBroken = async (rows: readonly AdapterRow[], first: Extract<BatchOutcome, { kind: 'failed' }>, signal: AbortSignal | undefined) => {
    if (everAnswered) return new Map<AdapterRow, SideResult>();
    const picks = [...new Set([rows[0]!, rows[Math.floor(rows.length / 2)]!, rows[rows.length - 1]!])].slice(0, CANARY_ROWS);
    const outcomes = await Promise.all(picks.map((row) => runFresh([row], signal)));
    if (!everAnswered) {
      const failed = outcomes.find((o): o is Extract<BatchOutcome, { kind: 'failed' }> => o.kind === 'failed') ?? first;
      const tried = picks.length === 1 ? '1 row tried alone' : `${picks.length} rows tried alone`;
      throw new OfflineError(`offline command ${display} fails on every row it is given (${tried}): it ${failed.why}`, { stderrTail: failed.stderrTail });
    }
    return new Map(picks.map((row, i) => [row, outcomes[i]!.kind === 'failed' ? rowFailure(outcomes[i] as Extract<BatchOutcome, { kind: 'failed' }>) : (outcomes[i] as Extract<BatchOutcome, { kind: 'ok' }>).results[0]!]));
  };

  /** Computes rows, leaving out rows already known to fail alone (their known error stands in). */
  const computeRows = async (rows: readonly AdapterRow[], signal: AbortSignal | undefined, report: (i: number, r: SideResult) => void): Promise<SideResult[]> => {
    const known = rows.map((row) => failedAlone.get(contentOf(row)));
    if (!known.some(Boolean)) return computeIsolated(rows, signal, report);
    const todo = rows.flatMap((row, i) => (known[i] ? [] : [{ row, i }]));
    known.forEach((result, i) => result && report(i, result));
    const computed = todo.length === 0 ? [] : await computeIsolated(todo.map((t) => t.row), signal, (j, r) => report(todo[j]!.i, r));
    const results = known as SideResult[];
    todo.forEach((t, j) => (results[t.i] = computed[j]!));
    return results;
  };

  /** Computes rows in one process; if the process fails the batch, finds and isolates the rows responsible. */
  const computeIsolated = async (rows: readonly AdapterRow[], signal: AbortSignal | undefined, report: (i: number, r: SideResult) => void): Promise<SideResult[]> => {
    if (rows.length === 1) {
      const result = await single(rows[0]!, signal);
      report(0, result);
      return [result];
    }
    const outcome = await runFresh(rows, signal, report);
    if (outcome.kind === 'ok') return outcome.results;
    if (outcome.kind === 'unstartable') throw new OfflineError(outcome.message);
    const known = await ensureNotBroken(rows, outcome, signal);
    const done = outcome.answered;
    const rest = rows.slice(done.length);
    const offset = done.length;
    const part = (from: number, to: number) => {
      const slice = rest.slice(from, to);
      const cached = slice.length === 1 ? known.get(slice[0]!) : undefined;
      const shift = (i: number, r: SideResult) => report(offset + from + i, r);
      if (cached) {
        shift(0, cached);
        return Promise.resolve([cached]);
      }
      return computeIsolated(slice, signal, shift);
    };
    if (rest.length === 1) return [...done, ...(await part(0, 1))];
    // The error message often quotes the value or column it choked on: try those rows alone, the others as a batch.
    const suspects = new Set(suspectRows(rest.map((row) => row.fields), outcome.stderrTail));
    if (suspects.size > 0) {
      const others = rest.flatMap((row, i) => (suspects.has(i) ? [] : [{ row, i }]));
      const shift = (i: number, r: SideResult) => report(offset + i, r);
      const [alone, batch] = await Promise.all([
        Promise.all([...suspects].map((i) => computeIsolated([rest[i]!], signal, (_, r) => shift(i, r)))),
        computeIsolated(others.map((o) => o.row), signal, (j, r) => shift(others[j]!.i, r)),
      ]);
      const merged: SideResult[] = new Array<SideResult>(rest.length);
      [...suspects].forEach((i, j) => (merged[i] = alone[j]![0]!));
      others.forEach((o, j) => (merged[o.i] = batch[j]!));
      return [...done, ...merged];
    }
    if (stats.mode === 'stream') {
      // A line-by-line pipeline answered every row before the one it died on: that row is the suspect.
      const [suspect, after] = await Promise.all([part(0, 1), part(1, rest.length)]);
      return [...done, ...suspect, ...after];
    }
    const mid = Math.ceil(rest.length / 2);
    const [left, right] = await Promise.all([part(0, mid), part(mid, rest.length)]);
    return [...done, ...left, ...right];
  };

  const warmUp = async (rows: readonly AdapterRow[], signal?: AbortSignal): Promise<void> => {
    if (rows.length === 0) return;
    warming ??= (async () => {
      if (stats.mode === null) {
        const proc = start();
        const { mode, outcome } = await probeAnswerMode(proc, rows[0]!, { display, timeoutMs, signal });
        stats.mode = mode;
        if (outcome.kind === 'unstartable') throw new OfflineError(outcome.message, { cause: outcome.cause });
        if (outcome.kind === 'ok') everAnswered = true;
        if (mode === 'stream') worker = new StreamingWorker(start, { display, timeoutMs }, proc);
        else if (outcome.kind === 'failed') await ensureNotBroken(rows.length > 1 ? rows.slice(1) : rows, outcome, signal);
      } else {
        if (stats.mode === 'stream') worker = new StreamingWorker(start, { display, timeoutMs });
        const outcome = await runFresh(rows.slice(0, 1), signal);
        if (outcome.kind === 'failed') await ensureNotBroken(rows.length > 1 ? rows.slice(1) : rows, outcome, signal);
      }
      if (!closed) spare ??= start();
    })();
    await warming;
  };

  return {
    side: 'offline',
    description: `command ${display}`,
    processes: stats,
    warmUp,
    async compute(rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> {
      if (rows.length === 0) return [];
      const { signal, onResult } = computeOptions;
      await warmUp(rows.slice(0, 1 + CANARY_ROWS), signal);
      signal?.throwIfAborted();
      return computeRows(rows, signal, (i, r) => onResult?.(i, r));
    },
    async close() {
      closed = true;
      worker?.close();
      spare = undefined;
      for (const proc of live) proc.kill();
      live.clear();
    },
  };
}
