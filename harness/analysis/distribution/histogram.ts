import type { Histogram } from '../../core/field-analysis';
import { binIndex } from './numeric-bins';

/**
 * An equal-width histogram of the finite values, from their minimum to their maximum: `counts[i]` values fell in
 * [`edges[i]`, `edges[i+1]`), the last bin closed so the maximum is counted. NaN and ±Infinity are left out (a
 * chart cannot place them). All values equal: one bin `[v, v]`. No finite values: no edges and no bins.
 *
 * @param values Numbers to count (for skew charts: online − offline differences).
 * @param bins Number of bins (default 20); an integer ≥ 1.
 * @example
 * histogram([0, 1, 2, 3], 2); // { edges: [0, 1.5, 3], counts: [2, 2] }
 */
export function histogram(values: readonly number[], bins = 20): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`histogram: bins must be an integer ≥ 1 (got ${bins})`);
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    finite += 1;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (finite === 0) return { edges: [], counts: [] };
  if (min === max) return { edges: [min, max], counts: [finite] };

  // Interpolating (rather than min + i · width) stays finite even when max − min overflows (−1e308 … 1e308);
  // the running max keeps the edges in order despite rounding, which the bin search below relies on.
  const edges: number[] = [min];
  for (let i = 1; i < bins; i++) {
    const t = i / bins;
    edges.push(Math.max(edges[i - 1]!, min * (1 - t) + max * t));
  }
  edges.push(max);
  const counts = new Array<number>(bins).fill(0);
  // Placing by search over the edges (rather than by ⌊(v − min) / width⌋) keeps every value inside the edges
  // it is reported between, whatever the rounding of the edges.
  const inner = edges.slice(1, bins);
  for (const v of values) {
    if (Number.isFinite(v)) counts[binIndex(inner, v)]! += 1;
  }
  return { edges, counts };
}
