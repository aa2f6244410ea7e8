import type { CheckResult } from '../core/check-result';
import { errorMessage } from '../errors/error-message';
import { isSkewError } from '../errors/skew-error';

/**
 * Whether an error thrown inside a check ends the whole run (exit 2 or 130): a broken config, source, offline
 * pipeline as a whole, a local server that would not start, an unreadable golden file, an interruption. Anything
 * else — a serving failure that escaped the adapter, a bug in a check — makes that one check `error` and the run goes on.
 */
export function endsTheRun(error: unknown): boolean {
  if (!isSkewError(error)) return false;
  switch (error.code) {
    case 'CONFIG':
    case 'USAGE':
    case 'SOURCE':
    case 'OFFLINE':
    case 'SERVING_START':
    case 'SERVING_EXITED':
    case 'SERVING_AUTH':
    case 'SERVING_CASSETTE':
    case 'GOLDEN':
    case 'INTERRUPTED':
      return true;
    case 'SERVING':
    case 'REPORT':
      return false;
  }
}

/** The result of a check that could not finish: status `error`, the reason as its summary, no rows or fields. */
export function checkError(name: string, error: unknown): CheckResult {
  const reason = errorMessage(error).split('\n')[0] ?? 'unknown error';
  return {
    name,
    status: 'error',
    summary: `could not finish: ${reason}`,
    rows: { total: 0, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
    fields: [],
    errors: [],
  };
}
