/**
 * A realistic skew report built in code, so the HTML checks need no run: six checks (failed, passed, skipped,
 * same-side, passed with warnings), failing fields with and without analysis, generated-parity counterexamples,
 * contract probes, row errors, fixed failures, malformed rows, a data profile, and hostile values throughout.
 */
import type { CheckResult } from '../../harness/core/check-result';
import type { ColumnProfile } from '../../harness/core/data-profile';
import { REPORT_SCHEMA_VERSION, type SkewReport } from '../../harness/core/report';
import { summarizeVerdict } from '../../harness/core/summarize-verdict';
import { decideVerdict } from '../../harness/core/verdict';
import { fieldStats, histogramOf, valueMismatch } from './fixture-helpers';
import { embedding, geo, HOSTILE_SCRIPT, loginHour, planLabel, sessionsZ, spendRatio, tenureDays } from './fixture-fields';
import { inputContract } from './fixture-input-contract';

export { HOSTILE_SCRIPT };

const REPRODUCE = 'npx skew run --config examples/churn/skew.config.ts --seed 7 --sample 200 --sample-method reservoir';

/** Builds the fixture report (a fresh object each call: callers may change it). */
export function createFixtureReport(): SkewReport {
  const checks: CheckResult[] = [determinism(), parity(), generatedParity(), inputContract(REPRODUCE), batchInvariance(), labelInvariance()];
  const verdict = decideVerdict({ checks, errors: { offline: 0, online: 2, rows: 200 }, errorBudget: 0.01, compared: 198, minCompared: 1 });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'skew-harness', version: '0.1.0' },
    run: {
      startedAt: '2026-11-25T11:44:57.363Z',
      finishedAt: '2026-11-25T11:45:02.177Z',
      durationMs: 4814,
      configFile: 'examples/churn/skew.config.ts',
      configHash: '7d1b0fba2287',
      target: 'staging',
      seed: 7,
      sampleSize: 200,
      sampleMethod: 'reservoir',
      versions: { node: 'v20.20.2', platform: 'linux-x64' },
      timings: { sampleMs: 95, offlineMs: 201, onlineMs: 227, totalMs: 4814 },
    },
    source: {
      path: 'examples/churn/data/training.csv',
      format: 'csv',
      columns: [
        { name: 'customer_id', type: 'string', typeSource: 'inferred', role: 'key' },
        { name: 'plan', type: 'string', typeSource: 'inferred', role: 'input' },
        { name: 'monthly_spend', type: 'number', typeSource: 'inferred', role: 'input' },
        { name: 'signup_date', type: 'date', typeSource: 'inferred', role: 'input' },
        { name: 'churned', type: 'integer', typeSource: 'config', role: 'label' },
      ],
      badRows: [
        { line: 17, message: 'row has 5 fields, header has 4' },
        { line: 912, message: `unterminated quote in "${HOSTILE_SCRIPT}` },
      ],
      badRowCount: 2,
    },
    sides: {
      offline: { description: 'command python3 pipeline/features.py' },
      online: { description: 'POST http://127.0.0.1:40839/features', stats: { requests: 488, retries: 6, statuses: { '200': 470, '422': 16, '503': 2 }, latencyMs: { p50: 16.46, p95: 31.02, max: 47.2 } } },
    },
    accounting: {
      rowsRead: 3000,
      rowsSampled: 200,
      check: 'parity',
      ...(({ compared, offlineErrors, onlineErrors, notRun }) => ({ rowsCompared: compared, offlineErrors, onlineErrors, notRun }))(checks.find((c) => c.name === 'parity')!.rows),
      checks: Object.fromEntries(checks.map((c) => [c.name, { ...c.rows }])),
    },
    profile: { rows: 200, columns: profileColumns() },
    checks,
    verdict: { ...verdict, summary: summarizeVerdict(verdict) },
    reproduce: REPRODUCE,
  };
}

function determinism(): CheckResult {
  return {
    name: 'determinism',
    status: 'passed',
    summary: 'offline and online gave identical features for 50 rows asked twice',
    rows: { total: 100, compared: 100, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
    fields: [],
    errors: [],
    compares: 'same-side',
    labels: { offline: 'first answer', online: 'second answer' },
    durationMs: 303,
  };
}

function parity(): CheckResult {
  const passed = (field: string, psi: number | null) =>
    fieldStats({ field, compared: 198, mismatched: 0, ...(psi === null ? {} : { analysis: { hints: [], distribution: { count: 198, psi, jensenShannon: psi / 9, lInfinity: null }, diffHistogram: null, scatter: null } }) });
  const referrer = fieldStats({
    field: 'referrer',
    compared: 198,
    mismatched: 2,
    budget: 0.02,
    kinds: { missing_online: 2 },
    examples: [{ key: 'C000120', field: 'referrer', path: 'referrer', kind: 'missing_online', offline: 'https://example.com/?q=<b>', detail: 'absent in the serving response' }],
  });
  const fields = [tenureDays(), passed('days_since_last_login', 0.0008), loginHour(), passed('country', null), sessionsZ(), planLabel(), embedding(), spendRatio(), geo(), referrer, passed('spend_log', 0.0011), passed(`"quoted" & <b>field</b>`, null)];
  const failed = fields.filter((f) => f.status === 'failed').length;
  return {
    name: 'parity',
    status: 'failed',
    summary: `${failed} of ${fields.length} fields differ between offline and serving on 198 compared rows`,
    rows: { total: 200, compared: 198, offlineErrors: 0, onlineErrors: 2, notRun: 0 },
    fields,
    errors: [
      { key: 'C000017', side: 'online', message: 'HTTP 503 from POST http://127.0.0.1:40839/features after 4 attempts' },
      { key: `C-<img src=x onerror=alert(1)>`, side: 'online', message: `timeout after 5000 ms (body: "${HOSTILE_SCRIPT}")` },
    ],
    compares: 'offline-online',
    durationMs: 1700,
    fixed: [{ check: 'parity', field: 'country', key: 'C000412' }],
  };
}

function generatedParity(): CheckResult {
  const base = { customer_id: 'C002386', plan: 'basic', monthly_spend: 28.47, sessions_last_30d: 17, signup_date: '2019-06-17', churned: 0 };
  const command = (path: string) => `${REPRODUCE} --checks generated-parity --generated-seed 7 --generated-path ${path}`;
  const planCode = fieldStats({
    field: 'plan_code',
    compared: 184,
    mismatched: 17,
    examples: [valueMismatch('gen:1ozhg6djljf', 'plan_code', -1, 0), valueMismatch('gen:0a91kq2mzz', 'plan_code', -1, 0)],
    analysis: { hints: [{ kind: 'unseen_category', message: 'differs only for plan values outside the training vocabulary: offline −1, online 0', evidence: '17 of 17 mismatching rows have an unseen or null plan', strength: 1 }], distribution: { count: 184, psi: null, jensenShannon: null, lInfinity: 0.0924 }, diffHistogram: histogramOf(new Array<number>(17).fill(1), 1), scatter: null },
  });
  const fields = [
    fieldStats({ field: 'tenure_days', compared: 184, mismatched: 184, examples: [valueMismatch('gen:3kd8a0', 'tenure_days', 2276, 2718)] }),
    planCode,
    fieldStats({ field: 'spend_bucket', compared: 184, mismatched: 4, examples: [valueMismatch('gen:9zz1', 'spend_bucket', -1, 0)] }),
    fieldStats({ field: 'country', compared: 184, mismatched: 0 }),
  ];
  return {
    name: 'generated-parity',
    status: 'failed',
    summary: '3 fields differ on generated rows (tenure_days, plan_code, spend_bucket); 3 minimal counterexamples',
    rows: { total: 200, compared: 184, offlineErrors: 0, onlineErrors: 16, notRun: 0 },
    fields,
    errors: [{ key: 'gen:77ab', side: 'online', message: 'HTTP 422: plan must be a string' }],
    compares: 'offline-online',
    durationMs: 2210,
    counterexamples: [
      { field: 'tenure_days', mismatch: valueMismatch('gen:3kd8a0', 'tenure_days', 2276, 2718), baseKey: 'C002386', changes: [], row: base, description: 'fails on a typical training row unchanged', seed: 7, path: '0:0', reproduce: command('0:0'), runs: 1, shrinks: 1 },
      { field: 'plan_code', mismatch: valueMismatch('gen:1ozhg6djljf', 'plan_code', -1, 0), baseKey: 'C002386', changes: [{ column: 'plan', from: 'basic', to: null, reason: 'null' }], row: { ...base, plan: null }, description: 'plan: "basic" → null (null)', seed: 7, path: '15:0:1:0:0', reproduce: command('15:0:1:0:0'), runs: 16, shrinks: 4 },
      { field: 'spend_bucket', mismatch: valueMismatch('gen:9zz1', 'spend_bucket', -1, 0), baseKey: 'C002386', changes: [{ column: 'monthly_spend', from: 28.47, to: -0.01, reason: 'negative' }, { column: 'plan', from: 'basic', to: HOSTILE_SCRIPT, reason: 'unicode and markup' }], row: { ...base, monthly_spend: -0.01 }, description: `monthly_spend: 28.47 → -0.01 (negative); plan: "basic" → "${HOSTILE_SCRIPT}"`, seed: 7, path: '83:0:4', reproduce: command('83:0:4'), runs: 84, shrinks: 2 },
    ],
  };
}

function batchInvariance(): CheckResult {
  return {
    name: 'batch-invariance',
    status: 'failed',
    summary: 'offline spend_z differs between a row alone and within a batch of 20: the pipeline fits on the batch it is given',
    rows: { total: 20, compared: 20, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
    fields: [
      fieldStats({ field: 'spend_z', side: 'offline', compared: 20, mismatched: 20, examples: [valueMismatch('C000002', 'spend_z', 0.3125, 0), valueMismatch('C000039', 'spend_z', -1.204, 0)] }),
      fieldStats({ field: 'tenure_days', side: 'offline', compared: 20, mismatched: 0 }),
    ],
    errors: [],
    compares: 'same-side',
    labels: { offline: 'in batch', online: 'alone' },
    durationMs: 180,
  };
}

function labelInvariance(): CheckResult {
  return {
    name: 'label-invariance',
    status: 'skipped',
    summary: 'the offline side reads precomputed columns, which cannot be recomputed with a changed label',
    rows: { total: 0, compared: 0, offlineErrors: 0, onlineErrors: 0, notRun: 0 },
    fields: [],
    errors: [],
  };
}

function profileColumns(): ColumnProfile[] {
  const none = { numeric: null, strings: null, dates: null, booleans: null };
  const strings = { minLength: 5, maxLength: 9, paddedRate: 0.1, emptyRate: 0, caseShape: { lower: 0.79, upper: 0.105, mixed: 0.105 }, nonAsciiRate: 0 };
  return [
    { ...none, name: 'customer_id', type: 'string', kind: 'string', role: 'key', count: 200, nullRate: 0, strings: { ...strings, minLength: 7, maxLength: 7, paddedRate: 0, vocabulary: null } },
    { ...none, name: 'plan', type: 'string', kind: 'category', role: 'input', count: 198, nullRate: 0.01, strings: { ...strings, vocabulary: [{ value: 'basic', count: 83 }, { value: 'standard', count: 54 }, { value: 'premium', count: 17 }, { value: 'BASIC', count: 8 }, { value: ' Basic', count: 4 }, { value: HOSTILE_SCRIPT, count: 1 }, { value: '</style>', count: 1 }, { value: 'Premium', count: 3 }] } },
    { ...none, name: 'monthly_spend', type: 'number', kind: 'number', role: 'input', count: 193, nullRate: 0.035, numeric: { min: 0, max: 153.12, mean: 39.65461139896374, quantiles: { p1: 0, p5: 10.316, p25: 20.19, p50: 30.18, p75: 47.81, p95: 113.232, p99: 140.0544 }, integral: false, negativeRate: 0, zeroRate: 0.0207, decimals: 2 } },
    { ...none, name: 'signup_date', type: 'date', kind: 'date', role: 'input', count: 200, nullRate: 0, dates: { min: '2016-01-14', max: '2025-11-03', format: 'date', separator: 'T', seconds: false, fractionDigits: 0, offset: null } },
    { ...none, name: 'is_trial', type: 'boolean', kind: 'boolean', role: 'input', count: 200, nullRate: 0, booleans: { trueRate: 0.135 } },
    { ...none, name: 'churned', type: 'integer', kind: 'integer', role: 'label', count: 200, nullRate: 0, numeric: { min: 0, max: 1, mean: 0.27, quantiles: { p1: 0, p5: 0, p25: 0, p50: 0, p75: 1, p95: 1, p99: 1 }, integral: true, negativeRate: 0, zeroRate: 0.73, decimals: 0 } },
  ];
}
