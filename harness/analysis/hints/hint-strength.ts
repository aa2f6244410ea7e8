/** How strong a hint is: the share of mismatching rows it explains, kept honest on small samples. */

/**
 * The share of mismatching rows a cause explains, as a hint's strength: Laplace's rule of succession,
 * `(explained + 1) / (total + 2)` — the chance that the next mismatching row fits too. It is the plain share on
 * many rows (3000 of 3000 → 0.9997) but keeps three rows that happen to line up from reading as certainty
 * (3 of 3 → 0.8), which is what a few coincidental rows in random data do.
 */
export function explainedShare(explained: number, total: number): number {
  return (explained + 1) / (total + 2);
}

/** Strength rounded to 3 decimals and clamped to [0, 1] (stable numbers in reports and snapshots). */
export function roundStrength(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
