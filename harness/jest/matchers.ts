import type { CheckResult } from '../core/check-result';
import type { SkewReport } from '../core/report';
import { formatCountOf } from '../core/plural';
import { createColors, shouldColor } from '../reporters/colors';
import { formatCheck } from '../reporters/format-terminal-report';

/** Whether a value is a skew report (as opposed to one check's result). */
function isReport(value: unknown): value is SkewReport {
  return value !== null && typeof value === 'object' && 'verdict' in value && 'checks' in value;
}

function isCheckResult(value: unknown): value is CheckResult {
  return value !== null && typeof value === 'object' && 'status' in value && 'fields' in value && 'name' in value;
}

/**
 * `expect(resultOrReport).toHaveNoSkew()`: passes for a check that passed or was skipped, or a report whose
 * verdict is clean. Fails with the message a terminal report would show: the field table, the examples or the
 * minimal counterexample, and the command that reproduces it. An inconclusive result fails: it proves nothing.
 */
export function toHaveNoSkew(received: unknown): { pass: boolean; message: () => string } {
  const colors = createColors(shouldColor(process.stdout));
  if (isReport(received)) {
    const pass = received.verdict.status === 'clean';
    return {
      pass,
      message: () =>
        pass
          ? `expected skew, but the run was clean (${formatCountOf(received.accounting.rowsCompared, 'row')} compared)`
          : [
              received.verdict.summary,
              ...received.checks.filter((c) => c.status === 'failed' || c.status === 'inconclusive' || c.status === 'error').flatMap((c) => ['', ...formatCheck(c, { colors })]),
              '',
              `Reproduce with: ${received.reproduce}`,
            ].join('\n'),
    };
  }
  if (isCheckResult(received)) {
    const pass = received.status === 'passed' || received.status === 'skipped';
    return {
      pass,
      message: () =>
        pass
          ? `expected ${received.name} to find skew, but it ${received.status}: ${received.summary}`
          : [...formatCheck(received, { colors }), ...(received.reproduce ? ['', `Reproduce with: ${received.reproduce}`] : [])].join('\n'),
    };
  }
  return { pass: false, message: () => `toHaveNoSkew expects a skew report or a check result, got ${typeof received}` };
}
