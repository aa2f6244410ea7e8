/** A two-sided confidence interval for a proportion. */
export type Interval = readonly [low: number, high: number];

/**
 * Wilson score interval for `successes` out of `trials` at ~95% confidence (z = 1.96). Unlike the normal
 * approximation it stays inside [0, 1] and is honest at rates near 0 — where skew rates live.
 * Returns [0, 1] when there are no trials.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959964): Interval {
  if (trials <= 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 or n successes the bounds are exactly 0 or 1; floating point would leave 1e-19 crumbs.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === trials ? 1 : Math.min(1, centre + half)];
}
