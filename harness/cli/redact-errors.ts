import { createRedactor } from '../config/redactor';

/**
 * Runs `fn`, and scrubs secrets (values read from the environment) from the message of anything it throws: an
 * offline pipeline's stderr tail or a server's output may echo a token, and the CLI prints error messages as they
 * are.
 */
export async function withRedactedErrors<T>(secrets: readonly string[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (secrets.length > 0 && error instanceof Error) {
      const redact = createRedactor(secrets);
      error.message = redact(error.message);
      if (error.stack) error.stack = redact(error.stack);
    }
    throw error;
  }
}
