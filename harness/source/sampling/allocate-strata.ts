/**
 * Splits `size` sample slots across strata proportionally to their row counts, by largest remainder
 * (Hamilton's method), with two guarantees: no stratum gets more slots than it has rows, and when `size` is at
 * least the number of strata, every stratum gets at least one (a rare class is never sampled away).
 * If `size` covers every row, every row is taken. Ties go to the stratum listed first. Pure.
 *
 * @example allocateStrata([90, 9, 1], 10) // → [8, 1, 1]
 */
export function allocateStrata(counts: readonly number[], size: number): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (size >= total) return counts.slice();
  const quotas = counts.map((count) => (size * count) / total);
  const slots = quotas.map(Math.floor);
  if (size >= counts.length) {
    for (let s = 0; s < slots.length; s++) if (counts[s]! > 0 && slots[s] === 0) slots[s] = 1;
  }
  let assigned = slots.reduce((sum, n) => sum + n, 0);

  // Short: give one more slot to the stratum furthest below its quota, until the sample is full.
  while (assigned < size) {
    let best = -1;
    for (let s = 0; s < slots.length; s++) {
      if (slots[s]! >= counts[s]!) continue;
      if (best < 0 || quotas[s]! - slots[s]! > quotas[best]! - slots[best]!) best = s;
    }
    slots[best]! += 1;
    assigned += 1;
  }
  // Over (only after the at-least-one rule): take a slot from the stratum furthest above its quota.
  while (assigned > size) {
    let worst = -1;
    for (let s = 0; s < slots.length; s++) {
      if (slots[s]! <= 1) continue;
      if (worst < 0 || slots[s]! - quotas[s]! > slots[worst]! - quotas[worst]!) worst = s;
    }
    slots[worst]! -= 1;
    assigned -= 1;
  }
  return slots;
}
