import { SkewError } from './skew-error';

/** A golden file cannot be read, written or locked: the message names the file and what to do. */
export class GoldenError extends SkewError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('GOLDEN', message, options);
  }
}
