import { columnViolations, describeViolation, learnInputContract, profileRows, satisfiesContract, writeNumberAsText, type DataProfile, type InputContract } from '../../harness/profile';
import { quantile } from '../../harness/profile/numeric-profile';
import { PRICES, SUBSCRIPTION_ROWS, readSubscriptions, type Subscriptions } from '../source/numbers-as-text-fixtures';

let data: Subscriptions;
let profile: DataProfile;
let contract: InputContract;
beforeAll(async () => {
  data = await readSubscriptions();
  profile = profileRows(data.rows, data.columns);
  contract = learnInputContract(data.rows, profile);
});

const profiled = (name: string) => profile.columns.find((c) => c.name === name)!;
const clauses = (name: string) => contract.columns.find((c) => c.name === name)!;

describe('profile of a column mixing JSON numbers and numbers written as text', () => {
  it('is numeric over every value, the text parsed for the statistics', () => {
    const price = profiled('monthly_price');
    const all = Array.from({ length: SUBSCRIPTION_ROWS }, (_, i) => PRICES[i % PRICES.length]!).sort((a, b) => a - b);
    expect(price).toMatchObject({ type: 'number', kind: 'number', count: SUBSCRIPTION_ROWS, nullRate: 0, strings: null });
    expect(price.numeric).toMatchObject({ min: 7.99, max: 59, integral: false, negativeRate: 0, decimals: 2 });
    expect(price.numeric!.quantiles.p50).toBe(quantile(all, 0.5));
    expect(price.numeric!.quantiles.p99).toBe(quantile(all, 0.99));
    expect(price.numeric!.mean).toBeCloseTo(all.reduce((s, p) => s + p, 0) / all.length, 10);
  });

  it('notes the part written as text: how many, which share, and how many decimals the text writes', () => {
    expect(profiled('monthly_price').numeric!.text).toEqual({ count: 20, rate: 20 / SUBSCRIPTION_ROWS, fractionDigits: 2 });
    expect(profiled('seats')).toMatchObject({ kind: 'integer', count: SUBSCRIPTION_ROWS, numeric: { min: 1, max: 4, text: { count: 12, rate: 0.1, fractionDigits: 0 } } });
  });

  it('adds nothing to a column without text: reports of number-only columns keep their shape', () => {
    const numbersOnly = profileRows(data.rows.map((row) => ({ ...row, values: { ...row.values, monthly_price: Number(row.values.monthly_price) } })), data.columns);
    const price = numbersOnly.columns.find((c) => c.name === 'monthly_price')!;
    expect(price.numeric).not.toHaveProperty('text');
    expect(Object.keys(price.numeric!)).toEqual(['min', 'max', 'mean', 'quantiles', 'integral', 'negativeRate', 'zeroRate', 'decimals']);
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
  });

  it('leaves a column of numeric text only as it was: a string column', () => {
    expect(profiled('zip')).toMatchObject({ type: 'string', numeric: null });
    expect(profiled('zip').strings).not.toBeNull();
  });
});

describe('input contract of a column mixing JSON numbers and numbers written as text', () => {
  it('is numeric and accepts both forms the data shows', () => {
    expect(clauses('monthly_price')).toMatchObject({ format: { kind: 'decimal' }, numbersAsText: true, optional: false, nullable: false });
    expect(clauses('seats')).toMatchObject({ format: { kind: 'integer' }, numbersAsText: true });
    for (const value of [9.5, '9.50', 12.5, '12.50', '59.00', '7', 0, '-3.25', '1e3']) expect(columnViolations(clauses('monthly_price'), true, value)).toEqual([]);
    expect(data.rows.every((row) => satisfiesContract(contract, row.values))).toBe(true);
  });

  it('still rejects what is no number: words and the empty string (format), null where never null, a value left out', () => {
    const price = clauses('monthly_price');
    expect(columnViolations(price, true, 'n/a')).toEqual(['format']);
    expect(columnViolations(price, true, '')).toEqual(['format']);
    expect(columnViolations(price, true, '1e999')).toEqual(['format']);
    expect(columnViolations(price, true, null)).toEqual(['non-null']);
    expect(columnViolations(price, false, undefined)).toEqual(['present']);
    expect(columnViolations(price, true, true)).toEqual(['type']);
    expect(describeViolation(price, 'format', 'n/a')).toBe('monthly_price is "n/a", not decimal (or a number written as text)');
  });

  it('keeps integer-ness for both forms: a fraction breaks an integer column as a number and as text', () => {
    expect(columnViolations(clauses('seats'), true, '3')).toEqual([]);
    expect(columnViolations(clauses('seats'), true, 2.5)).toEqual(['format']);
    expect(columnViolations(clauses('seats'), true, '2.5')).toEqual(['format']);
  });

  it('leaves number-only columns without the clause, and a column of numeric text only numeric-text', () => {
    const numbersOnly = learnInputContract(data.rows.map((row) => ({ ...row, values: { ...row.values, monthly_price: 9.5 } })), profile);
    expect(numbersOnly.columns.find((c) => c.name === 'monthly_price')).not.toHaveProperty('numbersAsText');
    expect(columnViolations(numbersOnly.columns.find((c) => c.name === 'monthly_price')!, true, '9.50')).toEqual(['type']);
    expect(clauses('zip')).toMatchObject({ format: { kind: 'numeric-text', empty: false } });
    expect(clauses('zip')).not.toHaveProperty('numbersAsText');
  });
});

describe('writeNumberAsText', () => {
  it('writes a number as the column writes its text: padded to its decimals, never rounded', () => {
    expect(writeNumberAsText(12.5, 2)).toBe('12.50');
    expect(writeNumberAsText(59, 2)).toBe('59.00');
    expect(writeNumberAsText(-0.01, 2)).toBe('-0.01');
    expect(writeNumberAsText(14.3675, 2)).toBe('14.3675');
    expect(writeNumberAsText(22.490000000000002, 2)).toBe('22.490000000000002');
    expect(writeNumberAsText(3, 0)).toBe('3');
    expect(writeNumberAsText(1e308, 2)).toBe('1e+308');
    expect(writeNumberAsText(1e-300, 2)).toBe('1e-300');
  });
});
