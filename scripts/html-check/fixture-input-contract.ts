/** The input-contract check of the fixture report: probes with every reaction, warnings, hostile values. */
import { contractResult } from '../../harness/checks/contract/contract-result';
import type { CheckResult } from '../../harness/core/check-result';
import type { ProbeOutcome } from '../../harness/core/contract-probe';
import type { InputContract } from '../../harness/core/input-contract';
import { HOSTILE_SCRIPT } from './fixture-fields';

const CONTRACT: InputContract = {
  columns: [
    { name: 'plan', optional: false, nullable: false, format: { kind: 'text', empty: false }, values: null, vocabulary: ['basic', 'standard', 'premium', HOSTILE_SCRIPT], configured: [] },
    { name: 'monthly_spend', optional: false, nullable: true, format: { kind: 'decimal' }, values: null, vocabulary: null, configured: [] },
    { name: 'signup_date', optional: false, nullable: false, format: { kind: 'date', layouts: ['date'] }, values: null, vocabulary: null, configured: [] },
    { name: 'is_trial', optional: true, nullable: false, format: { kind: 'boolean' }, values: null, vocabulary: null, configured: ['present'] },
  ],
};

const rejected = (message: string, status?: number) => (status === undefined ? { kind: 'rejects' as const, message } : { kind: 'rejects' as const, message, status });
const computes = { kind: 'computes' as const };

const PROBES: ProbeOutcome[] = [
  { key: 'probe:missing-column:plan', kind: 'missing-column', clause: 'present', column: 'plan', description: 'plan: "basic" → (missing)', reaction: 'serving-computes', offline: rejected('offline row probe:missing-column:plan: plan: expected a string'), online: computes, fields: [] },
  { key: 'probe:missing-column:signup_date', kind: 'missing-column', clause: 'present', column: 'signup_date', description: 'signup_date: "2019-06-17" → (missing)', reaction: 'both-reject', offline: rejected('signup_date: expected a date string'), online: rejected('HTTP 400 from POST /features', 400), fields: [] },
  { key: 'probe:null-value:plan', kind: 'null-value', clause: 'non-null', column: 'plan', value: null, description: 'plan: "basic" → null', reaction: 'both-compute-differ', offline: computes, online: computes, fields: ['plan_code'] },
  { key: 'probe:number-as-string:monthly_spend', kind: 'number-as-string', clause: 'type', column: 'monthly_spend', value: '28.47', description: 'monthly_spend: 28.47 → "28.47"', reaction: 'offline-computes', offline: computes, online: rejected(`HTTP 422: ${HOSTILE_SCRIPT}`, 422), fields: [] },
  { key: 'probe:malformed-date:signup_date', kind: 'malformed-date', clause: 'format', column: 'signup_date', value: '17/06/2019', description: 'signup_date: "2019-06-17" → "17/06/2019"', reaction: 'both-reject', offline: rejected('signup_date: expected an ISO date'), online: rejected('HTTP 500', 500), fields: [] },
  { key: 'probe:empty-string:plan', kind: 'empty-string', clause: 'format', column: 'plan', value: '', description: 'plan: "basic" → ""', reaction: 'both-compute-alike', offline: computes, online: computes, fields: [] },
  { key: 'probe:boolean-as-string:is_trial', kind: 'boolean-as-string', clause: 'type', column: 'is_trial', value: 'true', description: 'is_trial: true → "true"', reaction: 'error', offline: computes, online: { kind: 'error', message: 'timeout after 5000 ms' }, fields: [] },
];

/** The fixture's input-contract result, built by the check's own result function. */
export function inputContract(reproduce: string): CheckResult {
  const result = contractResult({
    outcomes: PROBES,
    evaluations: [],
    details: { baseKey: 'C002386', contract: CONTRACT, probes: PROBES, possible: 23, fail: false },
    examples: 5,
    reproduce: `${reproduce} --checks input-contract`,
  });
  return {
    ...result,
    rows: { total: 10, compared: 3, offlineErrors: 0, onlineErrors: 1, notRun: 0 },
    errors: [{ key: 'probe:boolean-as-string:is_trial', side: 'online', message: 'timeout after 5000 ms' }],
    durationMs: 412,
  };
}
