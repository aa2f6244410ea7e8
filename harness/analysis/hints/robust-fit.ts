import { median } from './statistics';

/** A fitted line `y = slope · x + intercept`. */
export interface Line {
  slope: number;
  intercept: number;
}

/** Points used for the slope estimate at most: Theil–Sen is quadratic, and 300 points give 45 k slopes. */
const MAX_POINTS = 300;

/**
 * Theil–Sen line: the median of pairwise slopes, then the median intercept. Robust to almost 30 % outliers,
 * which a least-squares fit is not (one broken row would tilt it). Large inputs are thinned evenly, so the
 * fit is deterministic. `undefined` when fewer than two distinct x values.
 */
export function fitTheilSen(xs: readonly number[], ys: readonly number[]): Line | undefined {
  const n = Math.min(xs.length, ys.length);
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < n; i += step) {
    px.push(xs[i]!);
    py.push(ys[i]!);
  }
  const slopes: number[] = [];
  for (let i = 0; i < px.length; i++) {
    for (let j = i + 1; j < px.length; j++) {
      const dx = px[j]! - px[i]!;
      if (dx !== 0) slopes.push((py[j]! - py[i]!) / dx);
    }
  }
  if (slopes.length === 0) return undefined;
  const slope = median(slopes);
  const intercept = median(Array.from({ length: n }, (_, i) => ys[i]! - slope * xs[i]!));
  return { slope, intercept };
}
