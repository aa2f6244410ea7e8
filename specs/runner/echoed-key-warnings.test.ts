import type { CheckResult } from '../../harness/core/check-result';
import { echoedKeyWarnings } from '../../harness/runner/session-checks/parity';

const parity = (fields: string[]): CheckResult =>
  ({ name: 'parity', status: 'passed', summary: '', rows: { total: 1, compared: 1, offlineErrors: 0, onlineErrors: 0, notRun: 0 }, fields: fields.map((field) => ({ field })), errors: [] }) as unknown as CheckResult;

describe('echoedKeyWarnings', () => {
  it('says when a key column one side returns was not compared, and only then', () => {
    // Offline echoes order_id; serving does not: parity's fields never hold it.
    expect(echoedKeyWarnings(['order_id'], new Set(['order_id', 'x']), parity(['x']))).toEqual([
      'order_id (source.key) is returned by one side only: read as the join key echoed back, not compared',
    ]);
    // Both sides return it: compared like any field, nothing to say; nobody returns it: nothing either.
    expect(echoedKeyWarnings(['order_id'], new Set(['order_id', 'x']), parity(['order_id', 'x']))).toEqual([]);
    expect(echoedKeyWarnings(['order_id'], new Set(['x']), parity(['x']))).toEqual([]);
  });
});
