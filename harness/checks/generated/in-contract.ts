import fc from 'fast-check';
import type { ColumnProfile } from '../../core/data-profile';
import type { ColumnContract, ValueFormat } from '../../core/input-contract';
import { columnViolations } from '../../profile/contract-violations';
import type { EdgeValue } from './edge-value';
import { inRangeArbitrary } from './in-range-arbitrary';
import { MISSING } from './missing';
import { SEEN_VALUE_REASON } from './string-edges';

/** Whether a generated value ({@link MISSING} for a left-out column) satisfies a column's contract. */
export function isInContract(contract: ColumnContract, value: unknown): boolean {
  return columnViolations(contract, value !== MISSING, value).length === 0;
}

/**
 * Plausible in-range values (see `inRangeArbitrary`) that satisfy the column's contract, or `null` when the
 * profile's values are not of the contract's format (a config that changed the format): filtering would then
 * reject nearly every draw. A category draws from its seen values that satisfy the contract.
 */
export function inContractInRange(column: ColumnProfile, contract: ColumnContract): fc.Arbitrary<EdgeValue> | null {
  if (column.kind === 'category') {
    const seen = (column.strings?.vocabulary ?? []).map((v) => v.value).filter((value) => isInContract(contract, value));
    return seen.length === 0 ? null : fc.constantFrom(...seen).map((value): EdgeValue => ({ value, reason: SEEN_VALUE_REASON }));
  }
  const inRange = inRangeArbitrary(column);
  if (inRange === null || !drawsFormat(column, contract.format)) return null;
  return inRange.filter((e) => isInContract(contract, e.value));
}

/** Whether the in-range values of a profiled column are (nearly always) of the format. */
function drawsFormat(column: ColumnProfile, format: ValueFormat): boolean {
  switch (format.kind) {
    case 'any':
      return true;
    case 'integer':
      return column.kind === 'integer' || (column.kind === 'number' && column.numeric?.integral === true);
    case 'decimal':
      return column.kind === 'integer' || column.kind === 'number';
    case 'text':
      return column.kind === 'string';
    case 'date':
      return column.kind === 'date' && column.dates !== null && format.layouts.includes(column.dates.format);
    case 'numeric-text':
    case 'boolean':
      return false;
  }
}
