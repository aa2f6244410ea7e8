import fc from 'fast-check';
import { isEndpointWide4xx, isRowVerdictStatus } from '../../harness/core/http-status';
import { isEndpointFailureStatus, isRetryableStatus } from '../../harness/adapters/serving/is-retryable';
import { isRowCausedBatchFailure } from '../../harness/adapters/serving/batch-fallback';
import { sideReaction } from '../../harness/checks/contract/probe-reaction';
import { isRowRejection } from '../../harness/core/row-rejection';

describe('what an HTTP status says about the row', () => {
  it('a status is a verdict on the row, or counts against the endpoint, never both', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (status) => {
        const verdict = isRowVerdictStatus(status);
        expect(verdict && (isEndpointFailureStatus(status) || isRetryableStatus(status))).toBe(false);
        expect(verdict).toBe(status >= 400 && status < 500 && !isEndpointWide4xx(status));
        // The checks, the batch fallback and the contract probes read it alike.
        const result = { kind: 'error' as const, message: `HTTP ${status}`, status };
        expect(isRowRejection(result, 'online')).toBe(verdict);
        if (status >= 400 && status !== 500) {
          expect(isRowCausedBatchFailure({ kind: 'done', endpoint: 'up', results: [result, result], message: result.message })).toBe(verdict);
          expect(sideReaction(result, 'online').kind).toBe(verdict ? 'rejects' : 'error');
        }
      }),
    );
  });

  it('input errors are verdicts; credentials, a wrong URL or method, and come-back-later are not', () => {
    expect([400, 409, 413, 415, 422].every(isRowVerdictStatus)).toBe(true);
    expect([401, 403, 404, 405, 407, 408, 429].some(isRowVerdictStatus)).toBe(false);
  });
});
