import type { ColumnProfile } from '../../core/data-profile';
import type { ColumnContract } from '../../core/input-contract';
import { dateEdgeValues } from './date-edges';
import { uniqueEdgeValues, type EdgeValue } from './edge-value';
import { isInContract } from './in-contract';
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
  /**
   * The column's input contract: only values inside it are kept — null and a missing column only where it allows
   * them, no fraction in an integer column, no empty string where text is never empty, dates only in its layouts —
   * and a numeric-text column also gets numbers written as text. Default: none (every skew-prone value).
   */
  contract?: ColumnContract;
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
  const { contract } = options;
  const all = uniqueEdgeValues([
    { value: null, reason: 'null' },
    { value: MISSING, reason: 'missing column' },
    ...(contract?.format.kind === 'numeric-text' ? numericTextEdgeValues(column, options.typical) : []),
    ...kindEdgeValues(column, options.typical),
  ]);
  return contract === undefined ? all : all.filter((e) => isInContract(contract, e.value));
}

/**
 * Numbers written as text, for a string column whose values are all numbers (`"00123"`, `"19.96"`): zero, the
 * typical value negated, and a longer number than any seen of its style (`"999999"`): the text variants of the
 * column's own kind of value, which the contract keeps where it drops words and invisible characters.
 */
function numericTextEdgeValues(column: ColumnProfile, typical: unknown): EdgeValue[] {
  const core = (typicalCategory(column.strings) ?? asString(typical) ?? '1').trim() || '1';
  const unsigned = core.replace(/^[+-]/, '');
  return [
    { value: '0', reason: 'zero' },
    { value: core.startsWith('-') ? unsigned : `-${unsigned}`, reason: 'negative' },
    { value: '9'.repeat(Math.max(unsigned.length, column.strings?.maxLength ?? 0) + 1), reason: 'unseen number' },
  ];
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
