import type { CheckResult } from './check-result';
import type { Side } from './row';

/**
 * The one verdict of a run; every reporter and the exit code derive from it. `skew`: offline and serving
 * disagree on some field; `failed`: a check of another property failed (noise, batch or label leakage) while the
 * sides agree.
 */
export type VerdictStatus = 'clean' | 'skew' | 'failed' | 'inconclusive' | 'interrupted';

/** Exit codes: 0 clean, 1 skew or failed check, 2 could not run, 3 inconclusive, 130 interrupted. */
export const EXIT_CODES = Object.freeze({ clean: 0, skew: 1, usage: 2, inconclusive: 3, interrupted: 130 } as const);

/** Why the verdict is what it is, one entry per finding. */
export type VerdictReason =
  | { kind: 'field_skew'; check: string; field: string; mismatched: number; compared: number; rate: number; budget: number }
  | { kind: 'check_failed'; check: string; message: string }
  | { kind: 'check_inconclusive'; check: string; message: string }
  | { kind: 'check_error'; check: string; message: string }
  | { kind: 'error_budget'; side: Side; errors: number; rows: number; rate: number; budget: number }
  | { kind: 'too_few_compared'; compared: number; required: number }
  | { kind: 'serving_unavailable'; message: string }
  | { kind: 'interrupted' };

/** The verdict: status, the exit code that goes with it, and the reasons. */
export interface Verdict {
  /** Overall status. */
  status: VerdictStatus;
  /** Process exit code for this status (`skew` and `failed` both exit 1). */
  exitCode: 0 | 1 | 3 | 130;
  /** Findings behind the status (empty when clean). */
  reasons: VerdictReason[];
  /** Checks that passed with warnings, and how many rows the warnings concern; absent when none. Never changes the status. */
  warnings?: VerdictWarning[];
}

/** The warnings of one check, counted (see `CheckResult.warnings`). */
export interface VerdictWarning {
  /** Check name. */
  check: string;
  /** Rows the check's warnings concern (input-contract: probes the two sides react to differently). */
  count: number;
}

/** What the verdict is decided from. */
export interface VerdictInput {
  /** Results of every check that ran (or was skipped). */
  checks: readonly CheckResult[];
  /** Row errors per side across the run, and the rows attempted. */
  errors: { offline: number; online: number; rows: number };
  /** Largest tolerated share of rows with an error on either side. */
  errorBudget: number;
  /** Rows compared by the parity check (or the main comparison). */
  compared: number;
  /** Fewest compared rows for a conclusive run. */
  minCompared: number;
  /** Set when serving was declared unavailable (circuit open, never ready). */
  servingUnavailable?: string | undefined;
  /** Set when the run was interrupted (SIGINT). */
  interrupted?: boolean;
}

/**
 * Decides the verdict. Precedence: interrupted, then skew (a mismatch among compared rows is real whatever
 * else went wrong), then inconclusive (serving unavailable, error budget exceeded, too few rows compared, an
 * inconclusive check, a check that ended in an error), then clean. All reasons found are listed, not only the deciding one.
 */
function decideStatus(input: VerdictInput): Verdict {
  const skew: VerdictReason[] = [];
  const inconclusive: VerdictReason[] = [];

  for (const check of input.checks) {
    if (check.status === 'failed') {
      const failedFields = check.fields.filter((f) => f.status === 'failed');
      if ((check.compares ?? 'offline-online') === 'offline-online') {
        for (const f of failedFields) {
          skew.push({ kind: 'field_skew', check: check.name, field: f.field, mismatched: f.mismatched, compared: f.compared, rate: f.rate, budget: f.budget });
        }
      }
      if (failedFields.length === 0 || check.compares === 'same-side') skew.push({ kind: 'check_failed', check: check.name, message: check.summary });
    } else if (check.status === 'inconclusive') {
      inconclusive.push({ kind: 'check_inconclusive', check: check.name, message: check.summary });
    } else if (check.status === 'error') {
      inconclusive.push({ kind: 'check_error', check: check.name, message: check.summary });
    }
  }

  if (input.servingUnavailable) inconclusive.push({ kind: 'serving_unavailable', message: input.servingUnavailable });
  const { rows } = input.errors;
  for (const side of ['offline', 'online'] as const) {
    const errors = input.errors[side];
    const rate = rows === 0 ? 0 : errors / rows;
    if (errors > 0 && rate > input.errorBudget) inconclusive.push({ kind: 'error_budget', side, errors, rows, rate, budget: input.errorBudget });
  }
  if (input.compared < input.minCompared) inconclusive.push({ kind: 'too_few_compared', compared: input.compared, required: input.minCompared });

  const reasons = [...skew, ...inconclusive];
  if (input.interrupted) return { status: 'interrupted', exitCode: 130, reasons: [{ kind: 'interrupted' }, ...reasons] };
  if (skew.some((r) => r.kind === 'field_skew')) return { status: 'skew', exitCode: 1, reasons };
  if (skew.length > 0) return { status: 'failed', exitCode: 1, reasons };
  if (inconclusive.length > 0) return { status: 'inconclusive', exitCode: 3, reasons };
  return { status: 'clean', exitCode: 0, reasons: [] };
}

/**
 * Decides the verdict (see `decideStatus` for the precedence of statuses) and counts the checks' warnings, which
 * every reporter shows beside it and which never change the status or the exit code.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const verdict = decideStatus(input);
  const warnings = input.checks
    .filter((check) => (check.warnings?.length ?? 0) > 0)
    .map((check) => ({ check: check.name, count: check.warnings!.reduce((n, w) => n + w.count, 0) }));
  return warnings.length > 0 ? { ...verdict, warnings } : verdict;
}
