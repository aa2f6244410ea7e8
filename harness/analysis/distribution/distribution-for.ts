import type { AnalysisInput } from '../analysis-input';
import type { DistributionStats } from '../../core/field-analysis';
import { compareCategorical } from './compare-categorical';
import { compareNumeric } from './compare-numeric';
import { fieldValues, rowsWithField } from './field-values';
import { scalarKindOf } from './scalar-kind';

/** Quantile bins of the offline values that numeric distributions are compared over. */
export const DISTRIBUTION_BINS = 10;

/**
 * Offline vs online distribution of one field over the compared rows (those where the field is present on
 * either side): for numeric fields PSI and Jensen–Shannon over {@link DISTRIBUTION_BINS} quantile bins of the
 * offline values, for string, boolean and mixed scalar fields the L∞ distance of the category frequencies.
 * Both treat a missing value (null, absent, NaN) as a bin / category of its own, so nulls imputed differently
 * show up as drift. Null when the field holds objects or arrays.
 *
 * @example
 * distributionFor('tenure_days', input); // { count: 1000, psi: 2.31, jensenShannon: 0.61, lInfinity: null }
 */
export function distributionFor(field: string, input: AnalysisInput): DistributionStats | null {
  const rows = rowsWithField(field, input);
  const { offline, online } = fieldValues(field, rows);
  switch (scalarKindOf(offline, online)) {
    case 'numeric': {
      const numeric = compareNumeric(offline, online, DISTRIBUTION_BINS);
      return { count: rows.length, psi: numeric.psi, jensenShannon: numeric.jensenShannon, lInfinity: null };
    }
    case 'categorical':
      return { count: rows.length, psi: null, jensenShannon: null, lInfinity: compareCategorical(offline, online).lInfinity };
    case null:
      return null;
  }
}
