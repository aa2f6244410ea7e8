/**
 * Stable codes for every error skew-harness raises on purpose. Scripts may match on them; the messages may
 * improve between versions, the codes do not change.
 */
export type SkewErrorCode =
  | 'CONFIG'
  | 'USAGE'
  | 'SOURCE'
  | 'OFFLINE'
  | 'SERVING'
  | 'SERVING_START'
  | 'SERVING_EXITED'
  | 'SERVING_AUTH'
  | 'SERVING_CASSETTE'
  | 'GOLDEN'
  | 'REPORT'
  | 'INTERRUPTED';

/**
 * Base class of every error skew-harness raises on purpose. The message is one line that says
 * `<what failed>: <which thing>`; the CLI prints it without a stack trace (unless `--debug`).
 */
export class SkewError extends Error {
  /** Stable machine-readable code. */
  readonly code: SkewErrorCode;

  constructor(code: SkewErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** True when `error` is one of ours (and so has a user-facing message and a code). */
export function isSkewError(error: unknown): error is SkewError {
  return error instanceof SkewError;
}
