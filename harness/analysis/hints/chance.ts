/**
 * How likely a split of mismatches is by luck: the hypergeometric tail behind Fisher's exact test. Lets the
 * "only where X" hints tell a real concentration (every null row mismatches) from a handful of rows that
 * happen to line up in a small sample.
 */

// Lanczos approximation (g = 7, n = 9): |error| < 1e-13 for x > 0, plenty for a significance gate.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln C(n, k). */
function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * P(X ≥ hits) for X ~ Hypergeometric(population, successes, draws): the chance that `draws` rows picked at
 * random from `population` hold at least `hits` of its `successes` (mismatching) rows.
 */
export function hypergeometricTail(population: number, successes: number, draws: number, hits: number): number {
  const low = Math.max(hits, 0, draws - (population - successes));
  const high = Math.min(successes, draws);
  if (low > high) return 0;
  const denominator = logChoose(population, draws);
  let p = 0;
  for (let k = low; k <= high; k++) p += Math.exp(logChoose(successes, k) + logChoose(population - successes, draws - k) - denominator);
  return Math.min(1, p);
}
