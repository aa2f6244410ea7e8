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

/**
 * The local serving process (`serving.start`) exited by itself during the run, after it had become ready. The run
 * stops at once with exit 3 (serving became unavailable) and no report: what was compared before the crash is not
 * a run's answer. The message names the exit code or signal; the server's last lines follow it.
 */
export class ServingExitedError extends SkewError {
  /** Last lines of the server's output, to show why it exited. */
  readonly outputTail: string;
  /** The process's exit code, or `null` when a signal ended it. */
  readonly exitCode: number | null;
  /** The signal that ended it, or `null`. */
  readonly signal: NodeJS.Signals | null;

  constructor(message: string, options: { exitCode: number | null; signal: NodeJS.Signals | null; outputTail?: string }) {
    const tail = options.outputTail?.trim();
    super('SERVING_EXITED', tail ? `${message}\n--- server output (last lines) ---\n${tail}` : message);
    this.outputTail = tail ?? '';
    this.exitCode = options.exitCode;
    this.signal = options.signal;
  }
}

/**
 * Serving refused the run's credentials (HTTP 401, 403 or 407): every row would be refused alike, and no retry or
 * waiting helps — the user must fix `serving.headers` or the environment variables they read. Ends the run with
 * exit 2, not as "serving unavailable" (exit 3), which a scheduler would read as a flake.
 */
export class ServingAuthError extends SkewError {
  /** The HTTP status that refused the credentials. */
  readonly status: number;

  constructor(message: string, status: number) {
    super('SERVING_AUTH', message);
    this.status = status;
  }
}
