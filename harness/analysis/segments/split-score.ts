import { MIN_RELATIVE_GAIN, SIGNIFICANCE_Z } from './segment-thresholds';

/** Rows and mismatching rows of each segment of one split. */
export interface SegmentCounts {
  rows: number[];
  mismatched: number[];
}

/** Binary entropy, in bits, of a share `p`. */
export function entropy(p: number): number {
  if (p <= 0 || p >= 1) return 0;
  return -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
}

/**
 * Information gain about "the field mismatched" from knowing a row's segment, in bits: the entropy of the
 * mismatch share overall minus its row-weighted entropy within segments. 0 when the segments all have the same rate.
 */
export function informationGain(counts: SegmentCounts): number {
  const total = sum(counts.rows);
  if (total === 0) return 0;
  let within = 0;
  counts.rows.forEach((n, i) => {
    if (n > 0) within += (n / total) * entropy(counts.mismatched[i]! / n);
  });
  return Math.max(0, entropy(sum(counts.mismatched) / total) - within);
}

/**
 * Whether a split separates mismatching rows well enough to show: it removes at least {@link MIN_RELATIVE_GAIN} of
 * the uncertainty, and its G statistic (2·N·ln 2 · gain, χ²-distributed with segments − 1 degrees of freedom when
 * the column says nothing) is above the χ² quantile at {@link SIGNIFICANCE_Z} — so more segments need more evidence.
 */
export function separates(counts: SegmentCounts, gain: number): boolean {
  const total = sum(counts.rows);
  const base = entropy(sum(counts.mismatched) / Math.max(total, 1));
  if (base === 0 || gain < MIN_RELATIVE_GAIN * base) return false;
  const df = counts.rows.filter((n) => n > 0).length - 1;
  if (df < 1) return false;
  return 2 * total * Math.LN2 * gain > chiSquareQuantile(df, SIGNIFICANCE_Z);
}

/** The χ² quantile with `df` degrees of freedom at the normal quantile `z` (Wilson–Hilferty; close for df ≥ 1). */
export function chiSquareQuantile(df: number, z: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
