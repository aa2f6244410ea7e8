import { DAY_MS, daysFromCivil, formatDay, formatInstantSeconds } from '../pipeline/civil-time';
import { createSeededRandom, type SeededRandom } from './seeded-random';
import type { TrainingRow } from './training-columns';

/** Snapshot dates are spread uniformly over 2023-01-01 … 2025-12-31, so rows have very different ages. */
const FIRST_REFERENCE_DAY = daysFromCivil(2023, 1, 1);
const LAST_REFERENCE_DAY = daysFromCivil(2025, 12, 31);

const PLANS = [['basic', 45], ['standard', 38], ['premium', 17]] as const;
/** List price range per plan, in cents (add-ons and discounts move spend around it). */
const PLAN_PRICE_CENTS = { basic: [900, 2_400], standard: [2_500, 5_500], premium: [6_000, 14_000] } as const;
const COUNTRIES = [
  ['US', 30], ['GB', 12], ['DE', 11], ['FR', 9], ['CA', 8], ['AU', 6], ['NL', 6], ['ES', 6], ['IN', 6], ['BR', 6],
] as const;

/**
 * Simulates `count` customer snapshots of a subscription product. Everything is drawn from one seeded stream in
 * a fixed order, so the same seed always gives the same rows. A latent `engagement` in [0, 1] drives sessions,
 * logins, session length and tickets, and churn follows the observable features plausibly (low engagement,
 * long absence, many tickets, short tenure and cheap plans churn more).
 */
export function simulateCustomers(count: number, seed: number): TrainingRow[] {
  const random = createSeededRandom(seed);
  const rows: TrainingRow[] = [];
  for (let index = 1; index <= count; index++) rows.push(simulateCustomer(random, index));
  return rows;
}

function simulateCustomer(random: SeededRandom, index: number): TrainingRow {
  const referenceDay = random.int(FIRST_REFERENCE_DAY, LAST_REFERENCE_DAY);
  const tenureDays = random.weighted([[random.int(1, 180), 30], [random.int(181, 1_100), 50], [random.int(1_101, 2_600), 20]]);
  const plan = random.weighted(PLANS);
  const engagement = (random.next() + random.next() + random.next()) / 3 + (plan === 'premium' ? 0.08 : 0);

  // Engaged customers come back often: days since last login is exponential with a mean that grows as
  // engagement falls, capped by tenure so nobody logs in before signing up.
  const meanAbsence = 1 + 45 * Math.max(0, 1 - engagement) ** 2;
  const absenceDays = Math.min(Math.floor(-Math.log(1 - random.next()) * meanAbsence), tenureDays - 1);
  const loginSeconds = (referenceDay * DAY_MS) / 1000 - absenceDays * 86_400 - random.int(1, 86_399);

  const sessions = Math.max(0, Math.round(engagement * 38 + (random.next() - 0.5) * 16 - absenceDays / 4));
  const tickets = Math.floor(random.next() ** 2 * (engagement < 0.4 ? 9 : 5) + (random.chance(0.02) ? random.int(6, 14) : 0));
  const avgMinutes = Math.round((3 + engagement * 40 + random.next() * 25) * 10) / 10;
  const [low, high] = PLAN_PRICE_CENTS[plan];
  const spendCents = random.chance(0.02) ? 0 : random.int(low, high) + (random.chance(0.3) ? random.int(1, 20) * 100 : 0);

  const logit =
    -1.3 + 2.6 * (0.5 - engagement) + 0.045 * Math.min(absenceDays, 60) + 0.35 * Math.min(tickets, 6) +
    (tenureDays < 90 ? 0.7 : 0) - (plan === 'premium' ? 0.6 : 0) - 0.6 * Math.min(sessions, 30) / 30 - 0.9;
  const churned = random.chance(1 / (1 + Math.exp(-logit))) ? 1 : 0;

  return {
    customer_id: `C${String(index).padStart(6, '0')}`,
    signup_date: formatDay(referenceDay - tenureDays),
    reference_date: formatDay(referenceDay),
    last_login_at: formatInstantSeconds(loginSeconds),
    plan: handTyped(random, plan),
    country: random.chance(0.03) ? null : messyCountry(random, random.weighted(COUNTRIES)),
    monthly_spend: random.chance(0.05) ? null : spendCents / 100,
    sessions_last_30d: random.chance(0.08) ? null : sessions,
    support_tickets: tickets,
    avg_session_minutes: avgMinutes,
    churned,
  };
}

/** Plans come from a CRM where sales staff type them: a quarter carry stray case or padding. */
function handTyped(random: SeededRandom, plan: string): string {
  if (!random.chance(0.25)) return plan;
  const capitalised = plan.charAt(0).toUpperCase() + plan.slice(1);
  const upper = plan.toUpperCase();
  return random.weighted([[capitalised, 3], [upper, 2], [` ${capitalised}`, 2], [`${upper} `, 2], [` ${plan}`, 1]]);
}

/** Country codes from a signup form: mostly clean, sometimes lower-case or padded. */
function messyCountry(random: SeededRandom, code: string): string {
  return random.weighted([[code, 86], [code.toLowerCase(), 8], [` ${code}`, 3], [`${code} `, 3]]);
}
