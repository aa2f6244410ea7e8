import { readWaitState } from '../../io/process-stat';
import type { AdapterRow } from '../feature-adapter';
import type { PipelineProcess } from './pipeline-process';
import { runPipelineBatch, type BatchOutcome } from './run-pipeline-batch';

/**
 * How a pipeline answers: `'stream'` — it writes the line for a row before its input ends (one long-lived process
 * can serve many single rows); `'batch'` — it reads its whole input first (each batch needs a process of its own).
 */
export type AnswerMode = 'stream' | 'batch';

/** Options of {@link probeAnswerMode}. */
export interface ProbeOptions {
  /** The command as shown in messages. */
  display: string;
  /** Idle timeout of the probe's batch. */
  timeoutMs: number;
  /** Longest wait for an answer while the process sits in an event loop (it may be waiting for more input). */
  eventWaitMs?: number;
  /** Longest wait for an answer while the process is busy starting up (imports, a model load). */
  busyWaitMs?: number;
  /** Cancels the probe. */
  signal?: AbortSignal | undefined;
  /** Called with each stdout line skipped as log output. */
  onSkippedLine?: ((line: string) => void) | undefined;
}

/**
 * Finds out how a pipeline answers by giving a fresh process one row and keeping its stdin open. An answer before
 * the input ends means the pipeline answers line by line (`stream`): the process is kept, alive, for more rows. When
 * the process is seen blocked reading stdin (twice, 50 ms apart, with no answer in between), sits in an event loop
 * for `eventWaitMs`, or stays busy past `busyWaitMs`, stdin is closed and the pipeline is a whole-batch one. A
 * pipeline that only flushes its output at exit is correctly a batch one: its single-row answer would never come.
 */
export async function probeAnswerMode(proc: PipelineProcess, row: AdapterRow, options: ProbeOptions): Promise<{ mode: AnswerMode; outcome: BatchOutcome }> {
  const eventWaitMs = options.eventWaitMs ?? 1_500;
  const busyWaitMs = options.busyWaitMs ?? 60_000;
  const answer = runPipelineBatch(proc, [row], { display: options.display, timeoutMs: options.timeoutMs, signal: options.signal, keepOpen: true, skipLogLines: true, onSkippedLine: options.onSkippedLine });
  let answered = false;
  void answer.then(
    () => (answered = true),
    () => (answered = true),
  );

  const started = Date.now();
  let eventsSince: number | null = null;
  let stdinSeen = false;
  while (!answered && !proc.done && !proc.inputClosed) {
    await sleep(50);
    if (answered || proc.done) break;
    const state = proc.pid === undefined ? null : readWaitState(proc.pid);
    const now = Date.now();
    if (state === 'stdin') {
      if (stdinSeen) proc.end();
      stdinSeen = true;
      continue;
    }
    stdinSeen = false;
    if (state === 'events' || state === null) eventsSince ??= now;
    else eventsSince = null;
    if ((eventsSince !== null && now - eventsSince >= eventWaitMs) || now - started >= busyWaitMs) proc.end();
  }
  const closedBeforeAnswer = proc.inputClosed;
  const outcome = await answer;
  if (outcome.kind === 'ok' && closedBeforeAnswer) {
    // The answer came only after the input ended: finish the process as a batch one should (it exits on its own).
    await proc.exited;
  }
  return { mode: outcome.kind === 'ok' && !closedBeforeAnswer ? 'stream' : 'batch', outcome };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
