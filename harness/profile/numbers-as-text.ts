import type { ColumnContract, ValueFormat } from '../core/input-contract';
import type { NumericTextPart } from '../core/data-profile';

export type { NumericTextPart };
import { isNumericText } from './numeric-text';

/** The number a numeric text holds (`" 12.50"` → 12.5); `undefined` for other values and text that holds none. */
export function numberInText(value: unknown): number | undefined {
  if (typeof value !== 'string' || !isNumericText(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * The text part of a numeric column's non-null values, `undefined` when none is numeric text. Strings that hold no
 * number are not counted: they are not part of the column's numbers.
 */
export function profileNumericText(values: readonly unknown[]): NumericTextPart | undefined {
  const digits = new Map<number, number>();
  let count = 0;
  for (const value of values) {
    if (numberInText(value) === undefined) continue;
    count += 1;
    const places = fractionDigitsOf(value as string);
    digits.set(places, (digits.get(places) ?? 0) + 1);
  }
  if (count === 0) return undefined;
  // The most common count of digits; of equally common ones, the fewest.
  const [fractionDigits] = [...digits].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  return { count, rate: values.length === 0 ? 0 : count / values.length, fractionDigits };
}

/** Digits after the decimal point as written (`"12.50"` → 2, `"1e3"` → 0, `"1.5e3"` → 1). */
function fractionDigitsOf(text: string): number {
  const mantissa = text.trim().split(/[eE]/)[0]!;
  const point = mantissa.indexOf('.');
  return point === -1 ? 0 : mantissa.length - point - 1;
}

/**
 * A number written as text the way a column writes it: padded with zeros to `fractionDigits` decimals
 * (`12.5` → `"12.50"`), never rounded (a value with more decimals keeps them all: the text holds exactly the number),
 * and in exponent form where JavaScript prints one (`1e+308`).
 */
export function writeNumberAsText(value: number, fractionDigits: number): string {
  const text = String(value);
  if (/e/i.test(text) || fractionDigits <= 0) return text;
  const point = text.indexOf('.');
  const written = point === -1 ? 0 : text.length - point - 1;
  if (written >= fractionDigits) return text;
  return `${text}${point === -1 ? '.' : ''}${'0'.repeat(fractionDigits - written)}`;
}

/** Whether a contract column is numeric and takes numbers written as text too (see {@link ColumnContract.numbersAsText}). */
export function takesNumbersAsText(column: Pick<ColumnContract, 'format' | 'numbersAsText'>): boolean {
  return column.numbersAsText === true && isNumberFormat(column.format);
}

/** Whether a format is one of the JSON number formats (`integer`, `decimal`). */
export function isNumberFormat(format: ValueFormat): boolean {
  return format.kind === 'integer' || format.kind === 'decimal';
}
