import fc from 'fast-check';
import { MISSING, chooseBaseRows, createRowArbitrary, type GeneratedRow } from '../../../harness/checks/generated';
import type { Row } from '../../../harness/core/row';
import { ConfigError } from '../../../harness/errors';
import { profileRows, type DataProfile } from '../../../harness/profile';
import { readChurnExample, sourceRows } from '../../profile/profile-fixtures';
import { ACCOUNT_INPUTS, accountProfile, accountRows } from './generated-fixtures';

const profile = accountProfile();
const baseRows = chooseBaseRows(sourceRows(accountRows()), profile, 10);
const rows = createRowArbitrary(profile, baseRows);
const seenPlans = profile.columns.find((c) => c.name === 'plan')!.strings!.vocabulary!.map((v) => v.value);
const hasUnseenPlan = (g: GeneratedRow) => typeof g.row.plan === 'string' && !seenPlans.includes(g.row.plan);
const changed = (g: GeneratedRow) => Object.keys(g.changes);

describe('createRowArbitrary: generated rows', () => {
  it('hold every column except those set to MISSING, and agree with their base row elsewhere', () => {
    fc.assert(
      fc.property(rows, (g) => {
        const base = baseRows[g.base]!;
        for (const name of Object.keys(base)) {
          const change = g.changes[name];
          if (change === undefined) expect(g.row[name]).toBe(base[name]);
          else {
            expect(change.from).toBe(base[name]);
            if (change.value === MISSING) expect(Object.hasOwn(g.row, name)).toBe(false);
            else expect(g.row[name]).toEqual(change.value);
            expect(change.reason).toMatch(/^[\w ^+-]+$/);
          }
        }
        expect(Object.keys(g.row).every((name) => Object.hasOwn(base, name))).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('keep the key and the label of their base row', () => {
    fc.assert(
      fc.property(rows, (g) => {
        expect(g.row.id).toBe(baseRows[g.base]!.id);
        expect(g.row.churned).toBe(baseRows[g.base]!.churned);
        expect(g.changes.id).toBeUndefined();
        expect(g.changes.churned).toBeUndefined();
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('are copies: changing a generated row changes neither its base row nor later rows', () => {
    const meta = profileRows(sourceRows([{ id: 'a', meta: { tags: ['x'] } }, { id: 'b', meta: { tags: [] } }]), [
      { name: 'id', type: 'string', typeSource: 'inferred', role: 'key' },
      { name: 'meta', type: 'json', typeSource: 'inferred', role: 'input' },
    ]);
    const metaBase: Row[] = [{ id: 'a', meta: { tags: ['x'] } }];
    const arb = createRowArbitrary(meta, metaBase);
    for (const g of fc.sample(arb, { seed: 5, numRuns: 100 })) {
      if (typeof g.row.meta === 'object' && g.row.meta !== null) Object.assign(g.row.meta, { mutated: true });
    }
    expect(metaBase).toEqual([{ id: 'a', meta: { tags: ['x'] } }]);
    expect(fc.sample(arb, { seed: 5, numRuns: 100 }).some((g) => JSON.stringify(g.row).includes('mutated'))).toBe(false);
  });

  it('change every input column at some point, one or two per row on average', () => {
    const sample = fc.sample(rows, { seed: 13, numRuns: 400 });
    const counts = sample.map((g) => changed(g).length);
    const average = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(average).toBeGreaterThanOrEqual(0.5);
    expect(average).toBeLessThanOrEqual(3);
    const touched = new Set(sample.flatMap(changed));
    expect([...touched].sort()).toEqual([...ACCOUNT_INPUTS].sort());
    expect(sample.some((g) => Object.values(g.changes).some((c) => c.value === MISSING))).toBe(true);
    expect(new Set(sample.map((g) => g.base)).size).toBe(baseRows.length);
  });

  it('are mostly edge values, sometimes plausible in-range values', () => {
    const reasons = fc.sample(rows, { seed: 14, numRuns: 400 }).flatMap((g) => Object.values(g.changes).map((c) => c.reason));
    const plain = reasons.filter((r) => r === 'in range' || r === 'seen value' || r === 'random text').length;
    expect(plain).toBeGreaterThan(0);
    expect(plain / reasons.length).toBeLessThan(0.5);
  });

  it('target a different number of changes per row on request', () => {
    const average = (changesPerRow: number) => {
      const sample = fc.sample(createRowArbitrary(profile, baseRows, { changesPerRow }), { seed: 15, numRuns: 300 });
      return sample.reduce((sum, g) => sum + changed(g).length, 0) / sample.length;
    };
    expect(average(4)).toBeGreaterThan(average(1) + 1.5);
  });
});

describe('createRowArbitrary: overrides', () => {
  it('pin, restrict, replace and switch off columns', () => {
    const arb = createRowArbitrary(profile, baseRows, {
      columns: { active: { constant: false }, plan: { values: ['gold', 'silver'] }, visits: fc.constantFrom(-7, -8), name: false },
    });
    const sample = fc.sample(arb, { seed: 21, numRuns: 300 });
    for (const g of sample) {
      expect(g.row.active).toBe(false);
      expect(['gold', 'silver', baseRows[g.base]!.plan]).toContain(g.row.plan);
      expect([-7, -8, baseRows[g.base]!.visits]).toContain(g.row.visits);
      expect(g.changes.name).toBeUndefined();
      if (g.changes.plan) expect(g.changes.plan.reason).toBe('override value');
      if (g.changes.visits) expect(g.changes.visits.reason).toBe('override');
      if (g.changes.active) expect(g.changes.active).toEqual({ from: true, value: false, reason: 'pinned' });
    }
    expect(sample.some((g) => g.row.plan === 'gold') && sample.some((g) => g.row.visits === -8)).toBe(true);
  });

  it('reject unknown columns and generated keys or labels with a config error naming the path', () => {
    const attempt = (columns: Record<string, unknown>, configPath?: string) => () =>
      createRowArbitrary(profile, baseRows, { columns: columns as never, ...(configPath ? { configPath } : {}) });
    expect(attempt({ plna: { values: ['x'] } })).toThrow(ConfigError);
    expect(attempt({ plna: { values: ['x'] } })).toThrow(/^checks\.generatedParity\.columns\.plna is not a column of the source \(columns: id, plan, /);
    expect(attempt({ plna: false }, 'targets.nightly.checks.generatedParity')).toThrow(/^targets\.nightly\.checks\.generatedParity\.columns\.plna is not/);
    expect(attempt({ id: { constant: 'x' } })).toThrow(/checks\.generatedParity\.columns\.id cannot be generated: key columns keep the base row's value/);
    expect(attempt({ churned: { values: [1] } })).toThrow(/label columns/);
    expect(attempt({ plan: { values: [] } })).toThrow(/checks\.generatedParity\.columns\.plan\.values must be a non-empty array/);
    expect(attempt({ plan: 'gold' })).toThrow(/must be false, \{ constant \}/);
    expect(attempt({ id: false })).not.toThrow();
  });

  it('reject a non-positive changesPerRow and an empty base', () => {
    expect(() => createRowArbitrary(profile, baseRows, { changesPerRow: 0 })).toThrow(/checks\.generatedParity\.changesPerRow must be a number > 0/);
    expect(() => createRowArbitrary(profile, [])).toThrow(RangeError);
  });
});

describe('createRowArbitrary: shrinking', () => {
  it.each([1, 2, 3, 4, 5])('an unseen plan shrinks to that one change on the most typical row (seed %i)', (seed) => {
    const result = fc.check(fc.property(rows, (g) => !hasUnseenPlan(g)), { seed });
    expect(result.failed).toBe(true);
    const [g] = result.counterexample!;
    expect(g.base).toBe(0);
    expect(changed(g)).toEqual(['plan']);
    // The simplest unseen plan in the edge list: the empty string comes before every other variant.
    expect(g.changes.plan).toEqual({ from: baseRows[0]!.plan, value: '', reason: 'empty string' });
  });

  it('a negative amount shrinks to the simplest negative: one unit below zero', () => {
    const result = fc.check(fc.property(rows, (g) => !(typeof g.row.amount === 'number' && g.row.amount < 0)), { seed: 3, numRuns: 2000 });
    expect(result.failed).toBe(true);
    const [g] = result.counterexample!;
    expect(g.base).toBe(0);
    expect(g.changes).toEqual({ amount: { from: baseRows[0]!.amount, value: -0.01, reason: 'negative' } });
  });

  it('a property failing for every row shrinks to the most typical row unchanged', () => {
    const result = fc.check(fc.property(rows, () => false), { seed: 4 });
    const [g] = result.counterexample!;
    expect(g).toEqual({ base: 0, changes: {}, row: baseRows[0] });
  });

  it('on the churn example, a skew only on unseen plans shrinks to one change', async () => {
    const { rows: churnRows, columns } = await readChurnExample();
    const churn: DataProfile = profileRows(churnRows, columns);
    const churnBase: Row[] = chooseBaseRows(churnRows, churn);
    const vocabulary = churn.columns.find((c) => c.name === 'plan')!.strings!.vocabulary!.map((v) => v.value);
    const arb = createRowArbitrary(churn, churnBase);
    const result = fc.check(fc.property(arb, (g) => !(typeof g.row.plan === 'string' && !vocabulary.includes(g.row.plan))), { seed: 7 });
    const [g] = result.counterexample!;
    expect(g.base).toBe(0);
    expect(changed(g)).toEqual(['plan']);
  });
});

describe('createRowArbitrary: determinism', () => {
  it('generates the same rows for the same seed', () => {
    expect(fc.sample(rows, { seed: 42, numRuns: 50 })).toEqual(fc.sample(createRowArbitrary(profile, baseRows), { seed: 42, numRuns: 50 }));
    expect(fc.sample(rows, { seed: 42, numRuns: 50 })).not.toEqual(fc.sample(rows, { seed: 43, numRuns: 50 }));
  });

  it('fc.check with the same seed finds and shrinks to the same counterexample', () => {
    const run = () => fc.check(fc.property(rows, (g) => changed(g).length < 3), { seed: 99 });
    const first = run();
    const second = run();
    expect(first.failed).toBe(true);
    expect(second.counterexample).toEqual(first.counterexample);
    expect(second.numShrinks).toBe(first.numShrinks);
    expect(second.counterexamplePath).toBe(first.counterexamplePath);
  });
});
