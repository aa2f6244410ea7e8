import { SkewError } from './skew-error';

/** A command-line argument is wrong (`--sample must be a positive integer`). */
export class UsageError extends SkewError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
  }
}
