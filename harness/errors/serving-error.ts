import { SkewError } from './skew-error';

/**
 * A request to the serving endpoint failed for good (after retries). It is recorded as an `error` for that row,
 * never as a match or a value mismatch. `status` is the last HTTP status, if any response arrived.
 */
export class ServingError extends SkewError {
  /** Last HTTP status seen, when the server answered at all. */
  readonly status: number | undefined;
  /** How many attempts were made. */
  readonly attempts: number;

  constructor(message: string, options: { status?: number; attempts: number; cause?: unknown }) {
    super('SERVING', message, options);
    this.status = options.status;
    this.attempts = options.attempts;
  }
}

/**
 * The local serving process (`serving.start`) could not be started or did not become ready before its deadline.
 * The run is inconclusive (exit 3), except when the command itself does not exist (exit 2, a config problem).
 */
export class ServingStartError extends SkewError {
  /** Last lines of the server's output, to show why it did not come up. */
  readonly outputTail: string;
  /** True when the command could not be spawned at all (ENOENT, EACCES): a configuration problem. */
  readonly spawnFailed: boolean;

  constructor(message: string, options: { outputTail?: string; spawnFailed?: boolean; cause?: unknown } = {}) {
    const tail = options.outputTail?.trim();
    super('SERVING_START', tail ? `${message}\n--- server output (last lines) ---\n${tail}` : message, options);
    this.outputTail = tail ?? '';
    this.spawnFailed = options.spawnFailed ?? false;
  }
}
