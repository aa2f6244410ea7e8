import { EXIT_CODES } from '../core/verdict';
import { ServingExitedError, ServingStartError } from '../errors/serving-error';
import { isSkewError } from '../errors/skew-error';
import { errorMessage } from '../errors/error-message';

/**
 * Exit code for an error that ended a run: 130 when interrupted; 3 when the local serving process never became
 * ready or exited during the run (serving unavailable: inconclusive, not a broken config); 2 for everything else (the harness could not
 * run: usage, config, unreadable source, broken offline pipeline, internal errors).
 */
export function exitCodeForError(error: unknown): number {
  if (isSkewError(error) && error.code === 'INTERRUPTED') return EXIT_CODES.interrupted;
  if (error instanceof ServingStartError && !error.spawnFailed) return EXIT_CODES.inconclusive;
  if (error instanceof ServingExitedError) return EXIT_CODES.inconclusive;
  return EXIT_CODES.usage;
}

/** The text printed for an error: its message (one line for our errors), with the stack only when debugging. */
export function formatError(error: unknown, debug: boolean): string {
  if (isSkewError(error)) {
    if (!debug) return `skew: ${error.message}`;
    const cause = error.cause instanceof Error ? `\nCaused by: ${error.cause.stack ?? error.cause.message}` : '';
    return `skew: ${error.stack ?? error.message}${cause}`;
  }
  const message = errorMessage(error);
  if (debug && error instanceof Error) return `skew: internal error: ${error.stack ?? message}`;
  return `skew: internal error: ${message.split('\n')[0]} (run again with --debug for the stack trace)`;
}
