import type { ColumnInfo, SourceRow } from '../core/row';
import { isCategoryColumn } from './category-detection';
import type { ColumnProfile, DataProfile } from '../core/data-profile';
import { profileDates } from './date-profile';
import { profileNumbers } from './numeric-profile';
import { numberInText, profileNumericText } from './numbers-as-text';
import { profileStrings } from './string-profile';

/**
 * Profiles sampled rows column by column: null rates, numeric ranges and quantiles, string shapes and category
 * vocabularies, date ranges and formats, boolean rates. Pure and deterministic: the same rows give the same
 * profile. Values that do not fit the column's type (possible in JSON Lines) are left out of its statistics but
 * still count as non-null — except numbers written as text in a numeric column (`"12.50"` beside `12.5`, which the
 * JSON Lines reader keeps as text): they are parsed for the statistics, and `numeric.text` says how many there are.
 *
 * @example
 * const { rows, columns } = await readSample(source, sample);
 * const profile = profileRows(rows, columns.map((c) => ({ ...c, role: roleOf(c.name) })));
 * profile.columns.find((c) => c.name === 'plan')?.strings?.vocabulary; // [{ value: 'basic', count: 1038 }, …]
 */
export function profileRows(rows: readonly SourceRow[], columns: readonly ColumnInfo[]): DataProfile {
  return { rows: rows.length, columns: columns.map((column) => profileColumn(rows, column)) };
}

function profileColumn(rows: readonly SourceRow[], column: ColumnInfo): ColumnProfile {
  const present: unknown[] = [];
  for (const row of rows) {
    const value = row.values[column.name];
    if (value !== null && value !== undefined) present.push(value);
  }
  const base: ColumnProfile = {
    name: column.name,
    type: column.type,
    kind: 'json',
    role: column.role,
    count: present.length,
    nullRate: rows.length === 0 ? 0 : (rows.length - present.length) / rows.length,
    numeric: null,
    strings: null,
    dates: null,
    booleans: null,
  };
  switch (column.type) {
    case 'integer':
    case 'number': {
      const numeric = profileNumbers(present.map((v) => (isNumber(v) ? v : numberInText(v))).filter(isNumber));
      const text = profileNumericText(present);
      return { ...base, kind: column.type, numeric: numeric !== null && text !== undefined ? { ...numeric, text } : numeric };
    }
    case 'boolean': {
      const booleans = present.filter((v): v is boolean => typeof v === 'boolean');
      const trues = booleans.filter((v) => v).length;
      return { ...base, kind: 'boolean', booleans: booleans.length === 0 ? null : { trueRate: trues / booleans.length } };
    }
    case 'date':
      return { ...base, kind: 'date', dates: profileDates(present.filter(isString)) };
    case 'string': {
      const strings = present.filter(isString);
      const category = isCategoryColumn(strings);
      return { ...base, kind: category ? 'category' : 'string', strings: profileStrings(strings, category) };
    }
    case 'json':
      return base;
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const isString = (value: unknown): value is string => typeof value === 'string';
