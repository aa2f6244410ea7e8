import type { ColumnProfile } from '../../core/data-profile';
import type { ProbeKind } from '../../core/contract-probe';
import type { ColumnContract, ValueFormat } from '../../core/input-contract';
import { isSameValue } from '../../core/same-value';
import { parseDateText } from '../../profile/date-text';
import { takesNumbersAsText } from '../../profile/numbers-as-text';
import { edgeValues } from '../generated/edge-values';
import { MISSING } from '../generated/missing';
import { typicalCategory } from '../generated/string-edges';

/** What a text column's value is replaced with in a numeric column, and a numeric-text column's non-number. */
export const PLACEHOLDER_TEXT = 'n/a';

/**
 * The value a probe of `kind` puts in a column ({@link MISSING} to leave it out), built from the base row's value so
 * it looks like real data gone wrong (`19.96` → `"19.96"`, `2024-03-01` → `"01/03/2024"`), or `null` when the kind
 * does not apply to the column: the contract already allows it (null in a nullable column), or the column is of
 * another format. On a column with a closed list of values only presence, null, type and `unlisted-value` probes
 * apply — a malformed value there would break the list too, and a probe breaks exactly one clause.
 *
 * A numeric column that takes numbers written as text (`numbersAsText`: training sends `"12.50"` beside `12.5`) gets no
 * `number-as-string` probe — that is valid input — and is probed with words and the empty string as a numeric-text
 * column is (`non-numeric-text`, `empty-string`: its text breaks `format`, not `type`), instead of `text-in-number`.
 */
export function probeValue(kind: ProbeKind, column: ColumnContract, profile: ColumnProfile | undefined, base: unknown): { value: unknown } | null {
  const format = column.format;
  const closed = column.values !== null;
  const asText = takesNumbersAsText(column);
  switch (kind) {
    case 'missing-column':
      return column.optional ? null : { value: MISSING };
    case 'null-value':
      return column.nullable ? null : { value: null };
    case 'number-as-string':
      return isNumeric(format) && !asText ? { value: String(typicalNumber(format, profile, base)) } : null;
    case 'text-in-number':
      return isNumeric(format) && !asText ? { value: PLACEHOLDER_TEXT } : null;
    case 'number-in-text':
      return isTextual(format) || format.kind === 'date' ? { value: numberFor(format, profile, base) } : null;
    case 'boolean-as-string':
      return format.kind === 'boolean' ? { value: String(typeof base === 'boolean' ? base : true) } : null;
    case 'float-in-integer': {
      if (format.kind !== 'integer' || closed) return null;
      const typical = typicalNumber(format, profile, base);
      // Past 2^52 a double has no halves: x + 0.5 would round back to an integer.
      return { value: Math.abs(typical) < 2 ** 52 ? typical + 0.5 : 0.5 };
    }
    case 'malformed-date':
      return format.kind === 'date' && !closed ? { value: otherLayout(typicalDate(profile, base)) } : null;
    case 'empty-string':
      return ((isTextual(format) && !format.empty) || format.kind === 'date' || asText) && !closed ? { value: '' } : null;
    case 'non-numeric-text':
      return (format.kind === 'numeric-text' || asText) && !closed ? { value: PLACEHOLDER_TEXT } : null;
    case 'unlisted-value':
      return closed ? unlistedValue(column, profile, base) : null;
  }
}

const isNumeric = (format: ValueFormat): boolean => format.kind === 'integer' || format.kind === 'decimal';
const isTextual = (format: ValueFormat): format is Extract<ValueFormat, { kind: 'text' | 'numeric-text' }> => format.kind === 'text' || format.kind === 'numeric-text';

/** The base row's number, else the column's median (whole for integer columns), else 1. */
function typicalNumber(format: ValueFormat, profile: ColumnProfile | undefined, base: unknown): number {
  if (typeof base === 'number' && Number.isFinite(base)) return base;
  const median = profile?.numeric?.quantiles.p50;
  if (median === undefined || !Number.isFinite(median)) return 1;
  return format.kind === 'integer' ? Math.round(median) : median;
}

/**
 * A number standing in for a string: the number a numeric text holds (`"00123"` → 123), a date's epoch
 * milliseconds (a client sending `Date.now()`), else 1.
 */
function numberFor(format: ValueFormat, profile: ColumnProfile | undefined, base: unknown): number {
  if (format.kind === 'date') return parseDateText(typicalDate(profile, base))?.epochMs ?? 0;
  const text = typeof base === 'string' ? base : typicalCategory(profile?.strings ?? null);
  const number = text === undefined ? NaN : Number(text.trim());
  return text !== undefined && text.trim() !== '' && Number.isFinite(number) ? number : 1;
}

function typicalDate(profile: ColumnProfile | undefined, base: unknown): string {
  return typeof base === 'string' && parseDateText(base) !== null ? base : (profile?.dates?.max ?? '2024-03-01');
}

/**
 * The same moment in a layout no ISO reader accepts, as spreadsheets and locale-formatting clients write it:
 * `2024-03-01` → `01/03/2024`, `2024-03-01T10:30:00Z` → `01/03/2024 10:30`.
 */
function otherLayout(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}))?/.exec(date);
  if (match === null) return 'not a date';
  const [, year, month, day, hour, minute] = match;
  return `${day}/${month}/${year}${hour === undefined ? '' : ` ${hour}:${minute}`}`;
}

/**
 * A value of the column's format that its closed list does not hold: the first of the column's in-format edge
 * values (an unseen category, a number past the range, another date) not in the list, else `null`.
 */
function unlistedValue(column: ColumnContract, profile: ColumnProfile | undefined, base: unknown): { value: unknown } | null {
  if (profile === undefined) return null;
  const open: ColumnContract = { ...column, values: null, optional: false, nullable: false };
  const candidate = edgeValues(profile, { typical: base, contract: open }).find((e) => !(column.values ?? []).some((v) => isSameValue(v, e.value)));
  return candidate === undefined ? null : { value: candidate.value };
}
