import type { Verdict, VerdictReason } from './verdict';
import { formatCountOf } from './plural';

/**
 * One line that says what a run found, for the terminal's last line, the demo and PR comments: per check at most
 * the three worst fields by rate, the rest counted (`SKEW: parity: hour_local 42%, tenure_days 12%, sessions_z 3%
 * and 2 more fields; golden: …`); checks that passed with warnings are counted at the end
 * (`CLEAN: every check passed; 3 warnings in input-contract`).
 */
export function summarizeVerdict(verdict: Verdict): string {
  const warnings = (verdict.warnings ?? []).map((w) => `${w.count} warning${w.count === 1 ? '' : 's'} in ${w.check}`);
  const line = summarizeStatus(verdict);
  return warnings.length === 0 ? line : `${line}; ${warnings.join(', ')}`;
}

function summarizeStatus(verdict: Verdict): string {
  const fields = verdict.reasons.filter((r): r is Extract<VerdictReason, { kind: 'field_skew' }> => r.kind === 'field_skew');
  switch (verdict.status) {
    case 'clean':
      return 'CLEAN: every check passed';
    case 'skew':
    case 'failed': {
      const byCheck = new Map<string, typeof fields>();
      for (const f of fields) byCheck.set(f.check, [...(byCheck.get(f.check) ?? []), f]);
      const parts = [...byCheck].map(([check, list]) => `${check}: ${describeWorstFields(list)}`);
      for (const r of verdict.reasons) if (r.kind === 'check_failed') parts.push(`${r.check}: ${truncateMessage(r.message)}`);
      return `${verdict.status === 'skew' ? 'SKEW' : 'FAILED'}: ${parts.join('; ')}`;
    }
    case 'inconclusive': {
      // Causes first: an unavailable server explains the error budget, which explains the empty comparison.
      const [first, ...rest] = [...verdict.reasons].sort((a, b) => INCONCLUSIVE_ORDER.indexOf(a.kind) - INCONCLUSIVE_ORDER.indexOf(b.kind));
      const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.map((r) => r.kind.replace(/_/g, ' ')).join(', ')})` : '';
      return `INCONCLUSIVE: ${first ? describeReason(first) : 'no reason recorded'}${more}`;
    }
    case 'interrupted':
      return 'INTERRUPTED: the run was stopped before it finished';
  }
}

/** Fields named per check on the verdict line; the rest are counted. */
const MAX_NAMED_FIELDS = 3;
/** A failed check's message on the verdict line is cut here (the check's own section has it whole). */
const MAX_MESSAGE = 120;

/**
 * The pseudo-field of rows one side rejects while the other computes features (generated-parity's `ROW_FIELD`). Its
 * rate is over the rejected rows only — 100 % by construction — so it is told in words, after the real fields.
 */
export const ROW_PSEUDO_FIELD = '(row)';

/**
 * `hour_local 42%, tenure_days 12%, sessions_z 3% and 2 more fields`: the worst rates first; rows one side rejects
 * are counted after them (`plan_code 12%, 29 rows one side rejects`).
 */
function describeWorstFields(list: ReadonlyArray<Extract<VerdictReason, { kind: 'field_skew' }>>): string {
  const worst = list.filter((f) => f.field !== ROW_PSEUDO_FIELD).sort((a, b) => b.rate - a.rate || b.mismatched - a.mismatched);
  const named = worst.slice(0, MAX_NAMED_FIELDS).map((f) => `${f.field} ${formatRate(f.rate)}`);
  const more = worst.length - MAX_NAMED_FIELDS;
  if (more > 0) named[named.length - 1] += ` and ${more} more field${more === 1 ? '' : 's'}`;
  const rejected = list.find((f) => f.field === ROW_PSEUDO_FIELD);
  if (rejected) named.push(`${rejected.mismatched} row${rejected.mismatched === 1 ? '' : 's'} one side rejects`);
  return named.join(', ');
}

/** A long message keeps its first clause (up to the first `; `) when that fits, else it is cut. */
function truncateMessage(message: string): string {
  if (message.length <= MAX_MESSAGE) return message;
  const first = message.split('; ')[0]!;
  return first.length <= MAX_MESSAGE ? first : `${first.slice(0, MAX_MESSAGE - 1)}…`;
}

const INCONCLUSIVE_ORDER: ReadonlyArray<VerdictReason['kind']> = ['serving_unavailable', 'check_error', 'error_budget', 'too_few_compared', 'check_inconclusive'];

/** Words for one verdict reason. */
export function describeReason(reason: VerdictReason): string {
  switch (reason.kind) {
    case 'field_skew':
      return `${reason.check}: ${reason.field} differs on ${reason.mismatched} of ${formatCountOf(reason.compared, 'row')} (${formatRate(reason.rate)}, budget ${formatRate(reason.budget)})`;
    case 'check_failed':
      return `${reason.check}: ${reason.message}`;
    case 'check_inconclusive':
      return `${reason.check}: ${reason.message}`;
    case 'check_error':
      return `${reason.check} ${reason.message}`;
    case 'error_budget':
      return `${reason.side} errors on ${reason.errors} of ${formatCountOf(reason.rows, 'row')} (${formatRate(reason.rate)}, budget ${formatRate(reason.budget)})`;
    case 'too_few_compared':
      return `only ${formatCountOf(reason.compared, 'row')} compared (at least ${reason.required} required)`;
    case 'serving_unavailable':
      return reason.message;
    case 'interrupted':
      return 'interrupted';
  }
}

/** A rate as a percentage with sensible precision: 100%, 8.1%, 0.05%. */
export function formatRate(rate: number): string {
  if (rate === 0) return '0%';
  if (rate === 1) return '100%';
  const pct = rate * 100;
  return `${pct >= 10 ? pct.toFixed(1) : pct >= 0.1 ? pct.toFixed(2) : pct.toPrecision(2)}%`;
}
