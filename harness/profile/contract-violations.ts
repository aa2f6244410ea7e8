import { describeFormat, type ColumnContract, type ContractClause, type ContractViolation, type InputContract, type ValueFormat } from '../core/input-contract';
import type { Row } from '../core/row';
import { isSameValue } from '../core/same-value';
import { parseDateText } from './date-text';
import { isNumericText } from './numeric-text';
import { numberInText, takesNumbersAsText } from './numbers-as-text';
import { stringifyJson } from '../core/stringify-json';

/**
 * The clauses of a column contract a value breaks (empty: it satisfies the contract). `present` is false when the
 * row leaves the column out. Clauses are held in order (see `ContractClause`): an absent value breaks at most
 * `present`, null at most `non-null`, a value of the wrong JSON type only `type`; a value of the right type can
 * break `format`, `values` or both. In a numeric column that takes numbers written as text (`numbersAsText`), a string
 * is of the right type, and breaks `format` unless it holds a number of the format (`"12.50"`; `"3"` where integer).
 */
export function columnViolations(column: ColumnContract, present: boolean, value: unknown): ContractClause[] {
  if (!present) return column.optional ? [] : ['present'];
  if (value === null || value === undefined) return column.nullable ? [] : ['non-null'];
  const asText = typeof value === 'string' && takesNumbersAsText(column);
  if (!asText && !hasType(column.format, value)) return ['type'];
  const broken: ContractClause[] = [];
  if (!(asText ? hasNumberFormat(column.format, numberInText(value)) : hasFormat(column.format, value))) broken.push('format');
  if (column.values !== null && !column.values.some((allowed) => isSameValue(allowed, value))) broken.push('values');
  return broken;
}

/** Every clause a row breaks, column by column in contract order. Columns the contract does not know are ignored. */
export function rowViolations(contract: InputContract, row: Row): ContractViolation[] {
  return contract.columns.flatMap((column) =>
    columnViolations(column, Object.hasOwn(row, column.name), row[column.name]).map((clause) => ({ column: column.name, clause })),
  );
}

/** Whether a row satisfies every clause of the contract. */
export function satisfiesContract(contract: InputContract, row: Row): boolean {
  return rowViolations(contract, row).length === 0;
}

/** Whether a present, non-null value has the JSON type of the format. */
export function hasType(format: ValueFormat, value: unknown): boolean {
  switch (format.kind) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'text':
    case 'numeric-text':
    case 'date':
      return typeof value === 'string';
    case 'any':
      return true;
  }
}

/** Whether the number a numeric text holds (`undefined`: none) is of an `integer` or `decimal` format. */
function hasNumberFormat(format: ValueFormat, number: number | undefined): boolean {
  return number !== undefined && hasFormat(format, number);
}

/** Whether a value of the format's type is written in the format. */
function hasFormat(format: ValueFormat, value: unknown): boolean {
  switch (format.kind) {
    case 'integer':
      return Number.isInteger(value);
    case 'decimal':
      return Number.isFinite(value);
    case 'text':
      return format.empty || value !== '';
    case 'numeric-text':
      return value === '' ? format.empty : isNumericText(value as string);
    case 'date': {
      const layout = parseDateText(value as string)?.format;
      return layout !== undefined && format.layouts.includes(layout);
    }
    case 'boolean':
    case 'any':
      return true;
  }
}

/**
 * A broken clause in words, for messages: `plan is left out (required)`, `amount is null (never null)`,
 * `visits is "3", not an integer`, `signup is "31/12/2024", not date (date)`,
 * `price is "n/a", not decimal (or a number written as text)`.
 */
export function describeViolation(column: ColumnContract, clause: ContractClause, value: unknown): string {
  const shown = stringifyJson(value) ?? String(value);
  switch (clause) {
    case 'present':
      return `${column.name} is left out (required)`;
    case 'non-null':
      return `${column.name} is null (never null)`;
    case 'type':
    case 'format':
      return `${column.name} is ${shown}, not ${describeFormat(column.format)}${takesNumbersAsText(column) ? ' (or a number written as text)' : ''}`;
    case 'values':
      return `${column.name} is ${shown}, not one of the allowed values`;
  }
}
