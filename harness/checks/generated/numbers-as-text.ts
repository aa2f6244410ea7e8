import fc from 'fast-check';
import type { ColumnProfile } from '../../core/data-profile';
import type { ColumnContract } from '../../core/input-contract';
import { takesNumbersAsText, writeNumberAsText } from '../../profile/numbers-as-text';
import type { EdgeValue } from './edge-value';

/** Integer weights of the two forms add up to this (fast-check weights are integers): shares to the percent. */
const SHARE_SCALE = 100;

/** What a number sent as text adds to the reason it was chosen: `quantile edge p50 as text`. */
const AS_TEXT_REASON = ' as text';

/**
 * A numeric column's changes, sent as numbers and — as often as the sampled data writes them so (`numeric.text.rate`)
 * — as the same numbers written as text in the column's own style (`12.5` → `"12.50"`): a side that reads `"12.50"`
 * differently from `12.5` (`parseInt`, a locale parser, a strict schema) is then found on the very edges the number
 * form explores. Non-numbers (null, a missing column) pass unchanged. `change` is returned as it is for a column
 * without text in the sample, or whose contract does not take numbers as text (a config that set another format).
 *
 * Shrinking keeps the form a value was drawn in: a counterexample found in text stays text.
 */
export function sometimesAsText(change: fc.Arbitrary<EdgeValue>, column: ColumnProfile, contract: ColumnContract | undefined): fc.Arbitrary<EdgeValue> {
  const text = column.numeric?.text;
  if (text === undefined || text.count === 0 || (contract !== undefined && !takesNumbersAsText(contract))) return change;
  const textWeight = Math.min(SHARE_SCALE - 1, Math.max(1, Math.round(text.rate * SHARE_SCALE)));
  return fc.oneof(
    { arbitrary: change, weight: SHARE_SCALE - textWeight },
    { arbitrary: change.map((edge) => asText(edge, text.fractionDigits)), weight: textWeight },
  );
}

/** An edge value's number written as text with `fractionDigits` decimals; anything else unchanged. */
function asText(edge: EdgeValue, fractionDigits: number): EdgeValue {
  if (typeof edge.value !== 'number' || !Number.isFinite(edge.value)) return edge;
  return { value: writeNumberAsText(edge.value, fractionDigits), reason: `${edge.reason}${AS_TEXT_REASON}` };
}
