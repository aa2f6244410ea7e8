import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SideResult } from '../../core/row';
import type { AdapterRow } from '../feature-adapter';
import { PipelineProcess, type PipelineCommand } from './pipeline-process';
import { fillFileArgs, formatInputFile, readOutputFile, type PipelineFiles } from './pipeline-files';
import { runPipelineBatch, type BatchOutcome, type RunBatchOptions } from './run-pipeline-batch';
import { toSideResult } from './to-side-result';

/**
 * Runs one batch through a pipeline that reads and writes files (`${input}`, `${output}` in its argv): the rows are
 * written to a fresh temporary directory, the command started with its paths, and — with `${output}` — the features
 * read from the file it wrote once it exits 0 (stdout is then log output, ignored); without, from stdout as usual.
 * The same outcomes as {@link runPipelineBatch}, so a batch that fails is isolated the same way. The directory is
 * removed whatever happens. `onStart` is told of each process started (for the adapter's counts and its kill list).
 */
export async function runFileBatch(
  command: PipelineCommand,
  files: PipelineFiles,
  rows: readonly AdapterRow[],
  options: RunBatchOptions & { onStart: (proc: PipelineProcess) => void },
): Promise<BatchOutcome> {
  const dir = await mkdtemp(path.join(tmpdir(), 'skew-batch-'));
  try {
    const input = files.input === null ? null : path.join(dir, `input.${files.input}`);
    const output = files.output === null ? null : path.join(dir, `output.${files.output}`);
    if (input !== null) await writeFile(input, formatInputFile(rows.map((row) => row.fields), files.input!));
    const proc = new PipelineProcess({ ...command, command: fillFileArgs(command.command, { input, output }) });
    options.onStart(proc);
    // Rows go to stdin as well (a pipeline reading its file never looks): stdout answers are read as usual.
    if (output === null) return await runPipelineBatch(proc, rows, options);
    return await runToOutputFile(proc, rows, output, files.output!, input === null, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runToOutputFile(
  proc: PipelineProcess,
  rows: readonly AdapterRow[],
  output: string,
  format: NonNullable<PipelineFiles['output']>,
  rowsOnStdin: boolean,
  options: RunBatchOptions,
): Promise<BatchOutcome> {
  const { display, signal } = options;
  // Nothing to read line by line: the deadline is for the whole run.
  const timer = setTimeout(() => proc.kill(), options.timeoutMs);
  const abort = (): void => proc.kill();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    if (rowsOnStdin) void proc.write(rows).then((written) => written && proc.end());
    else proc.end();
    const exit = await proc.exited;
    signal?.throwIfAborted();
    if (exit.kind === 'unstartable') return { kind: 'unstartable', message: `offline command ${display} could not be started: ${exit.message}; check offline.command`, cause: exit.cause };
    const failed = (why: string): BatchOutcome => ({ kind: 'failed', reason: `offline command ${display} ${why}`, why, stderrTail: proc.stderrTail(), answered: [] });
    if (exit.code !== 0) {
      if (exit.signal === 'SIGKILL' && !signal?.aborted) return failed(`did not finish within ${options.timeoutMs} ms (offline.timeoutMs)`);
      return failed(exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`);
    }
    let text: string;
    try {
      text = await readFile(output, 'utf8');
    } catch {
      return failed(`exited 0 without writing its output file (the \${output} argument)`);
    }
    let records: unknown[];
    try {
      records = readOutputFile(text, format);
    } catch (error) {
      return failed(`wrote an output file that cannot be read as ${format === 'csv' ? 'CSV' : 'JSON Lines'}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (records.length !== rows.length) return failed(`wrote ${records.length} rows to its output file for ${rows.length} input rows (one per input row, in order, expected)`);
    const results: SideResult[] = records.map((record, i) => toSideResult(record, `offline row ${rows[i]!.key}`));
    results.forEach((result, i) => options.onResult?.(i, result));
    return { kind: 'ok', results };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}
