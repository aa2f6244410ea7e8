import type { ColumnProfile } from '../../core/data-profile';
import { dateEdgeValues } from './date-edges';
import { uniqueEdgeValues, type EdgeValue } from './edge-value';
import { MISSING } from './missing';
import { numericEdgeValues } from './numeric-edges';
import { stringEdgeValues, typicalCategory } from './string-edges';

/** What {@link edgeValues} may take into account besides the profile. */
export interface EdgeValueOptions {
  /**
   * The column's value in the most typical row: the seed of free-text variants (padded, upper-cased…), which the
   * profile does not keep. Default: none (a fixed word is used).
   */
  typical?: unknown;
}

/**
 * The skew-prone values of a column, as data, simplest first (fast-check shrinks toward the front): `null` and
 * a missing column for every generated column, then by kind —
 * numbers: zero, negatives, range and quantile edges, the median's neighbours, halves and the 2^53 family for
 * integral columns, huge and tiny magnitudes (see `numericEdgeValues`);
 * strings and categories: empty, unseen categories, case, padding and Unicode variants, long, every seen value
 * (see `stringEdgeValues`);
 * dates: range ends and beyond, year, month and leap-day edges, DST switches, far past and future, in the
 * column's own format (see `dateEdgeValues`);
 * booleans: `false`, `true`; JSON: empty object, empty array, empty string, zero.
 *
 * Key, label and offline-feature columns get none: generated rows keep their base row's key and label, and an
 * offline feature is an expected output, not an input to vary.
 *
 * @example
 * edgeValues(planProfile).slice(0, 4);
 * // [{ value: null, reason: 'null' }, { value: MISSING, reason: 'missing column' },
 * //  { value: '', reason: 'empty string' }, { value: 'enterprise', reason: 'unseen category' }]
 */
export function edgeValues(column: ColumnProfile, options: EdgeValueOptions = {}): EdgeValue[] {
  if (column.role !== 'input') return [];
  return uniqueEdgeValues([
    { value: null, reason: 'null' },
    { value: MISSING, reason: 'missing column' },
    ...kindEdgeValues(column, options.typical),
  ]);
}

function kindEdgeValues(column: ColumnProfile, typical: unknown): EdgeValue[] {
  switch (column.kind) {
    case 'integer':
    case 'number':
      return numericEdgeValues(column.numeric, column.kind === 'integer' || column.numeric?.integral === true);
    case 'category':
      return stringEdgeValues(column.strings, typicalCategory(column.strings) ?? asString(typical));
    case 'string':
      return stringEdgeValues(column.strings, asString(typical));
    case 'date':
      return dateEdgeValues(column.dates);
    case 'boolean':
      return [
        { value: false, reason: 'false' },
        { value: true, reason: 'true' },
      ];
    case 'json':
      return [
        { value: {}, reason: 'empty object' },
        { value: [], reason: 'empty array' },
        { value: '', reason: 'empty string' },
        { value: 0, reason: 'zero' },
      ];
  }
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
