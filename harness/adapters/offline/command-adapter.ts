import { availableParallelism } from 'node:os';
import type { OfflineProcesses } from '../../core/report';
import type { SideResult } from '../../core/row';
import { OfflineError } from '../../errors/offline-error';
import { createConcurrencyLimiter } from '../serving/concurrency-limiter';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';
import { encodeError, encodeRow, PipelineProcess, type PipelineCommand } from './pipeline-process';
import { probeAnswerMode, type AnswerMode } from './probe-answer-mode';
import { rowFailure, runPipelineBatch, type BatchOutcome } from './run-pipeline-batch';
import { runFileBatch } from './run-file-batch';
import type { PipelineFiles } from './pipeline-files';
import { StreamingWorker } from './streaming-worker';
import { suspectRows } from './suspect-rows';
import { resolveInterpreterShim } from './resolve-shim';

/** Options of {@link createCommandAdapter}. */
export interface CommandAdapterOptions extends PipelineCommand {
  /** Stop the command and fail its batch after this long without a line of output. Default 300000. */
  timeoutMs?: number;
  /** Pipeline processes running at once (isolating failing rows, single rows of a batch pipeline). Default: cores. */
  concurrency?: number;
  /** How the pipeline answers: detected (`'auto'`, the default), or stated. */
  mode?: 'auto' | AnswerMode;
  /**
   * The rows were chosen by key (`--keys`), most likely because they fail: then the pipeline is never declared broken
   * as a whole for failing on them (only when it cannot start). Default `false`.
   */
  chosenRows?: boolean;
  /**
   * A pipeline that reads and writes files (`${input}` / `${output}` in `command`): each batch gets its own, in a
   * process started for it (no warm spares: the file must exist before it starts). Default: stdin and stdout.
   */
  files?: PipelineFiles | null;
}

/** A command adapter: a {@link FeatureAdapter} that also tells how it ran the pipeline. */
export interface CommandAdapter extends FeatureAdapter {
  /** Proves the pipeline runs (before serving is touched) and learns how it answers, with a few sample rows. */
  warmUp(rows: readonly AdapterRow[], signal?: AbortSignal): Promise<void>;
  /** Processes started so far, and the answer mode once known. */
  readonly processes: OfflineProcesses;
}

/**
 * What isolating one failed batch has learnt, handed down its split tree: whether a few rows were already run alone
 * to gauge how dense the failures are, and whether they were dense (then every row alone is cheaper than bisecting).
 * Decided from fixed rows, never from timing, so the same batch is always isolated the same way.
 */
interface IsolationHints {
  sampled: boolean;
  dense: boolean;
}

/**
 * Most rows run alone for one failed batch once its failures are dense: past it, the rest of the batch is reported
 * as not isolated (an error of scope `batch`) rather than spending a process start on every row.
 */
const MAX_ALONE_WHEN_DENSE = 256;

/** Sampled rows that must fail alone for the failures of a batch to count as dense. */
const DENSE_FAILURES = 2;

/** Rows tried alone to tell sparse failures (bisect) from dense ones (every row alone). */
const SAMPLE_ROWS = 6;

/** Two halves of a list of indexes. */
function halves(list: number[]): number[][] {
  const mid = Math.ceil(list.length / 2);
  return [list.slice(0, mid), list.slice(mid)];
}

/** A pipeline whose first answer takes this long after its start keeps {@link SLOW_START_SPARES} warm spares. */
const SLOW_START_MS = 250;
/** Warm spares of a slow-starting pipeline: checks send batches back to back, faster than a pandas import. */
const SLOW_START_SPARES = 3;

/**
 * Distinct rows (by their input) that must each fail alone before a pipeline that has never produced a line is
 * declared broken as a whole. A broken pipeline (an import error, the wrong script) fails on any input, so a few
 * different rows prove it; one or two rows cannot tell it from rows the pipeline rightly rejects.
 */
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
  const files = options.files ?? null;
  // A file pipeline reads its whole input file before it writes: a batch pipeline by construction.
  const stats: OfflineProcesses = { started: 0, mode: files ? 'batch' : options.mode === 'auto' || options.mode === undefined ? null : options.mode };
  // Log output printed to stdout instead of stderr: skipped, counted, and the first line kept for the report.
  const onSkippedLine = (line: string): void => {
    stats.skippedStdout ??= { lines: 0, first: line.length > 120 ? `${line.slice(0, 120)}…` : line };
    stats.skippedStdout.lines++;
  };
  /** Warm processes started ahead, oldest first; more when the pipeline starts slowly, so back-to-back batches find one warm. */
  const spares: PipelineProcess[] = [];
  let spareCount = files ? 0 : 1;
  let worker: StreamingWorker | undefined;
  let everAnswered = false;
  let warming: Promise<void> | undefined;
  let closed = false;

  const run = resolveInterpreterShim(options);
  /** Counts a process started for the run, and keeps it on the list `close` kills. */
  const adopt = (proc: PipelineProcess): void => {
    stats.started++;
    live.add(proc);
    void proc.exited.then(() => live.delete(proc));
  };
  const start = (): PipelineProcess => {
    const proc = new PipelineProcess(run);
    adopt(proc);
    return proc;
  };
  /** A fresh process for a batch: the oldest warm spare if there is one, and a new spare to replace it. */
  const fresh = (): PipelineProcess => {
    let proc = spares.shift();
    while (proc?.done) proc = spares.shift();
    proc ??= start();
    while (!closed && spares.length < spareCount) spares.push(start());
    return proc;
  };

  const runFresh = async (rows: readonly AdapterRow[], signal: AbortSignal | undefined, onResult?: (i: number, r: SideResult) => void): Promise<BatchOutcome> => {
    const release = await limiter.acquire(signal);
    if (!release) throw signal?.reason ?? new Error('aborted');
    try {
      const batch = { display, timeoutMs, signal, onResult, skipLogLines: true, onSkippedLine };
      const outcome = files ? await runFileBatch(run, files, rows, { ...batch, onStart: adopt }) : await runPipelineBatch(fresh(), rows, batch);
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

  /** One row alone: in the long-lived process of a streaming pipeline, else in a process of its own. */
  const single = async (row: AdapterRow, signal: AbortSignal | undefined): Promise<SideResult> => {
    const outcome = worker ? await worker.compute([row], signal) : await runFresh([row], signal);
    if (outcome.kind === 'unstartable') throw new OfflineError(outcome.message, { cause: outcome.cause });
    if (outcome.kind === 'failed') {
      const failure = rowFailure(outcome);
      failedAlone.set(encodeRow(row), failure);
      return failure;
    }
    everAnswered = true;
    return outcome.results[0]!;
  };

  /**
   * A pipeline that has never answered a line and now fails {@link CANARY_ROWS} distinct rows alone too is broken as a
   * whole: stop the run. Fewer distinct rows, or rows chosen by key, are no such evidence: their failures stay theirs.
   */
  const ensureNotBroken = async (rows: readonly AdapterRow[], first: Extract<BatchOutcome, { kind: 'failed' }>, signal: AbortSignal | undefined) => {
    if (everAnswered || options.chosenRows) return new Map<AdapterRow, SideResult>();
    const distinct = new Map<string, AdapterRow>();
    for (const row of [rows[0]!, rows[Math.floor(rows.length / 2)]!, rows[rows.length - 1]!, ...rows]) {
      if (distinct.size === CANARY_ROWS) break;
      if (!distinct.has(encodeRow(row))) distinct.set(encodeRow(row), row);
    }
    if (distinct.size < CANARY_ROWS) return new Map<AdapterRow, SideResult>();
    const picks = [...distinct.values()];
    const outcomes = await Promise.all(picks.map((row) => runFresh([row], signal)));
    if (!everAnswered) {
      const failed = outcomes.find((o): o is Extract<BatchOutcome, { kind: 'failed' }> => o.kind === 'failed') ?? first;
      const tried = picks.length === 1 ? '1 row tried alone' : `${picks.length} rows tried alone`;
      throw new OfflineError(`offline command ${display} fails on every row it is given (${tried}): it ${failed.why}; check offline.command`, { stderrTail: failed.stderrTail });
    }
    return new Map(picks.map((row, i) => [row, outcomes[i]!.kind === 'failed' ? rowFailure(outcomes[i] as Extract<BatchOutcome, { kind: 'failed' }>) : (outcomes[i] as Extract<BatchOutcome, { kind: 'ok' }>).results[0]!]));
  };

  /** Computes rows, leaving out rows already known to fail alone (their known error stands in). */
  const computeRows = async (rows: readonly AdapterRow[], signal: AbortSignal | undefined, report: (i: number, r: SideResult) => void, reuse: boolean): Promise<SideResult[]> => {
    const known = rows.map((row): SideResult | undefined => {
      const unencodable = encodeError(row);
      if (unencodable !== null) return { kind: 'error', message: `offline row ${row.key} cannot be sent to the pipeline as a JSON line: ${unencodable}` };
      return failedAlone.get(encodeRow(row));
    });
    if (!known.some(Boolean)) return computeIsolated(rows, signal, report, reuse);
    const todo = rows.flatMap((row, i) => (known[i] ? [] : [{ row, i }]));
    known.forEach((result, i) => result && report(i, result));
    const computed = todo.length === 0 ? [] : await computeIsolated(todo.map((t) => t.row), signal, (j, r) => report(todo[j]!.i, r), reuse);
    const results = known as SideResult[];
    todo.forEach((t, j) => (results[t.i] = computed[j]!));
    return results;
  };

  /** Computes rows in one process; if the process fails the batch, finds and isolates the rows responsible. */
  const computeIsolated = async (
    rows: readonly AdapterRow[],
    signal: AbortSignal | undefined,
    report: (i: number, r: SideResult) => void,
    reuse: boolean,
    hints: IsolationHints = { sampled: false, dense: false },
  ): Promise<SideResult[]> => {
    if (rows.length === 1) {
      const result = await single(rows[0]!, signal);
      report(0, result);
      return [result];
    }
    const outcome = reuse && worker ? await worker.compute(rows, signal, report) : await runFresh(rows, signal, report);
    if (outcome.kind === 'unstartable') throw new OfflineError(outcome.message, { cause: outcome.cause });
    if (outcome.kind === 'ok') {
      everAnswered = true;
      return outcome.results;
    }
    const known = await ensureNotBroken(rows, outcome, signal);
    const done = outcome.answered;
    const rest = rows.slice(done.length);
    const shift = (i: number, r: SideResult) => report(done.length + i, r);
    /** Computes groups of `rest` (row indexes) separately, and puts their results back in row order. */
    const groups = async (list: number[][], next: IsolationHints = hints): Promise<SideResult[]> => {
      const merged = new Array<SideResult>(rest.length);
      await Promise.all(
        list.map(async (group) => {
          const cached = group.length === 1 ? known.get(rest[group[0]!]!) : undefined;
          if (cached) shift(group[0]!, cached);
          const results = cached ? [cached] : await computeIsolated(group.map((i) => rest[i]!), signal, (j, r) => shift(group[j]!, r), reuse, next);
          group.forEach((i, j) => (merged[i] = results[j]!));
        }),
      );
      return merged;
    };
    const indexes = rest.map((_, i) => i);
    const singles = (list: number[]) => list.map((i) => [i]);
    /** Dense failures: rows alone, evenly spread, up to the limit; the rest are reported as not isolated. */
    const denseRows = async (list: number[], next: IsolationHints): Promise<SideResult[]> => {
      const room = MAX_ALONE_WHEN_DENSE;
      const chosen = list.length <= room ? list : Array.from({ length: room }, (_, k) => list[Math.floor((k * list.length) / room)]!);
      const results = await groups(singles(chosen), next);
      const left = list.filter((i) => !chosen.includes(i));
      const failed = chosen.filter((i) => failedAlone.has(encodeRow(rest[i]!))).length;
      const why = `${outcome.reason} on a batch of ${rows.length} rows; this row was not run alone (${failed} of ${chosen.length} rows run alone failed: too many to isolate each)`;
      for (const i of left) {
        results[i] = { kind: 'error', message: why, scope: 'batch' };
        shift(i, results[i]!);
      }
      return results;
    };
    if (rest.length === 1) return [...done, ...(await groups([[0]]))];
    // The error message often quotes the value or column it choked on: try those rows alone, the others as a batch.
    const suspects = new Set(suspectRows(rest.map((row) => row.fields), outcome.stderrTail));
    if (suspects.size > 0) return [...done, ...(await groups([...singles([...suspects]), indexes.filter((i) => !suspects.has(i))]))];
    // A line-by-line pipeline answered every row before the one it died on: that row is the suspect.
    if (stats.mode === 'stream') return [...done, ...(await groups([[0], indexes.slice(1)]))];
    if (hints.dense) return [...done, ...(await denseRows(indexes, hints))];
    if (!hints.sampled && rest.length > 2 * SAMPLE_ROWS) {
      // How dense are the failures? A few rows alone tell: many failing → every row alone is cheaper than bisecting.
      const picks = Array.from({ length: SAMPLE_ROWS }, (_, k) => Math.floor(((k + 0.5) * rest.length) / SAMPLE_ROWS));
      const sampled = await groups(singles(picks));
      const next = { sampled: true, dense: picks.filter((i) => failedAlone.has(encodeRow(rest[i]!))).length >= DENSE_FAILURES };
      const remaining = indexes.filter((i) => !picks.includes(i));
      const others = next.dense ? await denseRows(remaining, next) : await groups(halves(remaining), next);
      return [...done, ...indexes.map((i) => (picks.includes(i) ? sampled[i]! : others[i]!))];
    }
    return [...done, ...(await groups(halves(indexes)))];
  };

  const warmUp = async (given: readonly AdapterRow[], signal?: AbortSignal): Promise<void> => {
    // A row JSON cannot encode (nested past the stack) is that row's error when the checks send it, not the probe's.
    const rows = given.filter((row) => encodeError(row) === null);
    if (rows.length === 0) return;
    warming ??= (async () => {
      if (stats.mode === null) {
        const proc = start();
        const spawnedAt = Date.now();
        // The first batch follows the probe at once: its process starts up alongside the probe's.
        if (!closed) spares.push(start());
        // The lines the probe's process printed before its answer: its start-up banner, printed by every process.
        let bannerLines = 0;
        const countBanner = (line: string): void => {
          bannerLines++;
          onSkippedLine(line);
        };
        const { mode, outcome } = await probeAnswerMode(proc, rows[0]!, { display, timeoutMs, signal, onSkippedLine: countBanner });
        // A slow start (an import of pandas or torch): keep two spares warming instead of one.
        // (A batch pipeline's first answer also waits for the probe to see it blocked on stdin: allow for that.)
        if (Date.now() - spawnedAt >= (mode === 'stream' ? SLOW_START_MS : SLOW_START_MS + 150)) spareCount = SLOW_START_SPARES;
        stats.mode = mode;
        if (outcome.kind === 'unstartable') throw new OfflineError(outcome.message, { cause: outcome.cause });
        if (outcome.kind === 'ok') everAnswered = true;
        if (mode === 'stream') worker = new StreamingWorker(start, { display, timeoutMs, onSkippedLine, bannerLines }, proc);
        // The probe's row is not run alone again, unless the canary needs it to have enough distinct rows.
        else if (outcome.kind === 'failed') await ensureNotBroken(rows.length > CANARY_ROWS ? rows.slice(1) : rows, outcome, signal);
      } else {
        if (stats.mode === 'stream') worker = new StreamingWorker(start, { display, timeoutMs, onSkippedLine });
        const outcome = await runFresh(rows.slice(0, 1), signal);
        if (outcome.kind === 'failed') await ensureNotBroken(rows.length > CANARY_ROWS ? rows.slice(1) : rows, outcome, signal);
      }
      while (!closed && spares.length < spareCount) spares.push(start());
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
      return computeRows(rows, signal, (i, r) => onResult?.(i, r), computeOptions.reuseProcess ?? false);
    },
    async close() {
      closed = true;
      worker?.close();
      spares.length = 0;
      for (const proc of live) proc.kill();
      live.clear();
    },
  };
}
