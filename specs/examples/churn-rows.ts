import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** Root of the bundled example model repo. */
export const CHURN_DIR = join(__dirname, '..', '..', 'examples', 'churn');
/** The committed training data. */
export const TRAINING_CSV = join(CHURN_DIR, 'data', 'training.csv');

const NUMERIC_COLUMNS = new Set(['monthly_spend', 'sessions_last_30d', 'support_tickets', 'avg_session_minutes', 'churned']);

/**
 * The training rows typed the way the harness hands them to pipelines: empty cell → null, numeric columns as
 * numbers, everything else as the exact string (padding kept).
 */
export function readTrainingRows(): Record<string, unknown>[] {
  const records = parse(readFileSync(TRAINING_CSV, 'utf8'), { columns: true }) as Record<string, string>[];
  return records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([column, cell]) => [column, cell === '' ? null : NUMERIC_COLUMNS.has(column) ? Number(cell) : cell]),
    ),
  );
}

/** What serving is sent: every column but the label. */
export function withoutLabel(row: Record<string, unknown>): Record<string, unknown> {
  const { churned: _label, ...inputs } = row;
  return inputs;
}

/** A valid training-like row to derive crafted rows from. */
export const BASE_ROW: Record<string, unknown> = {
  customer_id: 'X000001',
  signup_date: '2024-01-06',
  reference_date: '2024-03-01',
  last_login_at: '2024-02-28T10:00:00Z',
  plan: 'standard',
  country: 'DE',
  monthly_spend: 42.5,
  sessions_last_30d: 12,
  support_tickets: 1,
  avg_session_minutes: 20.5,
  churned: 0,
};

/**
 * Rows at the edges a generated-parity check would probe (refunds, nulls, padding, unicode, zones, calendar
 * edges, bad types). Every implementation must agree on each: same features, or an error on both sides.
 */
export const EDGE_ROWS: Record<string, unknown>[] = [
  { monthly_spend: -30 },
  { monthly_spend: -25 },
  { monthly_spend: -0.01 },
  { monthly_spend: 0 },
  { monthly_spend: 25 },
  { monthly_spend: 1e300, sessions_last_30d: -1e300 },
  { monthly_spend: ' 12.5 ', sessions_last_30d: '7' },
  { monthly_spend: 'abc' },
  { monthly_spend: true },
  { monthly_spend: null, sessions_last_30d: null, support_tickets: null, avg_session_minutes: null },
  { plan: 'ENTERPRISE' },
  { plan: ' premium\t' },
  { plan: 'premium\u00a0' },
  { plan: '' },
  { plan: null, country: null },
  { plan: 7 },
  { country: '  ' },
  { country: ' gb' },
  { country: 'stra\u00dfe' },
  { signup_date: '2024-02-29' },
  { signup_date: '2023-02-29' },
  { signup_date: '2024-03-05', reference_date: '2024-03-01' },
  { signup_date: '0001-01-01', reference_date: '9999-12-31' },
  { reference_date: '2024-03-01T00:00:00.000Z' },
  { reference_date: '2024-03-01T00:00:01Z' },
  { reference_date: null },
  { last_login_at: '2024-03-31T01:30:00+01:00', reference_date: '2024-04-01' },
  { last_login_at: '2024-02-29T23:59:59.9999+01:00' },
  { last_login_at: '2024-02-29T23:59:59.999-08:00' },
  { last_login_at: '2024-03-02T00:00:00Z' },
  { last_login_at: '2024-02-29T24:00:00Z' },
  { last_login_at: '2024-02-29 10:00:00' },
  { last_login_at: '2024-02-29t22:30+0100' },
  { last_login_at: '2024-02-29T23:59:59,999z' },
  { last_login_at: '2024-02-29T23:00:00-01' },
  { last_login_at: '2024-02-29' },
  { last_login_at: '2024-13-01T00:00:00Z' },
  { last_login_at: '2024-02-29T10:00:00+24:00' },
  { signup_date: '2024-01-06T23:30:00-02:00' },
  { signup_date: '1969-12-31T23:59:59.999Z', reference_date: '1970-01-01' },
  { last_login_at: null },
  { support_tickets: 12 },
  { support_tickets: -3 },
  { support_tickets: 2.5 },
  { sessions_last_30d: 0 },
  { avg_session_minutes: '7.5' },
].map((change) => ({ ...BASE_ROW, ...change }));

/** Fields whose values differ between two feature objects (numbers within a relative tolerance). */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>, relative = 1e-12): string[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields.filter((field) => !sameValue(a[field], b[field], relative));
}

function sameValue(a: unknown, b: unknown, relative: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a pipeline result is a per-row error. */
export function isRowError(result: Record<string, unknown>): boolean {
  return typeof result.$error === 'string';
}
