import fc from 'fast-check';
import type { ColumnContract } from '../../harness/core/input-contract';
import type { ColumnType, Row } from '../../harness/core/row';
import { columnViolations, learnInputContract, profileRows, rowViolations, satisfiesContract } from '../../harness/profile';
import { columnsOf, readChurnExample, sourceRows } from './profile-fixtures';

const learn = (rows: Row[], types: Record<string, ColumnType>) => {
  const source = sourceRows(rows);
  return learnInputContract(source, profileRows(source, columnsOf(types, { id: 'key', label: 'label' })));
};
const column = (contract: { columns: ColumnContract[] }, name: string) => contract.columns.find((c) => c.name === name)!;

describe('learnInputContract', () => {
  const contract = learn(
    [
      { id: 'a', label: 1, plan: 'basic', visits: 3, spend: 19.96, zip: '00123', signup: '2024-01-05', seen: '2024-01-05T10:00:00Z', vip: true, note: 'hi' },
      { id: 'b', label: 0, plan: 'basic', visits: null, spend: 5, zip: '04100', signup: '2024-02-29', seen: '2024-02-01T08:30:00.250Z', vip: false, note: '' },
      { id: 'c', label: 1, plan: 'pro', visits: 12, spend: 0.5, zip: ' 99 ', signup: '2023-12-31', seen: '2024-03-01T00:00:00Z', vip: true },
    ],
    { id: 'string', label: 'integer', plan: 'string', visits: 'integer', spend: 'number', zip: 'string', signup: 'date', seen: 'date', vip: 'boolean', note: 'string' },
  );

  it('has a clause set per input column, never for the key or the label', () => {
    expect(contract.columns.map((c) => c.name)).toEqual(['plan', 'visits', 'spend', 'zip', 'signup', 'seen', 'vip', 'note']);
  });

  it('learns presence and nulls separately: absent keys make a column optional, nulls nullable', () => {
    expect(column(contract, 'plan')).toMatchObject({ optional: false, nullable: false });
    expect(column(contract, 'visits')).toMatchObject({ optional: false, nullable: true });
    expect(column(contract, 'note')).toMatchObject({ optional: true, nullable: false });
  });

  it('learns the format: integer vs decimal by type, numeric text, date layouts, empty text', () => {
    expect(column(contract, 'visits').format).toEqual({ kind: 'integer' });
    expect(column(contract, 'spend').format).toEqual({ kind: 'decimal' });
    expect(column(contract, 'zip').format).toEqual({ kind: 'numeric-text', empty: false });
    expect(column(contract, 'plan').format).toEqual({ kind: 'text', empty: false });
    expect(column(contract, 'note').format).toEqual({ kind: 'text', empty: true });
    expect(column(contract, 'signup').format).toEqual({ kind: 'date', layouts: ['date'] });
    expect(column(contract, 'seen').format).toEqual({ kind: 'date', layouts: ['datetime-z', 'datetime-ms-z'] });
    expect(column(contract, 'vip').format).toEqual({ kind: 'boolean' });
  });

  it('keeps category vocabularies for reports, but leaves the contract open to unseen categories', () => {
    const plans = learn(
      Array.from({ length: 8 }, (_, i) => ({ id: String(i), plan: ['basic', 'pro'][i % 2] })),
      { id: 'string', plan: 'string' },
    );
    expect(column(plans, 'plan')).toMatchObject({ vocabulary: ['basic', 'pro'], values: null });
    expect(columnViolations(column(plans, 'plan'), true, 'enterprise')).toEqual([]);
  });

  it('gives a column without a single value the format any', () => {
    expect(column(learn([{ id: 'a', x: null }], { id: 'string', x: 'string' }), 'x')).toMatchObject({ nullable: true, format: { kind: 'any' } });
  });

  it('is satisfied by every row it was learned from (property, JSON Lines-like rows with absent keys and nulls)', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 1000 }));
    const text = fc.oneof(fc.constant(null), fc.constantFrom('', 'a', ' b', '12', 'x y'));
    const row = fc.record({ id: fc.string(), n: value, s: text, d: fc.constantFrom('2024-01-01', '2024-01-01T10:00:00Z', '2024-01-01 10:00') }, { requiredKeys: ['id'] });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const source = sourceRows(rows);
        const learned = learnInputContract(source, profileRows(source, columnsOf({ id: 'string', n: 'integer', s: 'string', d: 'date' }, { id: 'key' })));
        for (const r of source) expect(rowViolations(learned, r.values)).toEqual([]);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it('on the churn example: every column always present; nulls only where training has them', async () => {
    const { rows, columns } = await readChurnExample();
    const learned = learnInputContract(rows, profileRows(rows, columns));
    expect(learned.columns.every((c) => !c.optional)).toBe(true);
    expect(learned.columns.filter((c) => c.nullable).map((c) => c.name).sort()).toEqual(['country', 'monthly_spend', 'sessions_last_30d']);
    expect(column(learned, 'last_login_at').format).toEqual({ kind: 'date', layouts: ['datetime-z'] });
    expect(rows.every((row) => satisfiesContract(learned, row.values))).toBe(true);
  });
});

describe('columnViolations', () => {
  const integer: ColumnContract = { name: 'n', optional: false, nullable: false, format: { kind: 'integer' }, values: null, vocabulary: null, configured: [] };

  it('holds clauses in order, so a malformed value breaks one: present, non-null, type, format', () => {
    expect(columnViolations(integer, false, undefined)).toEqual(['present']);
    expect(columnViolations(integer, true, null)).toEqual(['non-null']);
    expect(columnViolations(integer, true, '3')).toEqual(['type']);
    expect(columnViolations(integer, true, 2.5)).toEqual(['format']);
    expect(columnViolations(integer, true, 2 ** 53)).toEqual([]);
  });

  it('checks a closed list of values on values of the right type', () => {
    const closed = { ...integer, values: [1, 2] };
    expect(columnViolations(closed, true, 2)).toEqual([]);
    expect(columnViolations(closed, true, 3)).toEqual(['values']);
    expect(columnViolations(closed, true, 'x')).toEqual(['type']);
  });

  it('reads numeric text and date layouts as the source reader does', () => {
    const zip: ColumnContract = { ...integer, format: { kind: 'numeric-text', empty: false } };
    expect(columnViolations(zip, true, ' 00123\u00a0')).toEqual([]);
    expect(columnViolations(zip, true, '12a')).toEqual(['format']);
    expect(columnViolations(zip, true, '')).toEqual(['format']);
    const day: ColumnContract = { ...integer, format: { kind: 'date', layouts: ['date'] } };
    expect(columnViolations(day, true, '2024-03-01')).toEqual([]);
    expect(columnViolations(day, true, '2024-03-01T00:00:00Z')).toEqual(['format']);
    expect(columnViolations(day, true, '01/03/2024')).toEqual(['format']);
  });
});
