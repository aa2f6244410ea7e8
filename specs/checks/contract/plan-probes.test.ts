import fc from 'fast-check';
import { planProbes } from '../../../harness/checks/contract/plan-probes';
import { resolveInputContract } from '../../../harness/checks/contract/resolve-contract';
import { chooseBaseRows } from '../../../harness/checks/generated';
import { PROBE_KINDS } from '../../../harness/core/contract-probe';
import type { ColumnContractOptions } from '../../../harness/core/input-contract';
import type { Row } from '../../../harness/core/row';
import { profileRows, rowViolations, type DataProfile } from '../../../harness/profile';
import { columnsOf, readChurnExample, sourceRows } from '../../profile/profile-fixtures';
import { ACCOUNT_COLUMNS, accountRows } from '../generated/generated-fixtures';
import { readSubscriptions, type Subscriptions } from '../../source/numbers-as-text-fixtures';

/** Every probe breaks exactly the clause it names, in the column it names, and changes nothing else. */
function expectOneViolationEach(rows: Row[], profile: DataProfile, options: Record<string, ColumnContractOptions> = {}, seed = 1): number {
  const source = sourceRows(rows);
  const contract = resolveInputContract(source, profile, options);
  const base = chooseBaseRows(source.filter((r) => rowViolations(contract, r.values).length === 0), profile, 1)[0]!;
  const { probes } = planProbes(contract, profile, base, { max: 1000, seed });
  for (const probe of probes) {
    expect(rowViolations(contract, probe.row)).toEqual([{ column: probe.column, clause: probe.clause }]);
    for (const name of Object.keys(base)) if (name !== probe.column) expect(probe.row[name]).toEqual(base[name]);
  }
  return probes.length;
}

describe('planProbes', () => {
  const rows = accountRows();
  const profile = profileRows(sourceRows(rows), ACCOUNT_COLUMNS);
  const contract = resolveInputContract(sourceRows(rows), profile, {});
  const base = chooseBaseRows(sourceRows(rows), profile, 1)[0]!;

  it('makes a probe per kind × column the contract has a clause for, none for keys or labels', () => {
    const { probes, possible } = planProbes(contract, profile, base, { max: 1000, seed: 1 });
    expect(probes).toHaveLength(possible);
    const keys = probes.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining([
      'probe:missing-column:plan', 'probe:null-value:plan', 'probe:number-in-text:plan', 'probe:empty-string:plan',
      'probe:null-value:visits', 'probe:number-as-string:visits', 'probe:text-in-number:visits', 'probe:float-in-integer:visits',
      'probe:number-as-string:amount', 'probe:malformed-date:signup', 'probe:empty-string:signup', 'probe:boolean-as-string:active',
    ]));
    // amount has nulls in training: null there is valid input, not a probe; a decimal column has no integer-ness to break.
    expect(keys).not.toContain('probe:null-value:amount');
    expect(keys).not.toContain('probe:float-in-integer:amount');
    expect(probes.some((p) => p.column === 'id' || p.column === 'churned')).toBe(false);
  });

  it('builds probe values from the base row, as real data gone wrong looks', () => {
    const { probes } = planProbes(contract, profile, base, { max: 1000, seed: 1 });
    const value = (key: string) => probes.find((p) => p.key === key)!;
    expect(value('probe:number-as-string:visits').value).toBe(String(base.visits));
    expect(value('probe:float-in-integer:visits').value).toBe((base.visits as number) + 0.5);
    const [year, month, day] = String(base.signup).split('-');
    expect(value('probe:malformed-date:signup').value).toBe(`${day}/${month}/${year}`);
    expect(value('probe:missing-column:plan').row).not.toHaveProperty('plan');
    expect(value('probe:missing-column:plan').description).toBe(`plan: ${JSON.stringify(base.plan)} → (missing)`);
  });

  it('every probe breaks exactly one clause of one column (property over generated data sets)', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -50, max: 50 }));
    const row = fc.record(
      { id: fc.uuid(), n: value, x: fc.double({ min: -5, max: 5, noNaN: true }), s: fc.constantFrom('a', 'b', '', 'x y', '12'), z: fc.constantFrom('001', '042', ' 7'), d: fc.constantFrom('2024-01-01', '2023-06-30'), b: fc.boolean() },
      { requiredKeys: ['id', 'x', 'd'] },
    );
    const types = columnsOf({ id: 'string', n: 'integer', x: 'number', s: 'string', z: 'string', d: 'date', b: 'boolean' }, { id: 'key' });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.boolean(), (rowsOut, closed) => {
        const profiled = profileRows(sourceRows(rowsOut), types);
        const options: Record<string, ColumnContractOptions> = closed ? { n: { values: [1, 2, 3] }, s: { values: ['a', 'b'] } } : {};
        const usable = rowsOut.filter((r) => !closed || ((r.n === undefined || r.n === null || [1, 2, 3].includes(r.n)) && (r.s === undefined || ['a', 'b'].includes(r.s))));
        if (usable.length === 0) return;
        expectOneViolationEach(usable, profiled, closed ? { ...options, n: { ...options.n, nullable: true, optional: true }, s: { ...options.s, optional: true } } : {});
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it('every probe of the churn example breaks exactly one clause, also with config widening and narrowing', async () => {
    const churn = await readChurnExample();
    const churnRows = churn.rows.map((r) => r.values);
    const churnProfile = profileRows(churn.rows, churn.columns);
    expect(expectOneViolationEach(churnRows, churnProfile)).toBeGreaterThan(25);
    expectOneViolationEach(churnRows, churnProfile, { country: { nullable: false, values: ['US', 'DE'] }, plan: { optional: true }, signup_date: { format: 'date' } });
  });

  it('caps the set round-robin over kinds, deterministically by seed', () => {
    const all = planProbes(contract, profile, base, { max: 1000, seed: 1 });
    const capped = planProbes(contract, profile, base, { max: 6, seed: 1 });
    expect(capped.possible).toBe(all.possible);
    expect(capped.probes).toHaveLength(6);
    // Every kind that applies appears once before any appears twice.
    const kinds = new Set(all.probes.map((p) => p.kind));
    const first = planProbes(contract, profile, base, { max: kinds.size, seed: 9 }).probes.map((p) => p.kind);
    expect(new Set(first)).toEqual(kinds);
    expect(first).toEqual(PROBE_KINDS.filter((k) => kinds.has(k)));
    expect(planProbes(contract, profile, base, { max: 12, seed: 3 })).toEqual(planProbes(contract, profile, base, { max: 12, seed: 3 }));
    const columnsBySeed = new Set([1, 2, 3, 4, 5].map((seed) => planProbes(contract, profile, base, { max: 1, seed }).probes[0]!.column));
    expect(columnsBySeed.size).toBeGreaterThan(1);
  });
});

describe('planProbes on a column mixing JSON numbers and numbers written as text', () => {
  let data: Subscriptions;
  let profile: DataProfile;
  beforeAll(async () => {
    data = await readSubscriptions();
    profile = profileRows(data.rows, data.columns);
  });

  it('sends no number as a string there (training does, so it is valid input), but still words, "", null and a left-out value', () => {
    const contract = resolveInputContract(data.rows, profile, {});
    const base = chooseBaseRows(data.rows, profile, 1)[0]!;
    const keys = planProbes(contract, profile, base, { max: 1000, seed: 1 }).probes.map((p) => p.key);
    expect(keys.filter((k) => k.endsWith(':monthly_price')).sort()).toEqual(
      ['probe:empty-string:monthly_price', 'probe:missing-column:monthly_price', 'probe:non-numeric-text:monthly_price', 'probe:null-value:monthly_price'],
    );
    expect(keys).toContain('probe:float-in-integer:seats');
    expect(keys).not.toContain('probe:number-as-string:seats');
    expect(keys).not.toContain('probe:text-in-number:seats');
    expect(expectOneViolationEach(data.rows.map((r) => r.values), profile)).toBe(keys.length);
  });

  it('every probe breaks exactly one clause, also where config narrows or changes the column', () => {
    const rows = data.rows.map((r) => r.values);
    expectOneViolationEach(rows, profile, { monthly_price: { values: [7.99, '39.00', 9.5, 12.5, 14.99, 17.5, 19.99, 24.99, 29.5, 34.99, 44.5, '59.00'] } });
    expectOneViolationEach(rows, profile, { seats: { format: 'decimal' } });
  });
});
