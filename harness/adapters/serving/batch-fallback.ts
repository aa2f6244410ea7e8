import { isRowVerdictStatus } from '../../core/http-status';
import type { Row, SideResult } from '../../core/row';
import { sendRow, type RequestContext, type RequestOutcome } from './row-requests';
import type { AbortLike } from './abort-scope';

/**
 * Whether a failed batch request was likely failed by one of its rows rather than by the endpoint: every row is an
 * error and the server answered — a 4xx that judges the request ({@link isRowVerdictStatus}: not credentials, 404, 405, 408 or 429), a 500 (a handler that
 * crashed on one row), or a 2xx whose body did not map to one vector per row. Then the rows deserve to be tried
 * alone. So is a batch whose body could not be built (nothing was sent): one row a protocol cannot carry — a null in a
 * tensor — must not cost the rows beside it. Transport failures, 404 and 502–504 are the endpoint's own and are not
 * retried row by row.
 */
export function isRowCausedBatchFailure(outcome: RequestOutcome): boolean {
  if (outcome.kind !== 'done') return false;
  // Nothing was sent: one row the mapping cannot carry (or a mapper failing on one row) must not cost the others.
  if (outcome.endpoint === 'untested') return true;
  if (!outcome.results.every((r) => r.kind === 'error')) return false;
  const status = (outcome.results[0] as Extract<SideResult, { kind: 'error' }>).status;
  if (status === undefined) return false;
  if (status >= 200 && status < 300) return true;
  if (status === 500) return true;
  return isRowVerdictStatus(status);
}

/** Sends rows to the single-row endpoint one after another, as the fallback for a batch that failed on its rows. */
export async function sendOneByOne(context: RequestContext, rows: readonly Row[], signal: AbortLike): Promise<RequestOutcome> {
  const results: SideResult[] = [];
  let up = false;
  let sent = false;
  let message: string | null = null;
  for (const fields of rows) {
    const outcome = await sendRow(context, fields, signal);
    if (outcome.kind === 'aborted') return outcome;
    results.push(...outcome.results);
    if (outcome.endpoint === 'up') up = true;
    if (outcome.endpoint !== 'untested') sent = true;
    message ??= outcome.message;
  }
  // No row could even be sent: that says nothing about the endpoint (the circuit breaker must not count it).
  return { kind: 'done', results, endpoint: up ? 'up' : sent ? 'down' : 'untested', message };
}
