import fc from 'fast-check';
import { profileRows, quantile, type ColumnProfile, type DataProfile } from '../../harness/profile';
import { columnsOf, readChurnExample, sourceRows } from './profile-fixtures';

const columnNamed = (profile: DataProfile, name: string): ColumnProfile => {
  const column = profile.columns.find((c) => c.name === name);
  if (column === undefined) throw new Error(`no column ${name}`);
  return column;
};

describe('quantile', () => {
  it('interpolates linearly between the closest ranks (numpy and pandas default)', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 0.75)).toBe(3.25);
    expect(quantile(sorted, 1)).toBe(4);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('keeps equal neighbours exact instead of adding a rounding error', () => {
    expect(quantile([0.1, 0.1, 0.1], 0.37)).toBe(0.1);
  });

  it('is monotone in q and stays within the range (property)', () => {
    const values = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a, b) => {
        const sorted = Float64Array.from(xs).sort();
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(quantile(sorted, lo)).toBeLessThanOrEqual(quantile(sorted, hi));
        expect(quantile(sorted, lo)).toBeGreaterThanOrEqual(sorted[0]!);
        expect(quantile(sorted, hi)).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
      }),
    );
  });
});

describe('profileRows on hand-made rows', () => {
  const rows = sourceRows([
    { id: 'a1', amount: 10.5, visits: 3, plan: 'basic', active: true, meta: { a: 1 } },
    { id: 'a2', amount: -2.25, visits: 0, plan: 'Basic', active: false, meta: null },
    { id: 'a3', amount: 0, visits: null, plan: 'basic ', active: true },
    { id: 'a4', amount: null, visits: 12, plan: 'premium', active: null },
    { id: 'a5', amount: 4, visits: 5, plan: 'basic', active: true },
    { id: 'a6', amount: 1e-7, visits: 7, plan: 'PREMIUM', active: true },
  ]);
  const columns = columnsOf(
    { id: 'string', amount: 'number', visits: 'integer', plan: 'string', active: 'boolean', meta: 'json' },
    { id: 'key' },
  );
  const profile = profileRows(rows, columns);

  it('has one column per input column, in order, with type and role', () => {
    expect(profile.rows).toBe(6);
    expect(profile.columns.map((c) => [c.name, c.type, c.kind, c.role])).toEqual([
      ['id', 'string', 'string', 'key'],
      ['amount', 'number', 'number', 'input'],
      ['visits', 'integer', 'integer', 'input'],
      ['plan', 'string', 'category', 'input'],
      ['active', 'boolean', 'boolean', 'input'],
      ['meta', 'json', 'json', 'input'],
    ]);
  });

  it('counts nulls and absent keys alike in the null rate', () => {
    expect(columnNamed(profile, 'amount')).toMatchObject({ count: 5, nullRate: 1 / 6 });
    expect(columnNamed(profile, 'meta')).toMatchObject({ count: 1, nullRate: 5 / 6 });
    expect(columnNamed(profile, 'id')).toMatchObject({ count: 6, nullRate: 0 });
  });

  it('profiles numbers: range, mean, quantiles, integrality, signs and decimals', () => {
    const amount = columnNamed(profile, 'amount').numeric!;
    expect(amount).toMatchObject({ min: -2.25, max: 10.5, integral: false, negativeRate: 0.2, zeroRate: 0.2, decimals: 7 });
    expect(amount.mean).toBeCloseTo((10.5 - 2.25 + 0 + 4 + 1e-7) / 5, 12);
    expect(amount.quantiles.p50).toBe(1e-7);
    expect(amount.quantiles.p25).toBe(0);
    const visits = columnNamed(profile, 'visits').numeric!;
    expect(visits).toMatchObject({ min: 0, max: 12, integral: true, decimals: 0, zeroRate: 0.2 });
    // Sorted 0 3 5 7 12: p5 sits at rank 0.2, between 0 and 3.
    expect(visits.quantiles).toMatchObject({ p1: 0.12, p25: 3, p50: 5, p75: 7, p95: 11, p99: 11.8 });
    expect(visits.quantiles.p5).toBeCloseTo(0.6, 12);
  });

  it('profiles booleans and leaves JSON columns to count and null rate', () => {
    expect(columnNamed(profile, 'active').booleans).toEqual({ trueRate: 0.8 });
    expect(columnNamed(profile, 'meta')).toMatchObject({ kind: 'json', numeric: null, strings: null, dates: null, booleans: null });
  });

  it('keeps a category vocabulary raw, most frequent first', () => {
    expect(columnNamed(profile, 'plan').strings?.vocabulary).toEqual([
      { value: 'basic', count: 2 },
      { value: 'Basic', count: 1 },
      { value: 'basic ', count: 1 },
      { value: 'premium', count: 1 },
      { value: 'PREMIUM', count: 1 },
    ]);
  });

  it('is plain data: JSON round-trips it unchanged, and the same rows give the same profile', () => {
    expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
    expect(profileRows(rows, columns)).toEqual(profile);
  });

  it('profiles no rows without dividing by zero', () => {
    const empty = profileRows([], columns);
    expect(empty.rows).toBe(0);
    for (const column of empty.columns) expect(column).toMatchObject({ count: 0, nullRate: 0 });
    expect(columnNamed(empty, 'amount').numeric).toBeNull();
  });
});

describe('category detection', () => {
  const profileOf = (values: string[]) => profileRows(sourceRows(values.map((v) => ({ s: v }))), columnsOf({ s: 'string' })).columns[0]!;

  it('folds case and padding: many spellings of few values are a category', () => {
    const spellings = ['basic', 'Basic', 'BASIC', ' basic', 'basic ', 'premium', 'Premium', 'PREMIUM '];
    const column = profileOf([...spellings, ...spellings]);
    expect(column.kind).toBe('category');
    expect(column.strings?.vocabulary).toHaveLength(8);
  });

  it('identifiers (all distinct) and free text are not categories', () => {
    expect(profileOf(Array.from({ length: 40 }, (_, i) => `C${String(i).padStart(5, '0')}`)).kind).toBe('string');
    expect(profileOf(Array.from({ length: 200 }, (_, i) => `comment number ${i % 60}`)).kind).toBe('string');
    expect(profileOf(Array.from({ length: 200 }, (_, i) => `comment number ${i % 60}`)).strings?.vocabulary).toBeNull();
  });

  it('a value seen once is no category; fifty values seen twice are', () => {
    expect(profileOf(['x']).kind).toBe('string');
    const fifty = Array.from({ length: 50 }, (_, i) => `v${i}`);
    expect(profileOf([...fifty, ...fifty]).kind).toBe('category');
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `v${i}`);
    expect(profileOf([...fiftyOne, ...fiftyOne]).kind).toBe('string');
  });
});

describe('string shapes', () => {
  it('measures lengths, padding, emptiness, case and non-ASCII', () => {
    const values = ['alpha', ' Beta', 'GAMMA ', '', 'Zürich', '42', '\tdelta'];
    const column = profileRows(sourceRows(values.map((v) => ({ s: v }))), columnsOf({ s: 'string' })).columns[0]!;
    const strings = column.strings!;
    expect(strings).toMatchObject({ minLength: 0, maxLength: 6, paddedRate: 3 / 7, emptyRate: 1 / 7, nonAsciiRate: 1 / 7 });
    // Cased values: alpha, delta (lower); GAMMA (upper); Beta, Zürich (mixed). '' and '42' have no letters.
    expect(strings.caseShape).toEqual({ lower: 2 / 5, upper: 1 / 5, mixed: 2 / 5 });
  });
});

describe('date formats', () => {
  const datesOf = (values: string[]) => profileRows(sourceRows(values.map((v) => ({ d: v }))), columnsOf({ d: 'date' })).columns[0]!.dates;

  it.each([
    [['2024-03-01', '2023-12-31'], { format: 'date', min: '2023-12-31', max: '2024-03-01' }],
    [['2024-03-01T10:00:00Z', '2024-03-01T09:00:00Z'], { format: 'datetime-z', separator: 'T', seconds: true, fractionDigits: 0, offset: null }],
    [['2024-03-01T10:00:00.123Z', '2024-03-02T10:00:00.000Z'], { format: 'datetime-ms-z', fractionDigits: 3 }],
    [['2024-03-01T10:00:00+01:00', '2024-07-01T10:00:00+01:00', '2024-07-01T10:00:00+02:00'], { format: 'datetime-offset', offset: '+01:00' }],
    [['2024-03-01 10:00:00', '2024-03-02 11:30:00'], { format: 'datetime-naive', separator: ' ', seconds: true }],
    [['2024-03-01T10:00', '2024-03-02T11:30'], { format: 'datetime-naive', separator: 'T', seconds: false }],
  ] as const)('detects %j', (values, expected) => {
    expect(datesOf([...values])).toMatchObject(expected);
  });

  it('takes the format most values are written in, and orders the range by instant', () => {
    // 2024-01-01T00:30+02:00 is 2023-12-31T22:30Z: earlier than 23:00Z although its text sorts later.
    const dates = datesOf(['2024-01-01T00:30:00+02:00', '2023-12-31T23:00:00Z', '2024-01-02T00:00:00Z', 'not a date']);
    expect(dates).toMatchObject({ format: 'datetime-z', min: '2024-01-01T00:30:00+02:00', max: '2024-01-02T00:00:00Z' });
    expect(datesOf(['2024-01-01T00:30:00+02:00', '2023-12-31T22:00:00Z'])?.min).toBe('2023-12-31T22:00:00Z');
  });

  it('has no date profile without a parseable value', () => {
    expect(datesOf([])).toBeNull();
  });
});

describe('profileRows on the bundled churn example', () => {
  let profile: DataProfile;
  beforeAll(async () => {
    const { rows, columns } = await readChurnExample();
    profile = profileRows(rows, columns);
  });

  it('profiles every column of the training CSV with its role', () => {
    expect(profile.rows).toBe(3000);
    expect(profile.columns.map((c) => `${c.name}:${c.kind}:${c.role}`)).toEqual([
      'customer_id:string:key',
      'signup_date:date:input',
      'reference_date:date:input',
      'last_login_at:date:input',
      'plan:category:input',
      'country:category:input',
      'monthly_spend:number:input',
      'sessions_last_30d:integer:input',
      'support_tickets:integer:input',
      'avg_session_minutes:number:input',
      'churned:integer:label',
    ]);
  });

  it('sees the raw plan spellings, most frequent first, and country nulls', () => {
    const plan = columnNamed(profile, 'plan').strings!;
    expect(plan.vocabulary?.slice(0, 3)).toEqual([
      { value: 'basic', count: 1038 },
      { value: 'standard', count: 816 },
      { value: 'premium', count: 350 },
    ]);
    expect(plan.vocabulary?.map((v) => v.value)).toContain('BASIC ');
    expect(plan.paddedRate).toBeGreaterThan(0.1);
    expect(columnNamed(profile, 'country').nullRate).toBeCloseTo(92 / 3000, 12);
    expect(columnNamed(profile, 'customer_id').strings?.vocabulary).toBeNull();
  });

  it('reads numbers and dates as the data writes them', () => {
    expect(columnNamed(profile, 'monthly_spend').numeric).toMatchObject({ min: 0, decimals: 2, integral: false });
    expect(columnNamed(profile, 'sessions_last_30d').numeric).toMatchObject({ integral: true, decimals: 0 });
    expect(columnNamed(profile, 'sessions_last_30d').nullRate).toBeCloseTo(241 / 3000, 12);
    expect(columnNamed(profile, 'signup_date').dates).toMatchObject({ format: 'date' });
    expect(columnNamed(profile, 'last_login_at').dates).toMatchObject({ format: 'datetime-z', separator: 'T', seconds: true, fractionDigits: 0 });
  });
});
