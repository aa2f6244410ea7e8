import fc from 'fast-check';
import { MISSING, chooseBaseRows, createRowArbitrary, type GeneratedRow } from '../../../harness/checks/generated';
import { isNumericText, learnInputContract, profileRows, satisfiesContract, type DataProfile, type InputContract } from '../../../harness/profile';
import { readSubscriptions, type Subscriptions } from '../../source/numbers-as-text-fixtures';

let data: Subscriptions;
let profile: DataProfile;
let contract: InputContract;
let generated: GeneratedRow[];
beforeAll(async () => {
  data = await readSubscriptions();
  profile = profileRows(data.rows, data.columns);
  contract = learnInputContract(data.rows, profile);
  const baseRows = chooseBaseRows(data.rows.filter((row) => satisfiesContract(contract, row.values)), profile);
  generated = fc.sample(createRowArbitrary(profile, baseRows, { contract }), { seed: 3, numRuns: 4000 });
});

/** The values generated rows changed `column` to, with the reasons, null and left-out values aside. */
function changesOf(column: string): Array<{ value: unknown; reason: string }> {
  return generated.flatMap((g) => {
    const change = g.changes[column];
    return change === undefined || change.value === null || change.value === MISSING ? [] : [{ value: change.value, reason: change.reason }];
  });
}

describe('generated rows: a column mixing JSON numbers and numbers written as text', () => {
  it('start from a base row that sends the number as the data mostly does: a JSON number', () => {
    const baseRows = chooseBaseRows(data.rows, profile, 3);
    expect(baseRows.map((row) => typeof row.monthly_price)).toEqual(['number', 'number', 'number']);
  });

  it('send the column as a number and, in about the share the data shows (1 in 6), as numeric text', () => {
    const prices = changesOf('monthly_price');
    const texts = prices.filter((c) => typeof c.value === 'string');
    expect(prices.length).toBeGreaterThan(500);
    expect(prices.filter((c) => typeof c.value === 'number').length).toBeGreaterThan(texts.length);
    expect(texts.length / prices.length).toBeGreaterThan(0.1);
    expect(texts.length / prices.length).toBeLessThan(0.25);
    expect(generated.every((g) => satisfiesContract(contract, g.row))).toBe(true);
  });

  it('write the text the way the data writes it: two decimals for prices (more only where the number has them), whole numbers for seats', () => {
    const texts = changesOf('monthly_price').filter((c) => typeof c.value === 'string');
    for (const { value, reason } of texts) {
      expect(isNumericText(value as string)).toBe(true);
      expect(value).toMatch(/^-?\d+\.\d{2,}$|e/);
      // Padded, never rounded: the text holds exactly the number its number form would send.
      expect(String(Number(value))).toBe((value as string).includes('e') ? value : (value as string).replace(/\.?0+$/, ''));
      expect(reason).toMatch(/ as text$/);
    }
    expect(texts.map((c) => c.value)).toContain('59.00');
    const seats = changesOf('seats').filter((c) => typeof c.value === 'string');
    expect(seats.length).toBeGreaterThan(0);
    for (const { value } of seats) expect(value).toMatch(/^-?\d+$|e/);
  });

  it('vary it over numeric edges in both forms: bucket edges (quantiles), min and max, zero and negatives', () => {
    const numeric = profile.columns.find((c) => c.name === 'monthly_price')!.numeric!;
    const prices = changesOf('monthly_price');
    const numbers = new Set(prices.filter((c) => typeof c.value === 'number').map((c) => c.value));
    const texts = new Set(prices.filter((c) => typeof c.value === 'string').map((c) => c.value));
    for (const edge of [0, -0.01, numeric.min, numeric.max, numeric.quantiles.p25, numeric.quantiles.p50, numeric.quantiles.p75]) {
      expect(numbers).toContain(edge);
    }
    for (const edge of ['0.00', '-0.01', '7.99', '59.00', numeric.quantiles.p50.toFixed(2)]) expect(texts).toContain(edge);
    expect(prices.find((c) => c.value === numeric.quantiles.p50.toFixed(2))?.reason).toMatch(/^quantile edge p50 as text$|^in range as text$/);
  });
});
