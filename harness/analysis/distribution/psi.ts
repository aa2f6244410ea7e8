import { checkSameLength, toShares } from './shares';

/**
 * Floor for a bin's share in {@link psi}. A bin empty on one side would make `ln(a / e)` infinite; flooring at
 * 1e-4 (a common choice in credit-risk practice) keeps a bin that holds 1% on one side and nothing on the other
 * at a visible but bounded 0.01 · ln(100) ≈ 0.046, and bins empty on both sides at exactly 0.
 */
export const PSI_EPSILON = 1e-4;

/**
 * Population Stability Index of `actual` against `expected`, over the same bins:
 * `PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ / eᵢ)` with `aᵢ`, `eᵢ` the bin shares, each floored at {@link PSI_EPSILON}.
 * Natural log, as in the rule of thumb the thresholds come from: < 0.1 stable, 0.1–0.2 moderate shift,
 * > 0.2 significant shift. 0 for identical distributions, never negative, symmetric in its arguments.
 *
 * @param expected Counts (or shares) per bin of the reference distribution; normalised here.
 * @param actual Counts (or shares) per bin of the distribution under test, same bins.
 * @example
 * psi([50, 50], [50, 50]); // 0
 * psi([50, 50], [60, 40]); // 0.1·ln(1.2) + 0.1·ln(1.25) ≈ 0.0405
 */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  checkSameLength('psi', expected, actual);
  const e = toShares(expected);
  const a = toShares(actual);
  let sum = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = Math.max(e[i]!, PSI_EPSILON);
    const ai = Math.max(a[i]!, PSI_EPSILON);
    sum += (ai - ei) * Math.log(ai / ei);
  }
  return sum;
}
