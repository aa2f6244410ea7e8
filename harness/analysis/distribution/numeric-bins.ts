/**
 * Bin edges for comparing a numeric feature's distribution with a reference: the reference's quantiles at
 * 1/bins, 2/bins, … (bins − 1)/bins, deduplicated. The edges are cut points, not bounds: with edges
 * `[e0 … ek]` the bins are `(−∞, e0)`, `[e0, e1)`, … `[ek, +∞)` — `edges.length + 1` bins whose outer ones are
 * open-ended, so every number (values outside the reference's range, ±Infinity) falls in exactly one bin.
 *
 * Each edge is a value that occurs in the reference (the element at rank ⌊i·n/bins⌋ of the sorted values), so a
 * discrete feature gets one bin per frequent value instead of edges interpolated between values, and the
 * deduplication leaves fewer bins when many quantiles coincide (a 0/1 flag gets `[0, 1]`). NaN is ignored and
 * so are ±Infinity (they still land in the outer bins). An empty reference gives no edges: one bin for all.
 *
 * @param reference Values of the reference distribution (training / offline side), in any order.
 * @param bins Quantile bins wanted (default 10, deciles); an integer ≥ 1.
 * @returns Strictly increasing cut points, at most `bins − 1` of them.
 * @example
 * numericBins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5); // [3, 5, 7, 9]: bins (−∞,3) [3,5) [5,7) [7,9) [9,∞)
 */
export function numericBins(reference: readonly number[], bins = 10): number[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`numericBins: bins must be an integer ≥ 1 (got ${bins})`);
  const sorted = reference.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const edges: number[] = [];
  if (n === 0) return edges;
  for (let i = 1; i < bins; i++) {
    const edge = sorted[Math.floor((i * n) / bins)]!;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return edges;
}

/**
 * The bin of `value` for cut points from {@link numericBins}: the number of edges ≤ `value`, in
 * `[0, edges.length]`. NaN has no bin (the callers count it with the nulls); this returns `edges.length` for it.
 */
export function binIndex(edges: readonly number[], value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (edges[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return Number.isNaN(value) ? edges.length : low;
}
