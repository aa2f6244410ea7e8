import type { OnlineBug } from './online-bugs';

/**
 * The serving team's implementation of the churn features. Written from the feature spec, not imported from
 * `pipeline/` (as in most real teams), so the two can drift — that drift is what skew-harness exists to find.
 * Only the fitted statistics are shared: `pipeline/artifacts.json`.
 */

/** The part of `pipeline/artifacts.json` serving needs. */
export interface ServingStats {
  /** Median of training `monthly_spend`. */
  monthly_spend: { median: number };
  /** Median (imputation), then mean and std (scaling) of training `sessions_last_30d`. */
  sessions_last_30d: { mean: number; median: number; std: number };
  /** Plans seen in training, trimmed and lower-cased; a plan's code is its index. */
  plan_vocabulary: string[];
}

/** A row the endpoint cannot compute features for (the message names the field). */
export class InvalidRowError extends Error {
  override name = 'InvalidRowError';
}

/** What the feature function needs besides the statistics; `now` and `random` are injectable for tests. */
export interface OnlineFeatureOptions {
  /** Switched-on bugs. */
  bugs: ReadonlySet<OnlineBug>;
  /** Clock used by the `clock` bug. Default `Date.now`. */
  now?: () => number;
  /** Noise source of the `jitter` bug. Default `Math.random`. */
  random?: () => number;
}

/** Online features of one row. */
export type OnlineFeatures = Record<string, string | number | boolean | null>;

const MS_PER_DAY = 24 * 60 * 60 * 1000;
// The feature spec says "trim ASCII whitespace": String#trim would also strip NBSP and U+FEFF.
const SPACES = /^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g;
// Dates arrive as the harness reads them: `2024-03-01`, or a date-time with `T`/`t`/space, optional seconds and
// fraction, and an optional zone (`Z`, `±hh`, `±hhmm`, `±hh:mm`; none means UTC).
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:[.,](\d+))?)?(?:[Zz]|([+-](?:[01]\d|2[0-3]))(?::?([0-5]\d))?)?)?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Builds the feature function of the endpoint: row of input columns (never the label) → features, or throws
 * {@link InvalidRowError}.
 */
export function createOnlineFeatures(stats: ServingStats, options: OnlineFeatureOptions): (row: Record<string, unknown>) => OnlineFeatures {
  const { bugs, now = Date.now, random = Math.random } = options;
  const planCodes = new Map(stats.plan_vocabulary.map((plan, code) => [plan, code]));
  const { mean, median, std } = stats.sessions_last_30d;

  return (row) => {
    const signup = utcMidnight(row.signup_date, 'signup_date');
    const snapshot = utcMidnight(row.reference_date, 'reference_date');
    const lastLogin = row.last_login_at == null ? null : instant(row.last_login_at, 'last_login_at');
    const planName = text(row.plan, 'plan').replace(SPACES, '').toLowerCase();
    const countryCode = text(row.country, 'country').replace(SPACES, '').toUpperCase();
    const spend = numeric(row.monthly_spend, 'monthly_spend');
    const sessions = numeric(row.sessions_last_30d, 'sessions_last_30d');
    const tickets = numeric(row.support_tickets, 'support_tickets') ?? 0;
    const minutes = numeric(row.avg_session_minutes, 'avg_session_minutes');

    const tenureFrom = bugs.has('clock') ? now() : snapshot;
    let planCode = planCodes.get(planName) ?? -1;
    if (bugs.has('vocab') && planCode === -1) planCode = 0;
    const bucket = spend === null ? -1 : (bugs.has('rounding') ? Math.trunc : Math.floor)(spend / 25);
    const imputedSessions = sessions ?? (bugs.has('nulls') ? 0 : median);
    const noise = bugs.has('jitter') ? (random() * 2 - 1) * 1e-3 : 0;

    return {
      tenure_days: Math.floor((tenureFrom - signup) / MS_PER_DAY),
      days_since_last_login: lastLogin === null ? null : Math.floor((snapshot - lastLogin) / MS_PER_DAY),
      plan_code: planCode,
      country: countryCode || 'UNKNOWN',
      spend_log: Math.log1p(Math.max(spend ?? stats.monthly_spend.median, 0)),
      spend_bucket: bucket,
      sessions_z: (imputedSessions - mean) / std,
      avg_session_minutes: minutes === null ? null : minutes + noise,
      support_tickets_capped: Math.min(Math.max(tickets, 0), 10),
      is_weekend_signup: [0, 6].includes(new Date(signup).getUTCDay()),
    };
  };
}

function text(value: unknown, field: string): string {
  if (value == null) return '';
  if (typeof value !== 'string') throw new InvalidRowError(`${field}: must be a string`);
  return value;
}

function numeric(value: unknown, field: string): number | null {
  if (value == null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const trimmed = value.replace(SPACES, '');
    if (trimmed === '') return null;
    const parsed = DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
    if (Number.isFinite(parsed)) return parsed;
  }
  throw new InvalidRowError(`${field}: must be a number`);
}

/** A date as epoch milliseconds of its UTC midnight; a date-time counts as its UTC calendar day. */
function utcMidnight(value: unknown, field: string): number {
  const ms = instant(value, field);
  return ms - (((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
}

/**
 * Epoch milliseconds of a date or date-time. Rewritten to the one form `Date.parse` reads the same everywhere
 * (`YYYY-MM-DDTHH:MM:SS.sss±HH:MM`), since it rejects `+0100`, `,5` or a space, and reads a zone-less time as local.
 */
function instant(value: unknown, field: string): number {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) throw new InvalidRowError(`${field}: must be an ISO date or date-time`);
  const [, date, hh = '00', mm = '00', ss = '00', fraction = '', zoneHours, zoneMinutes = '00'] = match;
  const ms = fraction.slice(0, 3).padEnd(3, '0');
  const ts = Date.parse(`${date}T${hh}:${mm}:${ss}.${ms}${zoneHours === undefined ? 'Z' : `${zoneHours}:${zoneMinutes}`}`);
  // Date.parse rolls 2024-02-30 over into March; a real calendar date round-trips.
  const day = Date.parse(date!);
  if (Number.isNaN(ts) || Number.isNaN(day) || date! < '0001' || new Date(day).toISOString().slice(0, 10) !== date) {
    throw new InvalidRowError(`${field}: not a calendar date: ${String(value)}`);
  }
  return ts;
}
