/**
 * The churn model the example's features feed: a fixed logistic regression, p(churn) = σ(bias + Σ weight × feature).
 * Served at `POST /score` so skew-harness can measure how much each skewed feature moves the prediction
 * (`impact` in `skew.config.ts`). Weights are illustrative, not fitted: longer tenure and more sessions lower churn,
 * support tickets raise it, and `spend_bucket`, `country` and `is_weekend_signup` carry no weight at all.
 */

/** Weight per feature; a feature not listed has weight 0. */
export const CHURN_WEIGHTS: Readonly<Record<string, number>> = {
  tenure_days: -0.0015,
  days_since_last_login: 0.02,
  plan_code: -0.2,
  spend_log: -0.15,
  sessions_z: -0.8,
  avg_session_minutes: -0.01,
  support_tickets_capped: 0.35,
};

/** Intercept. */
export const CHURN_BIAS = 1;

/**
 * Churn probability of one feature vector. A null, missing or non-numeric feature counts as 0 (a boolean as 0 or
 * 1), the way the model's training imputed them.
 */
export function scoreChurn(features: Readonly<Record<string, unknown>>): number {
  let z = CHURN_BIAS;
  for (const [name, weight] of Object.entries(CHURN_WEIGHTS)) {
    const value = features[name];
    const x = typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'boolean' ? Number(value) : 0;
    z += weight * x;
  }
  return 1 / (1 + Math.exp(-z));
}
