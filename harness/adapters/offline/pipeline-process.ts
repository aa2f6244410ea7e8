import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { AdapterRow } from '../feature-adapter';
import { prependNodeBins } from '../node-bin-path';
import { TailBuffer } from './tail-buffer';
import { stringifyJsonValue } from '../../core/stringify-json';

/** How to start the pipeline: argv (no shell), working directory and extra environment. */
export interface PipelineCommand {
  /** argv array; run without a shell. */
  command: string[];
  /** Working directory. */
  cwd: string;
  /** Extra environment variables. */
  env: Record<string, string>;
}

/** How a pipeline process ended. */
export type ProcessExit =
  | { kind: 'exited'; code: number | null; signal: NodeJS.Signals | null }
  /** The command could not be started at all (not found, not executable). */
  | { kind: 'unstartable'; message: string; cause: Error };

/**
 * One running pipeline process speaking JSON Lines: rows go to its stdin, complete output lines come back through
 * `onLine`. It knows nothing of batches or rows' meaning — {@link runPipelineBatch} and the streaming worker give the
 * lines their meaning — so the same process can be started ahead of time (a warm spare) and handed a batch later.
 */
export class PipelineProcess {
  /** Receives each non-blank output line (without its line ending). Replace it before writing rows. */
  onLine: (line: string) => void = () => {};
  /** Resolves once the process has ended and its output was read to the end. */
  readonly exited: Promise<ProcessExit>;
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #stderr = new TailBuffer();
  #stderrSinceMark = new TailBuffer();
  #pending = '';
  #ended = false;
  #done = false;

  constructor(readonly command: PipelineCommand) {
    const [file, ...args] = command.command as [string, ...string[]];
    this.#child = spawn(file, args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env, PATH: prependNodeBins(command.cwd, command.env['PATH'] ?? process.env['PATH']) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const child = this.#child;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.#take(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr.push(chunk);
      this.#stderrSinceMark.push(chunk);
    });
    // The command may exit before reading all its input (a crash): EPIPE is reported through the exit instead.
    child.stdin.on('error', () => {});
    this.exited = new Promise<ProcessExit>((resolve) => {
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (this.#done) return;
        this.#done = true;
        const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : error.message;
        resolve({ kind: 'unstartable', message: `${file} ${why} (cwd ${command.cwd})`, cause: error });
      });
      child.on('close', (code, signal) => {
        if (this.#done) return;
        this.#done = true;
        if (this.#pending.trim() !== '') this.onLine(this.#pending.replace(/\r$/, ''));
        this.#pending = '';
        resolve({ kind: 'exited', code, signal });
      });
    });
  }

  /** Process id (undefined when it could not be started). */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Whether the process has ended. */
  get done(): boolean {
    return this.#done;
  }

  /** Whether stdin was closed. */
  get inputClosed(): boolean {
    return this.#ended;
  }

  /** The last lines of stderr (since {@link markStderr}, when it was called). */
  stderrTail(sinceMark = false): string {
    return (sinceMark ? this.#stderrSinceMark : this.#stderr).toString();
  }

  /** Remembers where stderr is now: a later `stderrTail(true)` shows only what came after (one row's own output). */
  markStderr(): void {
    this.#stderrSinceMark = new TailBuffer();
  }

  /** Writes rows as JSON Lines, waiting for `drain` when the pipe is full. Resolves false if stdin closed early. */
  async write(rows: readonly AdapterRow[]): Promise<boolean> {
    const stdin = this.#child.stdin;
    const chunkRows = 256;
    for (let start = 0; start < rows.length; start += chunkRows) {
      if (this.#done || stdin.destroyed) return false;
      let chunk = '';
      const end = Math.min(rows.length, start + chunkRows);
      for (let i = start; i < end; i++) chunk += `${encodeRow(rows[i]!)}\n`;
      if (!stdin.write(chunk) && !(await drained(stdin))) return false;
    }
    return true;
  }

  /** Closes stdin: the pipeline sees the end of its input. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#child.stdin.end();
  }

  /** Ends the process at once. */
  kill(): void {
    if (!this.#done) this.#child.kill('SIGKILL');
  }

  #take(chunk: string): void {
    this.#pending += chunk;
    let newline = this.#pending.indexOf('\n');
    while (newline >= 0) {
      const line = this.#pending.slice(0, newline).replace(/\r$/, '');
      this.#pending = this.#pending.slice(newline + 1);
      if (line.trim() !== '') this.onLine(line);
      newline = this.#pending.indexOf('\n');
    }
  }
}

function drained(stdin: NodeJS.WritableStream): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      stdin.off('drain', onDrain);
      stdin.off('close', onClose);
      stdin.off('error', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    stdin.on('drain', onDrain);
    stdin.on('close', onClose);
    stdin.on('error', onClose);
  });
}

const encoded = new WeakMap<AdapterRow, string>();

/**
 * A row as the JSON line the pipeline reads, encoded once and remembered (isolating a failure sends a row again).
 * A bigint is written with its exact digits. Throws for a row JSON cannot encode (a cycle, nesting deeper than the
 * stack): callers check first with {@link encodeError}.
 */
export function encodeRow(row: AdapterRow): string {
  let line = encoded.get(row);
  if (line === undefined) {
    line = stringifyJsonValue(row.fields);
    encoded.set(row, line);
  }
  return line;
}

/** Why a row cannot be sent to a pipeline as a JSON line, or null when it can. */
export function encodeError(row: AdapterRow): string | null {
  try {
    encodeRow(row);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
