import type { NumericPair } from './field-view';
import { describeCoverage, formatNumber, formatRows } from './format-values';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';

type Side = 'offline' | 'online';

/**
 * `float32_widening`: both sides are the same float32 (equal after `Math.fround`) on (nearly) every mismatching row,
 * and one side carries no more than float32 precision — a feature store column, a tensor, a Java `float` or a
 * TF Serving output widened back to a double, either exactly (`Math.fround(x)`) or as a short decimal of the
 * float32 (`0.1` for float32(0.1), as float32 serialisers print it). Names the fix: compare the field with
 * `float32: true`, or keep float64 on both sides.
 *
 * The second condition keeps float noise out: two doubles 1e-12 apart are nearly always the same float32 too, but
 * neither of them is a float32.
 */
export const detectFloat32Widening: HintDetector = (view) => {
  const total = view.mismatching.length;
  const explained: Array<NumericPair & { narrow: Side }> = [];
  for (const pair of view.pairs) {
    if (Math.fround(pair.offline) !== Math.fround(pair.online)) continue;
    const narrow: Side | undefined = isFloat32Shaped(pair.online) ? 'online' : isFloat32Shaped(pair.offline) ? 'offline' : undefined;
    if (narrow !== undefined) explained.push({ ...pair, narrow });
  }
  if (explained.length < MIN_ROWS || explained.length / total < MIN_EXPLAINED_SHARE) return undefined;
  const onlineNarrow = explained.filter((p) => p.narrow === 'online').length;
  const side: Side = onlineNarrow * 2 >= explained.length ? 'online' : 'offline';
  const other: Side = side === 'online' ? 'offline' : 'online';
  const worst = explained.reduce((m, p) => Math.max(m, Math.abs(p.online - p.offline) / Math.max(Math.abs(p.offline), Math.abs(p.online))), 0);
  return {
    kind: 'float32_widening',
    message:
      `${side} is ${other} rounded to float32 on ${describeCoverage(explained.length, total)}: float32 widening ` +
      `(compare the field with \`compare: { fields: { ${view.field}: { float32: true } } }\`, or keep float64 on both sides)`,
    evidence: `${formatRows(explained.length, total)} equal after rounding both sides to float32; largest relative difference ${formatNumber(worst)}`,
    strength: roundStrength(explainedShare(explained.length, total)),
  };
};

/**
 * Whether a double holds no more than float32 precision: it is a float32, or a decimal of at most 9 significant
 * digits that reads back as its float32 (what a float32 serialiser prints, shortest or `%.9g`, parsed as a double).
 */
export function isFloat32Shaped(value: number): boolean {
  const single = Math.fround(value);
  if (single === value) return true;
  if (!Number.isFinite(single)) return false;
  // 9 significant digits always read back as the same float32; fewer do for most values.
  for (let digits = 9; digits >= 1; digits--) {
    const decimal = Number(single.toPrecision(digits));
    if (Math.fround(decimal) !== single) return false;
    if (decimal === value) return true;
  }
  return false;
}
