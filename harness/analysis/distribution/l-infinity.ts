/**
 * L∞ distance between two categorical distributions: the largest difference in share of any one category, over
 * the union of the categories of both (a category missing on one side has share 0 there). In [0, 1]: 0 for
 * identical frequencies, 1 when one side is entirely a category the other never has. It reads directly as
 * "the share of one category moved by this much", which is why it suits categorical features.
 *
 * @param p Counts (or shares) per category; normalised here. A side with no observations has all shares 0.
 * @param q Counts (or shares) per category of the other side.
 * @example
 * lInfinity(new Map([['a', 8], ['b', 2]]), new Map([['a', 5], ['c', 5]])); // 0.5 (category c: 0 → 0.5)
 */
export function lInfinity(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number {
  const pTotal = total(p);
  const qTotal = total(q);
  let max = 0;
  for (const category of new Set([...p.keys(), ...q.keys()])) {
    const ps = pTotal === 0 ? 0 : (p.get(category) ?? 0) / pTotal;
    const qs = qTotal === 0 ? 0 : (q.get(category) ?? 0) / qTotal;
    max = Math.max(max, Math.abs(ps - qs));
  }
  return Math.min(1, max);
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [category, count] of counts) {
    if (!(count >= 0) || !Number.isFinite(count)) throw new RangeError(`lInfinity: count of ${JSON.stringify(category)} must be finite and non-negative (got ${count})`);
    sum += count;
  }
  return sum;
}
