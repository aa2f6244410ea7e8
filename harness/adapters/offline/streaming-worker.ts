import type { SideResult } from '../../core/row';
import type { AdapterRow } from '../feature-adapter';
import type { PipelineProcess } from './pipeline-process';
import { runPipelineBatch, type BatchOutcome } from './run-pipeline-batch';

/**
 * One long-lived process of a pipeline that answers line by line, serving single rows one after another (shrinking
 * candidates, batch-invariance's rows alone, isolating a failing row) instead of a process start per row. A row
 * that makes it crash or hang is that row's error, carrying the stderr the process wrote for that row alone; the
 * next row gets a new process.
 */
export class StreamingWorker {
  #proc: PipelineProcess | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly spawn: () => PipelineProcess,
    private readonly options: {
      display: string;
      timeoutMs: number;
      onSkippedLine?: ((line: string) => void) | undefined;
      /** Log lines the pipeline prints on start before its first answer (its banner, as the probe saw it). */
      bannerLines?: number | undefined;
    },
    first?: PipelineProcess,
  ) {
    this.#proc = first;
  }

  /** Computes rows; calls are served in call order. Resolves to the outcome of these rows. */
  compute(rows: readonly AdapterRow[], signal?: AbortSignal, onResult?: (index: number, result: SideResult) => void): Promise<BatchOutcome> {
    const run = this.#queue.then(async () => {
      // A process started here prints its banner again before its first answer.
      const fresh = !this.#proc || this.#proc.done;
      if (fresh) this.#proc = this.spawn();
      const proc = this.#proc!;
      const { bannerLines, ...options } = this.options;
      const outcome = await runPipelineBatch(proc, rows, { ...options, signal, onResult, keepOpen: true, skipBannerLines: fresh ? bannerLines : 0 });
      if (outcome.kind !== 'ok') {
        proc.kill();
        this.#proc = undefined;
      }
      return outcome;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the process. */
  close(): void {
    this.#proc?.kill();
    this.#proc = undefined;
  }
}
