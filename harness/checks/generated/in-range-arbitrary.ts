import fc from 'fast-check';
import type { ColumnProfile } from '../../core/data-profile';
import { dateStepMs, formatDateMoment, isZoned, momentOfText, type DateMoment } from './date-format';
import type { EdgeValue } from './edge-value';
import { SEEN_VALUE_REASON } from './string-edges';

/** Longest random free text generated: long strings are an edge value of their own. */
const MAX_RANDOM_TEXT = 32;

/**
 * Plausible values for a column, inside what the sample shows: an integer or a number (at the column's decimals)
 * within the range, a random seen category, random text within the seen lengths, a date within the range in the
 * column's format, any small JSON value. Mixed with the edge values so generated rows also explore the ordinary
 * middle. `null` for kinds where the edge values already are every value (booleans) or without a profile.
 */
export function inRangeArbitrary(column: ColumnProfile): fc.Arbitrary<EdgeValue> | null {
  const reason = (why: string) => (value: unknown): EdgeValue => ({ value, reason: why });
  switch (column.kind) {
    case 'integer':
    case 'number':
      return numberInRange(column)?.map(reason('in range')) ?? null;
    case 'category': {
      const seen = column.strings?.vocabulary?.map((v) => v.value) ?? [];
      return seen.length === 0 ? null : fc.constantFrom(...seen).map(reason(SEEN_VALUE_REASON));
    }
    case 'string': {
      const strings = column.strings;
      if (strings === null) return null;
      const maxLength = Math.min(Math.max(strings.maxLength, 1), MAX_RANDOM_TEXT);
      return fc.string({ minLength: Math.min(strings.minLength, maxLength), maxLength }).map(reason('random text'));
    }
    case 'date':
      return dateInRange(column)?.map(reason('in range')) ?? null;
    case 'boolean':
      return null;
    case 'json':
      return fc.jsonValue({ maxDepth: 2 }).map(reason('random json'));
  }
}

function numberInRange(column: ColumnProfile): fc.Arbitrary<number> | null {
  const numeric = column.numeric;
  if (numeric === null) return null;
  const { min, max } = numeric;
  if (column.kind === 'integer' || numeric.integral) {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    if (Number.isSafeInteger(lo) && Number.isSafeInteger(hi) && lo <= hi) return fc.integer({ min: lo, max: hi });
  }
  // Whole units of the column's precision, so values read like the column's (19.96, not 19.958712033).
  const scale = 10 ** numeric.decimals;
  const lo = Math.ceil(min * scale);
  const hi = Math.floor(max * scale);
  if (numeric.decimals <= 15 && Number.isSafeInteger(lo) && Number.isSafeInteger(hi) && lo <= hi) {
    return fc.integer({ min: lo, max: hi }).map((units) => units / scale);
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function dateInRange(column: ColumnProfile): fc.Arbitrary<string> | null {
  const dates = column.dates;
  if (dates === null) return null;
  const min = momentOfText(dates.min);
  const max = momentOfText(dates.max);
  if (min === null || max === null) return null;
  const step = dateStepMs(dates);
  const zoned = isZoned(dates);
  const at = (moment: DateMoment) => ('wall' in moment ? moment.wall : moment.instant);
  const lo = Math.ceil(at(min) / step);
  const hi = Math.floor(at(max) / step);
  if (lo > hi) return null;
  return fc.integer({ min: lo, max: hi }).map((units) => formatDateMoment(zoned ? { instant: units * step } : { wall: units * step }, dates));
}
