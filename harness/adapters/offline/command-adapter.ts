import { spawn } from 'node:child_process';
import type { SideResult } from '../../core/row';
import { OfflineError } from '../../errors/offline-error';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';
import { prependNodeBins } from '../node-bin-path';
import { parseJsonLine } from './parse-json-line';
import { TailBuffer } from './tail-buffer';
import { toSideResult } from './to-side-result';

/** Options of {@link createCommandAdapter}. */
export interface CommandAdapterOptions {
  /** argv array; run without a shell. */
  command: string[];
  /** Working directory. */
  cwd: string;
  /** Extra environment variables. */
  env: Record<string, string>;
  /** Stop the command and fail after this long without a line of output. Default 300000. */
  timeoutMs?: number;
}

/**
 * Offline features from a command speaking JSON Lines (any language: the usual case is a Python pipeline).
 * One process per `compute` call: every row is written to its stdin as one JSON object per line while its stdout
 * is read concurrently, one feature object (or `{"$error": "why"}`) per line, in order. Writes respect
 * backpressure, so memory stays flat and the pipe never deadlocks. A crash, invalid JSON or the wrong number of
 * lines fails the side as a whole with an {@link OfflineError} that carries the tail of the command's stderr.
 */
export function createCommandAdapter(options: CommandAdapterOptions): FeatureAdapter {
  const display = options.command.join(' ');
  const running = new Set<ReturnType<typeof spawn>>();

  return {
    side: 'offline',
    description: `command ${display}`,
    compute(rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> {
      return new Promise<SideResult[]>((resolve, reject) => {
        const [file, ...args] = options.command as [string, ...string[]];
        const child = spawn(file, args, {
          cwd: options.cwd,
          env: { ...process.env, ...options.env, PATH: prependNodeBins(options.cwd, options.env['PATH'] ?? process.env['PATH']) },
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        running.add(child);
        const stderr = new TailBuffer();
        const results: SideResult[] = [];
        let pending = '';
        let failure: OfflineError | undefined;
        const fail = (error: OfflineError) => {
          if (failure) return;
          failure = error;
          child.kill('SIGKILL');
        };

        // A pipeline that stops answering (a deadlock, a prompt, a sleep) must not hang a nightly job forever.
        const timeoutMs = options.timeoutMs ?? 300_000;
        let idle: NodeJS.Timeout | undefined;
        const armIdle = () => {
          if (idle) clearTimeout(idle);
          idle = setTimeout(() => {
            fail(new OfflineError(`offline command ${display} produced no output for ${timeoutMs} ms (after ${results.length} of ${rows.length} rows); raise offline.timeoutMs if it needs longer`));
          }, timeoutMs);
          idle.unref();
        };
        armIdle();

        const onAbort = () => {
          child.kill('SIGKILL');
          reject(computeOptions.signal?.reason ?? new Error('aborted'));
        };
        computeOptions.signal?.addEventListener('abort', onAbort, { once: true });

        const takeLine = (line: string) => {
          if (failure) return;
          const index = results.length;
          if (index >= rows.length) {
            fail(new OfflineError(`offline command ${display} printed more lines than the ${rows.length} rows it was given`));
            return;
          }
          let item: unknown;
          try {
            item = parseJsonLine(line);
          } catch {
            const snippet = line.length > 80 ? `${line.slice(0, 80)}…` : line;
            fail(new OfflineError(`offline command ${display} printed invalid JSON on output line ${index + 1}: ${snippet}`));
            return;
          }
          const result = toSideResult(item, `offline row ${rows[index]!.key}`);
          results.push(result);
          computeOptions.onResult?.(index, result);
        };

        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          armIdle();
          pending += chunk;
          let newline = pending.indexOf('\n');
          while (newline >= 0) {
            const line = pending.slice(0, newline).replace(/\r$/, '');
            pending = pending.slice(newline + 1);
            if (line.trim() !== '') takeLine(line);
            newline = pending.indexOf('\n');
          }
        });
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        // The command may exit before reading all input (a crash): EPIPE here is reported via the exit code.
        child.stdin.on('error', () => {});

        child.on('error', (error: NodeJS.ErrnoException) => {
          if (idle) clearTimeout(idle);
          running.delete(child);
          computeOptions.signal?.removeEventListener('abort', onAbort);
          const why = error.code === 'ENOENT' ? 'not found' : error.code === 'EACCES' ? 'not executable' : error.message;
          reject(new OfflineError(`offline command ${display} could not be started: ${file} ${why} (cwd ${options.cwd})`, { cause: error }));
        });

        child.on('close', (code, signal) => {
          if (idle) clearTimeout(idle);
          running.delete(child);
          computeOptions.signal?.removeEventListener('abort', onAbort);
          if (computeOptions.signal?.aborted) return;
          if (pending.trim() !== '') takeLine(pending.replace(/\r$/, ''));
          const tail = stderr.toString();
          if (failure) return reject(new OfflineError(failure.message, { stderrTail: tail }));
          if (code !== 0) {
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            return reject(new OfflineError(`offline command ${display} ${how} after ${results.length} of ${rows.length} rows`, { stderrTail: tail }));
          }
          if (results.length !== rows.length) {
            return reject(
              new OfflineError(`offline command ${display} printed ${results.length} lines for ${rows.length} rows (one JSON object per input line expected)`, {
                stderrTail: tail,
              }),
            );
          }
          resolve(results);
        });

        void writeRows(child.stdin, rows);
      });
    },
    async close() {
      for (const child of running) child.kill('SIGKILL');
      running.clear();
    },
  };
}

/** Writes rows as JSON Lines, waiting for `drain` whenever the pipe is full. */
async function writeRows(stdin: NodeJS.WritableStream, rows: readonly AdapterRow[]): Promise<void> {
  const chunkRows = 256;
  for (let start = 0; start < rows.length; start += chunkRows) {
    let chunk = '';
    const end = Math.min(rows.length, start + chunkRows);
    for (let i = start; i < end; i++) chunk += `${JSON.stringify(rows[i]!.fields)}\n`;
    if (!stdin.write(chunk)) {
      const drained = await new Promise<boolean>((resolve) => {
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
      if (!drained) return;
    }
  }
  stdin.end();
}
