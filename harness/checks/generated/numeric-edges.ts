import type { NumericProfile } from '../../core/data-profile';
import { QUANTILES, type QuantileKey } from '../../profile/numeric-profile';
import type { EdgeValue } from './edge-value';

const TWO_53 = 2 ** 53;

/**
 * Skew-prone numbers for a numeric column, simplest first: zero, the smallest negative and positive values at
 * the column's precision, the negated median, the range and just outside it, every quantile exactly (bucket
 * edges: `<=` vs `<`), the median's neighbours, and magnitudes that break narrower types. Integral columns also
 * get halves (`//` vs truncation vs rounding on negatives) and the 2^31 / 2^53 families (int32 overflow, the
 * last integers a double or a JSON parser keeps exact). `numeric` is `null` for a column without values.
 */
export function numericEdgeValues(numeric: NumericProfile | null, integral: boolean): EdgeValue[] {
  const decimals = integral ? 0 : (numeric?.decimals ?? 0);
  const unit = 10 ** -decimals;
  const round = (x: number): number => (Math.abs(x) < 1e21 ? Number(x.toFixed(decimals)) : x);
  const edges: EdgeValue[] = [
    { value: 0, reason: 'zero' },
    { value: round(-unit), reason: 'negative' },
    { value: round(unit), reason: 'smallest positive' },
  ];
  if (numeric !== null) edges.push(...rangeEdges(numeric, integral, round, unit));
  if (integral) {
    edges.push(
      { value: 2.5, reason: 'fractional' },
      { value: -2.5, reason: 'negative fractional' },
      { value: 0.5, reason: 'half' },
      { value: 2 ** 31, reason: 'int32 overflow 2^31' },
      { value: 2 ** 24 + 1, reason: 'float32 precision 2^24+1' },
      { value: TWO_53, reason: 'huge integer 2^53' },
      { value: TWO_53 + 2, reason: 'huge integer 2^53+2' },
      { value: -TWO_53, reason: 'huge integer -2^53' },
      { value: Number.MAX_SAFE_INTEGER, reason: 'max safe integer' },
    );
  } else {
    edges.push(
      { value: 2 ** 24 + 1, reason: 'float32 precision 2^24+1' },
      { value: 3.5e38, reason: 'float32 overflow' },
      { value: 1e-300, reason: 'tiny magnitude' },
      { value: 1e308, reason: 'huge magnitude' },
      { value: -1e308, reason: 'huge negative magnitude' },
    );
  }
  return edges;
}

/** Edges placed relative to the values seen. */
function rangeEdges(numeric: NumericProfile, integral: boolean, round: (x: number) => number, unit: number): EdgeValue[] {
  const { min, max, quantiles } = numeric;
  const median = quantiles.p50;
  const edges: EdgeValue[] = [
    { value: round(-median), reason: 'negated median' },
    { value: min, reason: 'min' },
    { value: max, reason: 'max' },
    { value: round(min - unit), reason: 'below min' },
    { value: round(max + unit), reason: 'above max' },
  ];
  for (const key of Object.keys(QUANTILES) as QuantileKey[]) edges.push({ value: quantiles[key], reason: `quantile edge ${key}` });
  if (integral) {
    const middle = Math.round(median);
    edges.push({ value: middle - 1, reason: 'p50 - 1' }, { value: middle + 1, reason: 'p50 + 1' });
  } else {
    edges.push(
      { value: nextDown(median), reason: 'p50 - 1 ulp' },
      { value: nextUp(median), reason: 'p50 + 1 ulp' },
      ...gridNeighbours(median, numeric.decimals).map((value, i) => ({ value, reason: i === 0 ? 'p50 - 1 unit' : 'p50 + 1 unit' })),
    );
  }
  // `-0` would be a value JSON cannot carry (it serialises as 0); keep plain zero only.
  return edges.map((e) => (Object.is(e.value, -0) ? { ...e, value: 0 } : e));
}

/**
 * The closest values written with `decimals` places strictly below and above `x`: `x ± 0.01` when `x` is on
 * the grid (32.37 → 32.36, 32.38), the grid points around it otherwise (an interpolated 26.165 → 26.16, 26.17).
 */
function gridNeighbours(x: number, decimals: number): [number, number] {
  const scale = 10 ** decimals;
  const scaled = x * scale;
  const nearest = Math.round(scaled);
  // `32.37 * 100` is 3237.0000000000005: on the grid, up to the rounding of the multiplication.
  const onGrid = Math.abs(scaled - nearest) <= 1e-9 * Math.max(1, Math.abs(scaled));
  const below = onGrid ? nearest - 1 : Math.floor(scaled);
  const above = onGrid ? nearest + 1 : Math.ceil(scaled);
  return [below / scale, above / scale];
}

const float = new Float64Array(1);
const bits = new BigInt64Array(float.buffer);

/** The next double above `x` (`Number.MIN_VALUE` above zero). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  float[0] = x;
  bits[0] = (bits[0] as bigint) + (x > 0 ? 1n : -1n);
  return float[0] as number;
}

/** The next double below `x`. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}
