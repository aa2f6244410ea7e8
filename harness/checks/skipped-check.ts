import type { CheckResult } from '../core/check-result';

/** A check that could not apply, with the reason: reported as skipped, never as passed. */
export function skippedCheck(name: string, reason: string): CheckResult {
  return {
    name,
    status: 'skipped',
    summary: reason,
    rows: { total: 0, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
    fields: [],
    errors: [],
  };
}
