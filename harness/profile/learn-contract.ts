import type { DataProfile, ColumnProfile } from '../core/data-profile';
import type { ColumnContract, DateLayout, InputContract, ValueFormat } from '../core/input-contract';
import type { SourceRow } from '../core/row';
import { parseDateText } from './date-text';
import { isNumberFormat, numberInText } from './numbers-as-text';
import { isNumericText } from './numeric-text';

/**
 * Learns the input contract from the sampled rows and their profile: per input column, whether every row has it
 * (`optional` otherwise), whether any value is null (`nullable`), and the format of the others — `integer` or
 * `decimal` by the column's type (so a float is out of an integer column, 2^53 is not; where some values are numbers
 * written as text, `"12.50"` beside `12.5` in JSON Lines, also `numbersAsText`: both forms are valid input),
 * `boolean`, `date` in the layouts seen, `numeric-text` for a string column whose every non-empty value is a number
 * written as text, otherwise `text` (with `empty` when `""` was seen), and `any` for JSON columns and columns without
 * a value.
 * Category vocabularies are kept for reports but leave the contract open: an unseen category is valid input.
 * Pure and deterministic.
 *
 * @example
 * const contract = learnInputContract(sample.rows, profileRows(sample.rows, columns));
 * contract.columns.find((c) => c.name === 'plan'); // { optional: false, nullable: false, format: { kind: 'text', empty: false }, … }
 */
export function learnInputContract(rows: readonly SourceRow[], profile: DataProfile): InputContract {
  return { columns: profile.columns.filter((c) => c.role === 'input').map((column) => learnColumn(rows, column)) };
}

function learnColumn(rows: readonly SourceRow[], column: ColumnProfile): ColumnContract {
  let present = 0;
  let nulls = 0;
  const values: unknown[] = [];
  for (const row of rows) {
    if (!Object.hasOwn(row.values, column.name)) continue;
    present++;
    const value = row.values[column.name];
    if (value === null || value === undefined) nulls++;
    else values.push(value);
  }
  const format = learnFormat(column, values);
  const numbersAsText = isNumberFormat(format) && values.some((v) => numberInText(v) !== undefined);
  return {
    name: column.name,
    optional: present < rows.length,
    nullable: nulls > 0,
    format,
    // Set only where learned, so the contract of every other column reads as it always has.
    ...(numbersAsText ? { numbersAsText: true } : {}),
    values: null,
    vocabulary: column.kind === 'category' ? (column.strings?.vocabulary?.map((v) => v.value) ?? null) : null,
    configured: [],
  };
}

function learnFormat(column: ColumnProfile, values: readonly unknown[]): ValueFormat {
  if (values.length === 0) return { kind: 'any' };
  switch (column.type) {
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'decimal' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'json':
      return { kind: 'any' };
    case 'date': {
      const layouts = dateLayouts(values, column.dates?.format);
      return layouts.length === 0 ? { kind: 'any' } : { kind: 'date', layouts };
    }
    case 'string': {
      const strings = values.filter((v): v is string => typeof v === 'string');
      const empty = strings.includes('');
      const filled = strings.filter((s) => s !== '');
      const numeric = filled.length > 0 && filled.every(isNumericText);
      return { kind: numeric ? 'numeric-text' : 'text', empty };
    }
  }
}

/** The layouts the values are written in, the profile's main one first, the others by frequency. */
function dateLayouts(values: readonly unknown[], main: DateLayout | undefined): DateLayout[] {
  const counts = new Map<DateLayout, number>();
  for (const value of values) {
    const layout = typeof value === 'string' ? parseDateText(value)?.format : undefined;
    if (layout !== undefined) counts.set(layout, (counts.get(layout) ?? 0) + 1);
  }
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1]).map(([layout]) => layout);
  return main !== undefined && counts.has(main) ? [main, ...byFrequency.filter((l) => l !== main)] : byFrequency;
}
