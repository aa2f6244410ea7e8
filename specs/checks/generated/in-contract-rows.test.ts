import fc from 'fast-check';
import { resolveInputContract } from '../../../harness/checks/contract/resolve-contract';
import { MISSING, chooseBaseRows, createRowArbitrary, edgeValues, type GeneratedRow } from '../../../harness/checks/generated';
import type { ColumnContract, InputContract } from '../../../harness/core/input-contract';
import type { ColumnContractOptions } from '../../../harness/core/input-contract';
import type { Row } from '../../../harness/core/row';
import { profileRows, rowViolations, satisfiesContract, type ColumnProfile } from '../../../harness/profile';
import { columnsOf, readChurnExample, sourceRows } from '../../profile/profile-fixtures';
import { accountProfile, accountRows } from './generated-fixtures';

const rows = sourceRows(accountRows());
const profile = accountProfile();
const contractOf = (options: Record<string, ColumnContractOptions> = {}) => resolveInputContract(rows, profile, options);
const generate = (contract: InputContract, seed: number, numRuns = 600): GeneratedRow[] =>
  fc.sample(createRowArbitrary(profile, chooseBaseRows(rows.filter((r) => satisfiesContract(contract, r.values)), profile, 10), { contract }), { seed, numRuns });
const valuesOf = (generated: GeneratedRow[], column: string) => generated.filter((g) => g.changes[column]).map((g) => g.changes[column]!.value);

describe('in-contract generated rows', () => {
  const contract = contractOf();
  const generated = generate(contract, 31);

  it('all satisfy the learned contract (property)', () => {
    fc.assert(
      fc.property(createRowArbitrary(profile, chooseBaseRows(rows, profile, 10), { contract }), (g) => {
        expect(rowViolations(contract, g.row)).toEqual([]);
      }),
      { seed: 32, numRuns: 500 },
    );
  });

  it('leave no column out, put null only where training has nulls, and no fraction in an integer column', () => {
    expect(generated.some((g) => Object.values(g.changes).some((c) => c.value === MISSING))).toBe(false);
    const nulls = new Set(generated.flatMap((g) => Object.entries(g.changes).filter(([, c]) => c.value === null).map(([name]) => name)));
    expect([...nulls]).toEqual(['amount']); // the only column with nulls in the sample
    expect(valuesOf(generated, 'visits').every((v) => Number.isInteger(v))).toBe(true);
  });

  it('keep the skew-prone values that are valid input: unseen categories, variants, negatives, huge integers, DST dates', () => {
    const plans = valuesOf(generated, 'plan');
    expect(plans).toEqual(expect.arrayContaining(['enterprise', 'BASIC', ' basic', 'basic\u00a0']));
    expect(valuesOf(generated, 'visits')).toEqual(expect.arrayContaining([-1, 2 ** 53]));
    expect(valuesOf(generated, 'amount').some((v) => typeof v === 'number' && v < 0)).toBe(true);
    const reasons = generated.flatMap((g) => Object.values(g.changes).map((c) => c.reason));
    expect(reasons).toEqual(expect.arrayContaining(['leap day', 'month end', 'far future']));
    expect(reasons.some((r) => r.startsWith('dst transition'))).toBe(true);
  });

  it('follow a widened contract: null and absent values where config allows them', () => {
    const widened = contractOf({ plan: { nullable: true, optional: true } });
    const rowsOut = generate(widened, 33);
    expect(valuesOf(rowsOut, 'plan')).toEqual(expect.arrayContaining([null, MISSING]));
    for (const g of rowsOut) expect(satisfiesContract(widened, g.row)).toBe(true);
  });

  it('follow a narrowed contract: a closed list of values, the only values ever sent', () => {
    const narrowed = contractOf({ plan: { values: ['basic', 'standard'] } });
    const rowsOut = generate(narrowed, 34);
    expect(new Set(rowsOut.map((g) => g.row.plan))).toEqual(new Set(['basic', 'standard']));
  });

  it('on the churn example: every generated row satisfies the contract learned from the training data', async () => {
    const churn = await readChurnExample();
    const churnProfile = profileRows(churn.rows, churn.columns);
    const learned = resolveInputContract(churn.rows, churnProfile, {});
    const arbitrary = createRowArbitrary(churnProfile, chooseBaseRows(churn.rows, churnProfile), { contract: learned });
    fc.assert(fc.property(arbitrary, (g) => expect(rowViolations(learned, g.row)).toEqual([])), { seed: 35, numRuns: 400 });
  });
});

describe('edgeValues with a contract', () => {
  const columnOf = (type: 'integer' | 'string', values: unknown[]): ColumnProfile =>
    profileRows(sourceRows(values.map((c) => ({ c }) as Row)), columnsOf({ c: type })).columns[0]!;
  const closedOver = (column: ColumnProfile, contract: Partial<ColumnContract>): ColumnContract => ({
    name: 'c', optional: false, nullable: false, format: { kind: 'integer' }, values: null, vocabulary: null, configured: [], ...contract,
  });

  it('drops null, a missing column and fractions from a never-null integer column, and keeps 2^53', () => {
    const visits = columnOf('integer', [0, 3, 5, 7, 12]);
    const values = edgeValues(visits, { contract: closedOver(visits, {}) }).map((e) => e.value);
    expect(values).not.toContain(null);
    expect(values).not.toContain(MISSING);
    expect(values.filter((v) => typeof v === 'number' && !Number.isInteger(v))).toEqual([]);
    expect(values).toEqual(expect.arrayContaining([0, -1, 12, 13, 2 ** 53, Number.MAX_SAFE_INTEGER]));
  });

  it('gives a numeric-text column numbers as text, not words or invisible characters', () => {
    const zips = columnOf('string', ['00123', '04100', '99123', '00123']);
    const values = edgeValues(zips, { typical: '00123', contract: closedOver(zips, { format: { kind: 'numeric-text', empty: false } }) }).map((e) => e.value);
    expect(values).toEqual(expect.arrayContaining(['0', '-00123', ' 00123', '00123\u00a0', '999999']));
    expect(values.every((v) => typeof v === 'string' && /^[\s\u00a0]*-?\d+[\s\u00a0]*$/.test(v))).toBe(true);
  });
});
