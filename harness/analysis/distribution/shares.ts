/**
 * Counts (or any non-negative weights) as shares that sum to 1. A vector whose total is 0 (nothing observed)
 * stays all zeros rather than becoming NaN, so the distances below stay defined for empty inputs.
 */
export function toShares(weights: readonly number[]): number[] {
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and non-negative (got ${w})`);
    total += w;
  }
  return weights.map((w) => (total === 0 ? 0 : w / total));
}

/** Throws unless two distributions have the same bins (a caller's mistake, not a data problem). */
export function checkSameLength(name: string, p: readonly number[], q: readonly number[]): void {
  if (p.length !== q.length) throw new RangeError(`${name}: both distributions need the same bins (got ${p.length} and ${q.length})`);
}
