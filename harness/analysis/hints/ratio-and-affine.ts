import type { NumericPair } from './field-view';
import { describeCoverage, formatNumber, formatRows, formatSignedTerm } from './format-values';
import type { HintDetector } from './hint-detector';
import { explainedShare, roundStrength } from './hint-strength';
import { FLOAT_TOLERANCE, MIN_EXPLAINED_SHARE, MIN_ROWS, RELATION_TOLERANCE } from './hint-thresholds';
import { fitTheilSen } from './robust-fit';
import { countSeparate, densestValue, median } from './statistics';
import { isClose } from './tolerance';
import { describeUnitChange } from './unit-factors';

/** Slopes this close to 1 are offsets, intercepts this small (relative to the values) are ratios. */
const DEGENERATE = 1e-6;
/** A line has two parameters: four distinct points leave two to check it with. */
const MIN_LINE_POINTS = 4;

// A relation explains a row when it predicts the row's online value to within RELATION_TOLERANCE of the
// row's difference |online − offline| — not of the values: noise of 1e-3 on values of 40 is within 1e-4 of the
// values, so any line through the diagonal would "explain" it; it is nowhere near 1e-4 of the difference.

/**
 * `constant_ratio`: online / offline is the same factor k on (nearly) every mismatching row — a unit change
 * (percent vs fraction, ms vs s…) when k is a common factor. k = −1 is left to the sign-flip hint.
 */
export const detectConstantRatio: HintDetector = (view) => {
  const total = view.mismatching.length;
  const usable = view.pairs.filter((p) => p.offline !== 0);
  if (usable.length < MIN_ROWS) return undefined;
  const ratios = usable.map((p) => p.online / p.offline);
  const floor = FLOAT_TOLERANCE * median(usable.map(magnitude));
  const k = densestValue(ratios, (r) => RELATION_TOLERANCE * Math.abs(r) + floor);
  if (k === undefined || !Number.isFinite(k) || Math.abs(k) < DEGENERATE) return undefined;
  if (Math.abs(k - 1) <= DEGENERATE || Math.abs(k + 1) <= DEGENERATE) return undefined;
  const explained = view.pairs.filter((p) => isClose(p.online, k * p.offline, p.online - p.offline, magnitude(p)));
  if (!fits(explained, total, 2)) return undefined;
  const unit = describeUnitChange(k);
  return {
    kind: 'constant_ratio',
    message:
      `online = offline × ${formatNumber(k)} on ${describeCoverage(explained.length, total)}: ` +
      (unit ? `a unit change (${unit})` : 'a constant scale factor'),
    evidence: `${formatRows(explained.length, total)}, ratio ${formatNumber(k)}`,
    strength: roundStrength(explainedShare(explained.length, total)),
  };
};

/**
 * `affine`: online ≈ a · offline + b with a ≠ 1 and b ≠ 0 (a robust Theil–Sen line), the signature of a
 * scaler or normaliser whose statistics (mean/std, min/max) differ between the sides.
 */
export const detectAffine: HintDetector = (view) => {
  const total = view.mismatching.length;
  if (view.pairs.length < MIN_ROWS) return undefined;
  const line = fitTheilSen(
    view.pairs.map((p) => p.offline),
    view.pairs.map((p) => p.online),
  );
  if (!line) return undefined;
  const { slope: a, intercept: b } = line;
  const typical = median(view.pairs.map(magnitude));
  if (Math.abs(a) < DEGENERATE || Math.abs(a - 1) <= DEGENERATE || Math.abs(b) <= DEGENERATE * typical) return undefined;
  if (Math.abs(a + 1) <= DEGENERATE && Math.abs(b) <= RELATION_TOLERANCE * typical) return undefined; // a sign flip
  const predict = (p: NumericPair) => a * p.offline + b;
  const explained = view.pairs.filter((p) => {
    const floatScale = Math.max(magnitude(p), Math.abs(a * p.offline) + Math.abs(b));
    return isClose(p.online, predict(p), p.online - p.offline, floatScale);
  });
  if (!fits(explained, total, MIN_LINE_POINTS)) return undefined;
  return {
    kind: 'affine',
    message:
      `online ≈ ${formatNumber(a)} × offline ${formatSignedTerm(b)} on ${describeCoverage(explained.length, total)}: ` +
      "stale or refit statistics (a scaler's mean/std differ)",
    evidence:
      `${formatRows(explained.length, total)}, slope ${formatNumber(a)}, intercept ${formatNumber(b)}, ` +
      `R² ${formatNumber(rSquared(explained, predict))}`,
    strength: roundStrength(explainedShare(explained.length, total)),
  };
};

function fits(explained: readonly NumericPair[], total: number, minDistinct: number): boolean {
  return (
    explained.length >= MIN_ROWS &&
    explained.length / total >= MIN_EXPLAINED_SHARE &&
    countSeparate(explained.map((p) => p.offline)) >= minDistinct
  );
}

function magnitude(p: NumericPair): number {
  return Math.max(Math.abs(p.offline), Math.abs(p.online));
}

/** R² of the line over the rows it explains (outliers are already counted against the share explained). */
function rSquared(pairs: readonly NumericPair[], predict: (p: NumericPair) => number): number {
  const mean = pairs.reduce((s, p) => s + p.online, 0) / pairs.length;
  let residual = 0;
  let totalSum = 0;
  for (const p of pairs) {
    residual += (p.online - predict(p)) ** 2;
    totalSum += (p.online - mean) ** 2;
  }
  return totalSum === 0 ? 1 : 1 - residual / totalSum;
}
