/**
 * The distribution view: pure distances between two samples of a feature (PSI, Jensen–Shannon, L∞), the bins
 * and histograms behind them, and the per-field distribution, difference histogram and scatter data of a skew
 * report. Imports nothing outside `core/` and `analysis/`.
 */
export type { BinnedValues, NumericComparison } from './compare-numeric';
export type { CategoricalComparison, CategoryCount, CategorySide } from './compare-categorical';
export type { ScalarKind } from './scalar-kind';
export type { ScatterPoint } from './scatter-for';
export { numericBins, binIndex } from './numeric-bins';
export { psi, PSI_EPSILON } from './psi';
export { jensenShannon } from './jensen-shannon';
export { lInfinity } from './l-infinity';
export { histogram } from './histogram';
export { scalarKindOf, categoryKey, isMissing, NULL_CATEGORY } from './scalar-kind';
export { compareNumeric } from './compare-numeric';
export { compareCategorical, MAX_LISTED_UNSEEN } from './compare-categorical';
export { distributionFor, DISTRIBUTION_BINS } from './distribution-for';
export { diffHistogramFor, DIFF_HISTOGRAM_BINS } from './diff-histogram-for';
export { scatterFor } from './scatter-for';
