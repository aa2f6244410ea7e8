import { exceptionLine } from './exception-line';
import type { SideResult } from '../../core/row';
import type { AdapterRow } from '../feature-adapter';
import { parseJson } from '../../core/lossless-json';
import type { PipelineProcess } from './pipeline-process';
import { toSideResult } from './to-side-result';

/** What one pipeline process made of a batch of rows. */
export type BatchOutcome =
  /** One result per row, in order (a row the pipeline rejected with `$error` is an error result among them). */
  | { kind: 'ok'; results: SideResult[] }
  /**
   * The process failed the batch as a whole (exit code, signal, timeout, invalid JSON, wrong line count): `reason`
   * names the command, `why` is the rest. `answered` holds the results of the rows answered before the failure that
   * can be trusted (none when the line count is off: a pipeline that drops rows has shifted every line after it).
   */
  | { kind: 'failed'; reason: string; why: string; stderrTail: string; answered: SideResult[] }
  /** The command could not be started at all. */
  | { kind: 'unstartable'; message: string; cause: Error };

/** Options of {@link runPipelineBatch}. */
export interface RunBatchOptions {
  /** Fail after this long without an output line. */
  timeoutMs: number;
  /** The command as shown in messages. */
  display: string;
  /** Kills the process and rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Called for each row as soon as its result is known. */
  onResult?: ((index: number, result: SideResult) => void) | undefined;
  /** Keep stdin open after the rows (a long-lived process that answers line by line). Default false. */
  keepOpen?: boolean;
  /**
   * Skip log output on stdout before the first answer and after the last (see {@link isLogLine}), for whole-batch
   * runs and a probe's first row; never between answers. Default false.
   */
  skipLogLines?: boolean | undefined;
  /**
   * A fresh long-lived process: skip at most this many log lines before its first answer (the start-up banner its
   * first process printed, as many lines as the probe skipped). Default 0.
   */
  skipBannerLines?: number | undefined;
  /** Called with each stdout line skipped as log output. */
  onSkippedLine?: ((line: string) => void) | undefined;
}

/**
 * Hands `rows` to a pipeline process as JSON Lines and reads one result line per row. With `keepOpen` unset, stdin
 * is closed after the rows and the process must exit 0 after exactly one line per row; with it set, the batch is done
 * once every row is answered and the process stays alive for the next batch. Never rejects for a pipeline failure
 * (it is the outcome); rejects only when aborted.
 */
export function runPipelineBatch(proc: PipelineProcess, rows: readonly AdapterRow[], options: RunBatchOptions): Promise<BatchOutcome> {
  const { display, signal } = options;
  return new Promise<BatchOutcome>((resolve, reject) => {
    const results: SideResult[] = [];
    let failure: string | undefined;
    let misaligned = false;
    // The first lines skipped as log output, for the message of a batch that then lacks lines.
    const skipped: string[] = [];
    let bannerLeft = options.skipBannerLines ?? 0;
    // Once a line before the first answer was skipped, that line may have been the first row's answer (text instead
    // of features), and every later answer one row early: results are handed out only once the line count proves
    // them aligned, and a failed batch's results are not trusted.
    let heldBack = false;
    let settled = false;
    const finish = (outcome: BatchOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      signal?.removeEventListener('abort', onAbort);
      proc.onLine = () => {};
      resolve(outcome);
    };
    const fail = (reason: string) => {
      if (failure !== undefined) return;
      failure = reason;
      proc.kill();
    };

    // A pipeline that stops answering (a deadlock, a prompt, an endless loop on one row) must not hang the run.
    let idle: NodeJS.Timeout | undefined;
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(`produced no output for ${options.timeoutMs} ms (after ${results.length} of ${rows.length} rows); raise offline.timeoutMs if it needs longer`), options.timeoutMs);
      idle.unref();
    };
    armIdle();

    const onAbort = () => {
      settled = true;
      clearTimeout(idle);
      proc.kill();
      reject(signal?.reason ?? new Error('aborted'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    proc.onLine = (line) => {
      if (failure !== undefined || settled) return;
      armIdle();
      const index = results.length;
      // Log output before the first answer or after the last one (`Loading vocabulary…`, `processed 500 rows`, a bare
      // print()) is skipped. Only there: between answers a line that is not JSON may stand where a row's features
      // should, and a line-by-line pipeline's batch ends at its last answer, so nothing comes after it.
      const skippable = (options.skipLogLines && (index === 0 || index === rows.length)) || (index === 0 && bannerLeft > 0);
      if (skippable && isLogLine(line) && !looksLikeJson(line)) {
        if (index === 0) {
          heldBack = true;
          bannerLeft--;
        }
        if (skipped.length < 3) skipped.push(line.length > 80 ? `${line.slice(0, 80)}…` : line);
        options.onSkippedLine?.(line);
        return;
      }
      if (index >= rows.length) {
        misaligned = true;
        return fail(`printed more lines than the ${rows.length} rows it was given`);
      }
      let item: unknown;
      try {
        // Lossless: an int64 past 2^53 keeps its digits, and Python's bare NaN/Infinity are numbers.
        item = parseJson(line);
      } catch {
        const snippet = line.length > 80 ? `${line.slice(0, 80)}…` : line;
        return fail(`printed invalid JSON on output line ${index + 1}: ${snippet}`);
      }
      const result = toSideResult(item, `offline row ${rows[index]!.key}`);
      results.push(result);
      if (!heldBack) options.onResult?.(index, result);
      if (options.keepOpen && results.length === rows.length) succeed();
    };

    const succeed = (): void => {
      if (heldBack) results.forEach((result, i) => options.onResult?.(i, result));
      finish({ kind: 'ok', results });
    };

    void proc.exited.then((exit) => {
      if (settled) return;
      if (exit.kind === 'unstartable') return finish({ kind: 'unstartable', message: `offline command ${display} could not be started: ${exit.message}; check offline.command`, cause: exit.cause });
      const failed = (why: string, trusted = heldBack ? [] : results) =>
        finish({ kind: 'failed', reason: `offline command ${display} ${why}`, why, stderrTail: proc.stderrTail(options.keepOpen ?? false), answered: trusted });
      if (failure !== undefined) return failed(failure, misaligned || heldBack ? [] : results);
      if (exit.code !== 0 || options.keepOpen) {
        const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
        return failed(rows.length === 1 ? how : `${how} after ${results.length} of ${rows.length} rows`);
      }
      if (results.length !== rows.length) {
        const logNote = skipped.length > 0 ? `; not JSON, skipped as log output: ${skipped.map((l) => JSON.stringify(l)).join(', ')}` : '';
        return failed(`printed ${results.length} lines for ${rows.length} rows (one JSON object per input line expected)${logNote}`, []);
      }
      succeed();
    });

    // A long-lived process has stderr of earlier batches: the failure should show this batch's own.
    if (options.keepOpen) proc.markStderr();
    void proc.write(rows).then((written) => {
      if (written && !options.keepOpen) proc.end();
    });
  });
}

/** The error result of a row whose own run failed, with the stderr of that run. */
export function rowFailure(outcome: Extract<BatchOutcome, { kind: 'failed' }>): SideResult {
  const tail = outcome.stderrTail.trim();
  if (!tail) return { kind: 'error', message: outcome.reason };
  // The exception itself (a Python traceback's last line, a Node error's line above its stack): the one line a reader needs.
  const last = exceptionLine(tail);
  return { kind: 'error', message: `${outcome.reason}: ${last.length > 300 ? `${last.slice(0, 300)}…` : last}`, detail: tail };
}

/**
 * Whether a stdout line may be log output printed to the wrong stream (`Loading vocabulary…`, `WARNING: …`,
 * `processed 500 rows`, a blank line) rather than a row's broken features: it does not even start like a JSON object
 * or array. A line starting with `{` or `[` that does not parse (Python's `print(dict)`: `{'a': 1}`) is where a row's
 * features should be, and stays an error.
 */
export function isLogLine(line: string): boolean {
  const first = line.trimStart()[0];
  return first !== '{' && first !== '[';
}

/** Whether a line parses as JSON (a bare number or string is still no log line: it would be a row's wrong answer). */
function looksLikeJson(line: string): boolean {
  if (line.trim() === '') return false;
  try {
    parseJson(line);
    return true;
  } catch {
    return false;
  }
}
