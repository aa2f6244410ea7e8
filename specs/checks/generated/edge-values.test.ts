import { LONG_STRING_LENGTH, MISSING, edgeValues, type EdgeValue } from '../../../harness/checks/generated';
import { parseDateText, profileRows, type ColumnProfile, type DateProfile } from '../../../harness/profile';
import type { ColumnRole, ColumnType, Row } from '../../../harness/core/row';
import { columnsOf, sourceRows } from '../../profile/profile-fixtures';

/** The profile of one column holding `values` (one row each). */
function columnOf(type: ColumnType, values: unknown[], role: ColumnRole = 'input'): ColumnProfile {
  const rows: Row[] = values.map((v) => ({ c: v }));
  return profileRows(sourceRows(rows), columnsOf({ c: type }, { c: role })).columns[0]!;
}

const reasons = (edges: EdgeValue[]) => edges.map((e) => e.reason);
const valueFor = (edges: EdgeValue[], reason: string) => edges.find((e) => e.reason === reason)?.value;
const valuesFor = (edges: EdgeValue[], reason: string) => edges.filter((e) => e.reason === reason).map((e) => e.value);

describe('edgeValues: every column', () => {
  it('starts with null, then a missing column, and repeats no value', () => {
    for (const column of [columnOf('integer', [1, 2, 3]), columnOf('string', ['a', 'b', 'a', 'b']), columnOf('date', ['2024-01-01']), columnOf('boolean', [true])]) {
      const edges = edgeValues(column);
      expect(edges.slice(0, 2)).toEqual([
        { value: null, reason: 'null' },
        { value: MISSING, reason: 'missing column' },
      ]);
      const seen = edges.map((e) => (typeof e.value === 'object' ? JSON.stringify(e.value) : e.value));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('gives key, label and offline-feature columns none (they keep the base row value)', () => {
    for (const role of ['key', 'label', 'offline_feature'] as const) expect(edgeValues(columnOf('integer', [1, 2], role))).toEqual([]);
  });
});

describe('edgeValues: numbers', () => {
  const visits = columnOf('integer', [0, 3, 5, 7, 12, 5, 4]);
  const spend = columnOf('number', [19.96, 5.5, 32.37, 120, 44.1, 0.99]);

  it('covers zero, negatives, the range, just outside it and every quantile, for both kinds', () => {
    for (const column of [visits, spend]) {
      const edges = edgeValues(column);
      const numeric = column.numeric!;
      // A value is listed once, under its first reason (visits' min is 0: `zero`), so check values, not labels.
      expect(reasons(edges)).toEqual(expect.arrayContaining(['zero', 'negative', 'negated median', 'max', 'above max']));
      const values = edges.map((e) => e.value);
      for (const q of Object.values(numeric.quantiles)) expect(values).toContain(q);
      expect(values).toEqual(expect.arrayContaining([0, numeric.min, numeric.max]));
      // Negated and written at the column's precision: -26.165 reads -26.16 in a money column.
      expect(Math.abs((valueFor(edges, 'negated median') as number) + numeric.quantiles.p50)).toBeLessThanOrEqual(0.01);
      expect(values.some((v) => typeof v === 'number' && v < numeric.min && v >= numeric.min - 1)).toBe(true);
      expect(valueFor(edges, 'above max') as number).toBeGreaterThan(numeric.max);
      for (const value of values) if (typeof value === 'number') expect(Number.isFinite(value) && !Object.is(value, -0)).toBe(true);
    }
  });

  it('steps at the column precision: 0.01 for a money column, 1 for counts', () => {
    const money = edgeValues(spend);
    expect(valueFor(money, 'negative')).toBe(-0.01);
    expect(valueFor(money, 'below min')).toBe(0.98);
    expect(valueFor(money, 'above max')).toBe(120.01);
    expect(valueFor(edgeValues(visits), 'negative')).toBe(-1);
  });

  it('puts the median between its neighbours: one unit for integers, one ulp and one unit for numbers', () => {
    const counts = edgeValues(visits);
    // Sorted 0 3 4 5 5 7 12: p50 is 5; 6 is also p75 and listed under that reason.
    expect(counts.map((e) => e.value)).toEqual(expect.arrayContaining([4, 6]));
    expect(valueFor(counts, 'p50 - 1')).toBe(4);
    const money = edgeValues(spend);
    const median = spend.numeric!.quantiles.p50;
    const below = valueFor(money, 'p50 - 1 ulp') as number;
    const above = valueFor(money, 'p50 + 1 ulp') as number;
    expect(below).toBeLessThan(median);
    expect(above).toBeGreaterThan(median);
    expect((median + below) / 2 === median || (median + below) / 2 === below).toBe(true);
    expect((median + above) / 2 === median || (median + above) / 2 === above).toBe(true);
    // The median 26.165 is interpolated; its neighbours at the column's two decimals are 26.16 and 26.17.
    expect(median).toBeCloseTo(26.165, 10);
    expect([valueFor(money, 'p50 - 1 unit'), valueFor(money, 'p50 + 1 unit')]).toEqual([26.16, 26.17]);
    const onGrid = edgeValues(columnOf('number', [1.5, 32.37, 40.25]));
    expect([valueFor(onGrid, 'p50 - 1 unit'), valueFor(onGrid, 'p50 + 1 unit')]).toEqual([32.36, 32.38]);
  });

  it('gives integral columns halves and the 2^53 family', () => {
    const edges = edgeValues(visits);
    expect(valuesFor(edges, 'fractional')).toEqual([2.5]);
    expect(valuesFor(edges, 'negative fractional')).toEqual([-2.5]);
    expect(valueFor(edges, 'huge integer 2^53')).toBe(2 ** 53);
    expect(valueFor(edges, 'huge integer 2^53+2')).toBe(2 ** 53 + 2);
    expect(valueFor(edges, 'huge integer -2^53')).toBe(-(2 ** 53));
    expect(valueFor(edges, 'max safe integer')).toBe(Number.MAX_SAFE_INTEGER);
    expect(valueFor(edges, 'int32 overflow 2^31')).toBe(2 ** 31);
    expect(reasons(edgeValues(spend))).not.toContain('huge integer 2^53');
  });

  it('gives fractional columns huge and tiny magnitudes', () => {
    expect(reasons(edgeValues(spend))).toEqual(expect.arrayContaining(['huge magnitude', 'huge negative magnitude', 'tiny magnitude', 'float32 overflow']));
  });

  it('still has the fixed numbers for a column without values', () => {
    const edges = edgeValues(columnOf('integer', [null, null]));
    expect(reasons(edges)).toEqual(expect.arrayContaining(['zero', 'negative', 'huge integer 2^53']));
  });
});

describe('edgeValues: categories and strings', () => {
  const vocabulary = ['basic', 'basic', 'basic', 'premium', 'premium', 'Basic', 'BASIC ', 'standard', 'standard'];
  const plan = columnOf('string', vocabulary);
  const edges = edgeValues(plan);

  it('lists every seen value raw, the others after the variants', () => {
    expect(plan.kind).toBe('category');
    expect(edges.map((e) => e.value)).toEqual(expect.arrayContaining(['basic', 'premium', 'standard', 'Basic', 'BASIC ']));
    // `Basic` is the title-case variant of `basic`: listed once, as the variant.
    expect(valuesFor(edges, 'seen value')).toEqual(['basic', 'premium', 'standard', 'BASIC ']);
    const firstSeen = reasons(edges).indexOf('seen value');
    expect(reasons(edges).slice(firstSeen).every((r) => r === 'seen value')).toBe(true);
  });

  it('invents unseen categories styled like the vocabulary', () => {
    expect(valueFor(edges, 'unseen category')).toBe('enterprise');
    expect(valueFor(edges, 'unseen category suffix')).toBe('basic_v2');
    const countries = edgeValues(columnOf('string', ['US', 'US', 'DE', 'FR', 'DE', 'XX', 'US', 'FR']));
    expect(valueFor(countries, 'unseen category')).toBe('ZZ');
    for (const value of [...valuesFor(edges, 'unseen category'), ...valuesFor(edges, 'unseen category suffix')]) {
      expect(vocabulary.map((v) => v.trim().toLowerCase())).not.toContain(String(value).toLowerCase());
    }
  });

  it('varies case, padding and whitespace of the most frequent value', () => {
    expect(valueFor(edges, 'case variant upper')).toBe('BASIC');
    expect(valueFor(edges, 'case variant title')).toBe('Basic');
    expect(reasons(edges)).not.toContain('case variant lower'); // `basic` is already lower case
    expect(valueFor(edges, 'padded leading space')).toBe(' basic');
    expect(valueFor(edges, 'padded trailing space')).toBe('basic ');
    expect(valueFor(edges, 'padded tab')).toBe('\tbasic');
    expect(valueFor(edges, 'padded nbsp')).toBe('basic\u00a0');
    expect(valueFor(edges, 'zero-width space')).toBe('basic\u200b');
    expect(valueFor(edges, 'whitespace only')).toBe(' ');
    expect(valueFor(edges, 'empty string')).toBe('');
    expect((valueFor(edges, 'long string') as string).length).toBe(LONG_STRING_LENGTH);
  });

  it('decomposes an accented value: a seen one when there is one, else a fixed sample', () => {
    const composed = 'José';
    const nfd = valueFor(edges, 'nfd') as string;
    expect(valueFor(edges, 'accented')).toBe(composed);
    expect(nfd).not.toBe(composed);
    expect(nfd.normalize('NFC')).toBe(composed);
    const cities = edgeValues(columnOf('string', ['Zürich', 'Zürich', 'Genève', 'Bern', 'Bern', 'Genève']));
    expect(valueFor(cities, 'nfd')).toBe('Zürich'.normalize('NFD'));
  });

  it('varies free text from the typical row value', () => {
    const names = columnOf('string', ['Ann Lee', 'Bo Chan', 'Cy Diaz', 'Di Evans']);
    expect(names.kind).toBe('string');
    const text = edgeValues(names, { typical: 'Ann Lee' });
    expect(reasons(text)).not.toContain('unseen category');
    expect(reasons(text)).not.toContain('seen value');
    expect(valueFor(text, 'case variant upper')).toBe('ANN LEE');
    expect(valueFor(text, 'case variant lower')).toBe('ann lee');
    expect(valueFor(text, 'padded trailing space')).toBe('Ann Lee ');
  });
});

describe('edgeValues: dates', () => {
  const formats: Array<[string, string[], Partial<DateProfile>]> = [
    ['date', ['2023-02-10', '2024-06-30'], { format: 'date' }],
    ['datetime-z', ['2023-02-10T08:00:00Z', '2024-06-30T17:45:12Z'], { format: 'datetime-z', separator: 'T' }],
    ['datetime-ms-z', ['2023-02-10T08:00:00.250Z', '2024-06-30T17:45:12.000Z'], { format: 'datetime-ms-z', fractionDigits: 3 }],
    ['datetime-offset', ['2023-02-10T08:00:00+01:00', '2024-06-30T17:45:12+01:00'], { format: 'datetime-offset', offset: '+01:00' }],
    ['datetime-naive', ['2023-02-10 08:00:00', '2024-06-30 17:45:12'], { format: 'datetime-naive', separator: ' ' }],
    ['datetime-naive minutes', ['2023-02-10T08:00', '2024-06-30T17:45'], { format: 'datetime-naive', seconds: false }],
  ];

  it.each(formats)('%s: every value parses back in the column format', (_, values, expected) => {
    const column = columnOf('date', values);
    expect(column.dates).toMatchObject(expected);
    const dates = column.dates!;
    const edges = edgeValues(column).slice(2);
    for (const { value } of edges) {
      const parsed = parseDateText(value as string);
      expect(parsed).not.toBeNull();
      expect(parsed!.format).toBe(dates.format);
      if (dates.format !== 'date') {
        expect(parsed).toMatchObject({ separator: dates.separator, seconds: dates.seconds, fractionDigits: dates.fractionDigits, offset: dates.offset });
      }
    }
    expect(reasons(edges)).toEqual(
      expect.arrayContaining([
        'min', 'max', 'before min', 'after max', 'year start', 'year end', 'month end', 'leap day', 'feb 28 leap year',
        'dst transition US spring', 'dst transition US fall', 'dst transition EU spring', 'dst transition EU fall',
        'epoch', 'far past', 'far future',
      ]),
    );
  });

  it('places DST switches on the right days: instants for zoned columns, local wall clock for naive ones', () => {
    const days = edgeValues(columnOf('date', ['2024-01-05', '2024-06-30']));
    expect(valuesFor(days, 'dst transition US spring')).toEqual(['2024-03-10']);
    expect(valuesFor(days, 'dst transition US fall')).toEqual(['2024-11-03']);
    expect(valuesFor(days, 'dst transition EU spring')).toEqual(['2024-03-31']);
    expect(valuesFor(days, 'dst transition EU fall')).toEqual(['2024-10-27']);
    const utc = edgeValues(columnOf('date', ['2024-01-05T10:00:00Z', '2024-06-30T10:00:00Z']));
    expect(valuesFor(utc, 'dst transition EU spring')).toEqual(['2024-03-31T01:30:00Z']);
    expect(valuesFor(utc, 'dst transition US spring')).toEqual(['2024-03-10T07:30:00Z']);
    expect(valuesFor(utc, 'dst transition US fall')).toEqual(['2024-11-03T06:30:00Z']);
    const naive = edgeValues(columnOf('date', ['2024-01-05 10:00:00', '2024-06-30 10:00:00']));
    expect(valuesFor(naive, 'dst transition EU spring')).toEqual(['2024-03-31 02:30:00']); // does not exist in Europe
    const berlin = edgeValues(columnOf('date', ['2024-01-05T10:00:00+01:00', '2024-06-30T10:00:00+01:00']));
    expect(valuesFor(berlin, 'dst transition EU spring')).toEqual(['2024-03-31T02:30:00+01:00']);
  });

  it('takes DST switches of the latest years in range, and calendar edges around them', () => {
    const edges = edgeValues(columnOf('date', ['2019-01-05T10:00:00Z', '2024-06-30T10:00:00Z']));
    expect(valuesFor(edges, 'dst transition EU spring')).toEqual(['2022-03-27T01:30:00Z', '2023-03-26T01:30:00Z', '2024-03-31T01:30:00Z']);
    expect(valueFor(edges, 'before min')).toBe('2019-01-05T09:59:59Z');
    expect(valueFor(edges, 'after max')).toBe('2024-06-30T10:00:01Z');
    expect(valueFor(edges, 'leap day')).toBe('2020-02-29T00:00:00Z');
    expect(valueFor(edges, 'year end')).toBe('2024-12-31T23:59:59Z');
    expect(valuesFor(edges, 'month end')).toEqual(['2024-01-31T23:59:59Z', '2024-04-30T23:59:59Z', '2023-02-28T23:59:59Z']);
    expect(valuesFor(edges, 'far past')).toEqual(['1900-01-01T00:00:00Z']);
    expect(valuesFor(edges, 'far future')).toEqual(['2099-12-31T23:59:59Z']);
  });
});

describe('edgeValues: booleans and JSON', () => {
  it('gives booleans both values after null', () => {
    expect(edgeValues(columnOf('boolean', [true, true])).map((e) => e.value)).toEqual([null, MISSING, false, true]);
  });

  it('gives JSON columns empty containers', () => {
    expect(edgeValues(columnOf('json', [{ a: 1 }])).map((e) => e.value)).toEqual([null, MISSING, {}, [], '', 0]);
  });
});
