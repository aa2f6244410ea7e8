import { checkSameLength, toShares } from './shares';

/**
 * Jensen–Shannon divergence of two distributions over the same bins, base 2, so it lies in [0, 1]:
 * `JS = ½ KL(P ‖ M) + ½ KL(Q ‖ M)` with `M = ½ (P + Q)` and `0 · log 0 = 0`. 0 for identical distributions,
 * 1 for disjoint ones, symmetric. Unlike PSI it needs no epsilon: `M` is positive wherever `P` or `Q` is.
 * This is the divergence, not the Jensen–Shannon distance (its square root).
 *
 * @param p Counts (or shares) per bin; normalised here.
 * @param q Counts (or shares) per bin, same bins.
 * @example
 * jensenShannon([1, 0], [0, 1]); // 1
 * jensenShannon([1, 0], [1, 1]); // ≈ 0.311
 */
export function jensenShannon(p: readonly number[], q: readonly number[]): number {
  checkSameLength('jensenShannon', p, q);
  const ps = toShares(p);
  const qs = toShares(q);
  let sum = 0;
  for (let i = 0; i < ps.length; i++) {
    const pi = ps[i]!;
    const qi = qs[i]!;
    const mi = (pi + qi) / 2;
    if (pi > 0) sum += pi * Math.log2(pi / mi);
    if (qi > 0) sum += qi * Math.log2(qi / mi);
  }
  // Rounding can leave the sum a hair outside [0, 2] for (nearly) identical or disjoint inputs.
  return Math.min(1, Math.max(0, sum / 2));
}
