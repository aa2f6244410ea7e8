import { SkewError } from './skew-error';

/**
 * The offline feature pipeline failed as a whole: a module that cannot be loaded, a command that crashed,
 * printed invalid JSON or the wrong number of lines. `stderrTail` holds the last lines the command printed.
 */
export class OfflineError extends SkewError {
  /** Last lines of the pipeline's stderr (commands only). */
  readonly stderrTail: string;

  constructor(message: string, options?: { stderrTail?: string; cause?: unknown }) {
    const tail = options?.stderrTail?.trim();
    super('OFFLINE', tail ? `${message}\n--- stderr (last lines) ---\n${tail}` : message, options);
    this.stderrTail = tail ?? '';
  }
}
