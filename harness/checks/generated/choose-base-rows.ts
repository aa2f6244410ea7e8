import type { Row, SourceRow } from '../../core/row';
import type { ColumnProfile, DataProfile } from '../../core/data-profile';
import { parseDateText } from '../../profile/date-text';
import { numberInText } from '../../profile/numbers-as-text';
import { isPadded } from '../../profile/string-profile';

/** Default number of base rows. */
export const DEFAULT_BASE_ROWS = 20;

/** Cost of a null input: a row with one is never more typical than a row without. */
const NULL_COST = 10;
/** Cap on a numeric value's distance from the median, in interquartile ranges (an outlier is just "far"). */
const MAX_NUMERIC_COST = 5;

/**
 * The `max` most typical sampled rows, most typical first: the base rows of generated rows, and the row a
 * counterexample shrinks toward. A row's atypicality is summed over its input columns: a null costs most; a
 * number costs its distance from the median in interquartile ranges (capped), plus one if written in the column's
 * less common form (as text where most values are JSON numbers, or the reverse); a category its rarity against
 * the most frequent value, plus one if padded; free text one if padded or empty; a date one if it is not in the
 * column's usual format. Ties keep sample order, so the choice is deterministic. The rows' values are copied.
 */
export function chooseBaseRows(rows: readonly SourceRow[], profile: DataProfile, max = DEFAULT_BASE_ROWS): Row[] {
  const inputs = profile.columns.filter((c) => c.role === 'input');
  return rows
    .map((row, index) => ({ row, index, cost: inputs.reduce((sum, column) => sum + valueCost(column, row.values[column.name]), 0) }))
    .sort((a, b) => a.cost - b.cost || a.index - b.index)
    .slice(0, Math.max(0, max))
    .map(({ row }) => ({ ...row.values }));
}

/** How untypical one value is for its column (0: as typical as it gets). */
function valueCost(column: ColumnProfile, value: unknown): number {
  if (value === null || value === undefined) return NULL_COST;
  switch (column.kind) {
    case 'integer':
    case 'number': {
      const numeric = column.numeric;
      const number = typeof value === 'number' ? value : numberInText(value);
      if (numeric === null || number === undefined) return 1;
      const { p25, p50, p75 } = numeric.quantiles;
      const scale = p75 - p25 || numeric.max - numeric.min || 1;
      const textIsUsual = (numeric.text?.rate ?? 0) > 0.5;
      return Math.min(Math.abs(number - p50) / scale, MAX_NUMERIC_COST) + ((typeof value === 'string') === textIsUsual ? 0 : 1);
    }
    case 'category': {
      const vocabulary = column.strings?.vocabulary ?? [];
      const top = vocabulary[0]?.count ?? 1;
      const count = vocabulary.find((v) => v.value === value)?.count ?? 0;
      return 1 - count / top + (typeof value === 'string' && isPadded(value) ? 1 : 0);
    }
    case 'string':
      return typeof value === 'string' && (value === '' || isPadded(value)) ? 1 : 0;
    case 'date': {
      const parsed = typeof value === 'string' ? parseDateText(value) : null;
      return parsed === null || parsed.format !== column.dates?.format ? 1 : 0;
    }
    case 'boolean':
    case 'json':
      return 0;
  }
}
