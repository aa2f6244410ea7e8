import type { CliIo } from './cli-io';

/** What every command handler gets: the process's streams, the Ctrl-C signal, and where to put its exit code. */
export interface CommandContext {
  io: CliIo;
  signal: AbortSignal;
  setExitCode(code: number): void;
}
