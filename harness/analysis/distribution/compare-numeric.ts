import { jensenShannon } from './jensen-shannon';
import { binIndex, numericBins } from './numeric-bins';
import { psi } from './psi';

/** One side's values placed in the bins of a {@link NumericComparison}. */
export interface BinnedValues {
  /** Values given, missing ones included. */
  total: number;
  /** Values that are null, undefined, NaN or not a number at all: the separate "null" bin. */
  missing: number;
  /** Count per bin (`edges.length + 1` bins), missing values excluded. */
  counts: number[];
}

/** How the distribution of a numeric feature moved between a reference and a current sample. */
export interface NumericComparison {
  kind: 'numeric';
  /** Cut points: the reference's quantiles (see {@link numericBins}). */
  edges: number[];
  /** The reference side (training / offline). */
  reference: BinnedValues;
  /** The side under test (serving / online). */
  current: BinnedValues;
  /** PSI over the bins plus the null bin. */
  psi: number;
  /** Jensen–Shannon divergence (base 2) over the same bins. */
  jensenShannon: number;
}

/**
 * Compares two samples of a numeric feature: bins are the reference's quantiles, and a null bin is added to
 * both sides so that a change in how often the feature is missing (nulls imputed differently, a field the
 * serving side drops) counts as drift like any other shift in mass.
 *
 * @param reference Reference values (numbers; anything else counts as missing).
 * @param current Values under test.
 * @param bins Quantile bins of the reference (default 10).
 */
export function compareNumeric(reference: readonly unknown[], current: readonly unknown[], bins = 10): NumericComparison {
  const edges = numericBins(reference.filter(isNumber), bins);
  const ref = binValues(reference, edges);
  const cur = binValues(current, edges);
  const refVector = [...ref.counts, ref.missing];
  const curVector = [...cur.counts, cur.missing];
  return { kind: 'numeric', edges, reference: ref, current: cur, psi: psi(refVector, curVector), jensenShannon: jensenShannon(refVector, curVector) };
}

function binValues(values: readonly unknown[], edges: readonly number[]): BinnedValues {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let missing = 0;
  for (const value of values) {
    if (isNumber(value) && !Number.isNaN(value)) counts[binIndex(edges, value)]! += 1;
    else missing += 1;
  }
  return { total: values.length, missing, counts };
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}
