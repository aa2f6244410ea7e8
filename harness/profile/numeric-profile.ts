import type { NumericProfile } from '../core/data-profile';

/** The quantiles every numeric profile carries, by key. */
export const QUANTILES = Object.freeze({ p1: 0.01, p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const);

/** Quantile keys in ascending order. */
export type QuantileKey = keyof typeof QUANTILES;

/**
 * The `q` quantile of ascending `sorted` values by linear interpolation between the closest ranks (the default of
 * numpy, pandas and R type 7), so bucket edges match those a Python pipeline computes from the same rows.
 * `NaN` for an empty list.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  if (lo + 1 >= n) return below;
  const above = sorted[lo + 1] as number;
  // `below + (above - below) * frac` would turn two equal values into a rounding error; equal stays equal.
  return below === above ? below : below + (above - below) * (h - lo);
}

/**
 * Statistics of a numeric column's non-null values (non-finite values are ignored: CSV cannot hold them and JSON
 * cannot either). `null` when no finite value is left.
 */
export function profileNumbers(values: readonly number[]): NumericProfile | null {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n === 0) return null;
  const sorted = Float64Array.from(finite).sort();
  let sum = 0;
  let negatives = 0;
  let zeros = 0;
  let integral = true;
  let decimals = 0;
  for (const v of finite) {
    sum += v;
    if (v < 0) negatives += 1;
    if (v === 0) zeros += 1;
    if (integral && !Number.isInteger(v)) integral = false;
    decimals = Math.max(decimals, decimalPlaces(v));
  }
  const quantiles = {} as NumericProfile['quantiles'];
  for (const key of Object.keys(QUANTILES) as QuantileKey[]) quantiles[key] = quantile(sorted, QUANTILES[key]);
  return {
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    mean: sum / n,
    quantiles,
    integral,
    negativeRate: negatives / n,
    zeroRate: zeros / n,
    decimals,
  };
}

/**
 * Decimal places of the shortest representation of `x` (`19.96` → 2, `1e-7` → 7, `1.5e21` → 0). The CSV reader
 * hands over numbers, not text, so `19.90` counts as 1: the shortest text is what any writer would print.
 */
export function decimalPlaces(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const text = String(Math.abs(x));
  const [mantissa = '', exponent] = text.split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}
