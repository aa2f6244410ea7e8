/** Small order statistics shared by the detectors: robust (medians, not means) on purpose. */

/** Sorted copy of `values`, ascending. */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * Quantile `q` in [0, 1] of ascending `sorted` values, by linear interpolation (the profile's definition);
 * `NaN` for no values.
 */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * Math.min(Math.max(q, 0), 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower]!;
  const b = sorted[upper]!;
  return a + (b - a) * (position - lower);
}

/** Median of `values` (unsorted); `NaN` for none. */
export function median(values: readonly number[]): number {
  return quantileOfSorted(sortedCopy(values), 0.5);
}

/**
 * Number of values that differ from each other by more than `relative` of the largest magnitude: `1e-300`
 * and `5e-324` are distinct doubles but the same point on a line through `1e6`. Relations are only claimed
 * over this many separate points.
 */
export function countSeparate(values: readonly number[], relative = 1e-9): number {
  if (values.length === 0) return 0;
  const sorted = sortedCopy(values);
  const resolution = relative * Math.max(Math.abs(sorted[0]!), Math.abs(sorted.at(-1)!));
  let count = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > resolution) count++;
  return count;
}

/** Number of distinct values (exact equality). */
export function countDistinct(values: readonly unknown[]): number {
  return new Set(values).size;
}

/**
 * The densest value of `values`: the centre of the largest group whose members lie within `tolerance(v)` of
 * its smallest member `v`. Unlike the median it finds the majority value even when a large minority sits
 * elsewhere (two offsets half the rows each, or a few outliers on one side). `undefined` for no values.
 */
export function densestValue(values: readonly number[], tolerance: (value: number) => number): number | undefined {
  const sorted = sortedCopy(values);
  let best: { start: number; end: number } | undefined;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    const limit = sorted[start]! + 2 * tolerance(sorted[start]!);
    end = Math.max(end, start);
    while (end + 1 < sorted.length && sorted[end + 1]! <= limit) end++;
    if (!best || end - start > best.end - best.start) best = { start, end };
  }
  if (!best) return undefined;
  return quantileOfSorted(sorted.slice(best.start, best.end + 1), 0.5);
}
