import { loadArtifacts, type Artifacts } from './artifacts';
import { DAY_MS, weekdayOfDays } from './civil-time';
import { readDay, readInstantMs, readLabel, readNumber, readText, RowValueError, trimAscii } from './input-values';
import { parseOfflineBugs, type OfflineBug } from './offline-bugs';

/**
 * The offline feature pipeline of the churn example, as a TypeScript module (the harness's "module" offline
 * adapter). `features.py` is the same pipeline in Python; the two agree on every row, numbers to the last ulp.
 */

/** Feature names, in the order every implementation emits them. */
export const FEATURE_NAMES = [
  'tenure_days',
  'days_since_last_login',
  'plan_code',
  'country',
  'spend_log',
  'spend_bucket',
  'sessions_z',
  'avg_session_minutes',
  'support_tickets_capped',
  'is_weekend_signup',
] as const;

/** Width of a `spend_bucket`, in currency units. */
export const SPEND_BUCKET_WIDTH = 25;
/** `support_tickets` above this are capped (a handful of outliers should not dominate the model). */
export const SUPPORT_TICKETS_CAP = 10;

/** What a row yields: its features, or `{ $error }` when one of its values cannot be used. */
export type FeatureResult = Record<string, unknown>;

/** The input values of one row, read and validated. */
interface Inputs {
  signupDay: number;
  referenceDay: number;
  lastLoginMs: number | null;
  plan: string | null;
  country: string | null;
  monthlySpend: number | null;
  sessions: number | null;
  supportTickets: number | null;
  avgSessionMinutes: number | null;
  churned: 0 | 1;
}

/**
 * Computes the features of a batch of rows, one result per row, in order. A row whose values cannot be read
 * gets `{ $error: "column: problem" }` instead of features; the other rows are unaffected.
 *
 * `EXAMPLE_OFFLINE_BUGS` (read on every call) switches in leakage bugs; see {@link OfflineBug}.
 *
 * @example
 * computeFeatures([{ signup_date: '2024-01-06', reference_date: '2024-03-01', plan: ' Premium', ... }]);
 * // → [{ tenure_days: 55, plan_code: 1, ... }]
 */
export function computeFeatures(rows: Record<string, unknown>[]): FeatureResult[] {
  const bugs = parseOfflineBugs(process.env.EXAMPLE_OFFLINE_BUGS);
  const artifacts = loadArtifacts();
  const inputs = rows.map((row) => catchRowError(() => readInputs(row)));
  const scaler = bugs.has('batch') ? fitOnBatch(inputs, artifacts) : artifacts.sessions_last_30d;
  return inputs.map((input) => {
    const features = input instanceof RowValueError ? input : catchRowError(() => deriveFeatures(input, artifacts, scaler, bugs));
    return features instanceof RowValueError ? { $error: features.message } : features;
  });
}

/** Runs `step`, turning a {@link RowValueError} into a value; anything else is a bug of the pipeline and throws. */
function catchRowError<T>(step: () => T): T | RowValueError {
  try {
    return step();
  } catch (error) {
    if (error instanceof RowValueError) return error;
    throw error;
  }
}

function readInputs(row: Record<string, unknown>): Inputs {
  return {
    signupDay: readDay(row, 'signup_date'),
    referenceDay: readDay(row, 'reference_date'),
    lastLoginMs: readInstantMs(row, 'last_login_at'),
    plan: readText(row, 'plan'),
    country: readText(row, 'country'),
    monthlySpend: readNumber(row, 'monthly_spend'),
    sessions: readNumber(row, 'sessions_last_30d'),
    supportTickets: readNumber(row, 'support_tickets'),
    avgSessionMinutes: readNumber(row, 'avg_session_minutes'),
    churned: readLabel(row, 'churned'),
  };
}

function deriveFeatures(
  input: Inputs,
  artifacts: Artifacts,
  scaler: { mean: number; std: number },
  bugs: ReadonlySet<OfflineBug>,
): FeatureResult {
  const plan = input.plan === null ? '' : trimAscii(input.plan).toLowerCase();
  const country = input.country === null ? '' : trimAscii(input.country).toUpperCase();
  const spend = input.monthlySpend ?? artifacts.monthly_spend.median;
  const sessions = input.sessions ?? artifacts.sessions_last_30d.median;
  const tickets = input.supportTickets ?? 0;
  let avgMinutes = input.avgSessionMinutes;
  // Bug `label`: the session table was joined after the fact, so churned customers' averages already include
  // their long cancellation-flow session: the feature knows the label.
  if (bugs.has('label') && avgMinutes !== null) avgMinutes += 1.5 * input.churned;
  const referenceMs = input.referenceDay * DAY_MS;
  return {
    tenure_days: input.referenceDay - input.signupDay,
    days_since_last_login: input.lastLoginMs === null ? null : Math.floor((referenceMs - input.lastLoginMs) / DAY_MS),
    plan_code: artifacts.plan_vocabulary.indexOf(plan),
    country: country === '' ? 'UNKNOWN' : country,
    // Refunds can make spend negative; they count as no spend here, and log1p must never see less than -1.
    spend_log: finite('spend_log', Math.log1p(Math.max(spend, 0))),
    spend_bucket: input.monthlySpend === null ? -1 : finite('spend_bucket', Math.floor(input.monthlySpend / SPEND_BUCKET_WIDTH)),
    sessions_z: finite('sessions_z', (sessions - scaler.mean) / scaler.std),
    avg_session_minutes: avgMinutes === null ? null : finite('avg_session_minutes', avgMinutes),
    support_tickets_capped: finite('support_tickets_capped', Math.min(Math.max(tickets, 0), SUPPORT_TICKETS_CAP)),
    is_weekend_signup: weekdayOfDays(input.signupDay) >= 5,
  };
}

/** Bug `batch`: the scaler is fitted on the batch at hand (median imputation first, as in training). */
function fitOnBatch(inputs: (Inputs | RowValueError)[], artifacts: Artifacts): { mean: number; std: number } {
  const values = inputs.flatMap((input) =>
    input instanceof RowValueError ? [] : [input.sessions ?? artifacts.sessions_last_30d.median],
  );
  if (values.length === 0) return artifacts.sessions_last_30d;
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  const std = Math.sqrt(values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / values.length);
  // A constant column (a batch of one row) has no spread; scale by 1 like scikit-learn's StandardScaler.
  return { mean, std: std === 0 ? 1 : std };
}

/** Non-finite features cannot travel as JSON; `+ 0` turns −0 into 0 so no pipeline emits a signed zero. */
function finite(feature: string, value: number): number {
  if (!Number.isFinite(value)) throw new RowValueError(feature, `computed a non-finite value (${value})`);
  return value + 0;
}
