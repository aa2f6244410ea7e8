import fc from 'fast-check';
import type { CaseOutcome, CaseResult } from '../../harness/memory/case-outcome';
import { updateMemory, type CheckFindings } from '../../harness/memory/update-memory';
import { failureId, type StoredFailure } from '../../harness/memory/stored-failure';

const f = (field: string, key: string, check = 'parity'): StoredFailure => ({ check, field, key });
const o = (field: string, key: string, result: CaseResult, check = 'parity'): CaseOutcome => ({ check, field, key, result });
const parity = (...outcomes: CaseOutcome[]): CheckFindings => ({ check: 'parity', outcomes });

describe('updateMemory', () => {
  it('drops a failure evaluated again and passing, and reports it fixed', () => {
    const update = updateMemory([f('a', 'k1'), f('b', 'k2')], [parity(o('a', 'k1', 'pass'), o('b', 'k2', 'fail'))]);
    expect(update).toEqual({ failures: [f('b', 'k2')], fixed: [f('a', 'k1')] });
  });

  it('keeps failures not evaluated (other field, other row, other check) or still differing within budget, and adds new ones', () => {
    const update = updateMemory(
      [f('a', 'k1'), f('b', 'k1'), f('x', 'gen:1', 'generated-parity'), f('c', 'k3')],
      [parity(o('b', 'k1', 'tolerated'), o('a', 'k2', 'pass'), o('c', 'k9', 'fail'))],
    );
    expect(update.fixed).toEqual([]);
    expect(update.failures).toEqual([f('x', 'gen:1', 'generated-parity'), f('a', 'k1'), f('b', 'k1'), f('c', 'k3'), f('c', 'k9')]);
  });

  it('is not fixed when any evaluation of the case still fails', () => {
    expect(updateMemory([f('a', 'k1')], [parity(o('a', 'k1', 'pass'), o('a', 'k1', 'fail'))]).fixed).toEqual([]);
  });

  it('remembers at most perField failures per check and field in total, new ones in the order given, keeping every old one', () => {
    const outcomes = ['k1', 'k2', 'k3', 'k4'].flatMap((k) => [o('a', k, 'fail'), o('b', k, 'fail')]);
    const { failures } = updateMemory([f('a', 'k4')], [parity(...outcomes)], { perField: 2 });
    expect(failures).toEqual([f('a', 'k1'), f('a', 'k4'), f('b', 'k1'), f('b', 'k2')]);
  });

  it('adds nothing to a check and field that already holds perField failures (58 → 83 → 108 no more)', () => {
    const before = [f('a', 'k1'), f('a', 'k2'), f('a', 'k3')];
    const { failures } = updateMemory(before, [parity(o('a', 'k1', 'fail'), o('a', 'k7', 'fail'), o('a', 'k8', 'fail'))], { perField: 2 });
    expect(failures).toEqual(before);
  });

  it('stores the row of a new generated failure', () => {
    const row = { plan: 'enterprise' };
    const { failures } = updateMemory([], [{ check: 'generated-parity', outcomes: [{ check: 'generated-parity', field: 'p', key: 'gen:9', row, result: 'fail' }] }]);
    expect(failures).toEqual([{ check: 'generated-parity', field: 'p', key: 'gen:9', row }]);
  });

  describe('properties', () => {
    const checks = ['parity', 'generated-parity'];
    const fields = ['a', 'b', 'c'];
    const keys = ['k1', 'k2', 'k3', 'k4'];
    const aCase = fc.record({ check: fc.constantFrom(...checks), field: fc.constantFrom(...fields), key: fc.constantFrom(...keys) });
    const result = fc.constantFrom<CaseResult>('pass', 'fail', 'tolerated');
    /** An oracle: how each case comes out while the code does not change. */
    const oracle = fc.func<[string], CaseResult>(result).map((fn) => (c: StoredFailure) => fn(failureId(c)));
    /** One run: which cases it evaluates (a random subset, in random order, some twice). */
    const run = fc.array(aCase, { maxLength: 30 });
    const findingsOf = (evaluated: StoredFailure[], outcome: (c: StoredFailure) => CaseResult): CheckFindings[] =>
      checks.map((check) => ({ check, outcomes: evaluated.filter((c) => c.check === check).map((c) => ({ ...c, result: outcome(c) })) }));
    const ids = (list: readonly StoredFailure[]) => list.map(failureId);

    it('with no code change, a run never reports anything fixed, whatever each run samples', () => {
      fc.assert(
        fc.property(oracle, fc.array(run, { minLength: 2, maxLength: 5 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), (outcome, runs, limit) => {
          let memory: StoredFailure[] = [];
          for (const evaluated of runs) {
            const update = updateMemory(memory, findingsOf(evaluated, outcome), limit === undefined ? {} : { perField: limit });
            expect(update.fixed).toEqual([]);
            memory = update.failures;
          }
        }),
      );
    });

    it('fixed ⇒ evaluated in this run and passing every time; memory after = (before − fixed) ∪ failing now', () => {
      fc.assert(
        fc.property(fc.uniqueArray(aCase, { selector: failureId }), fc.array(fc.tuple(aCase, result), { maxLength: 30 }), (before, evaluated) => {
          const findings = checks.map((check) => ({ check, outcomes: evaluated.filter(([c]) => c.check === check).map(([c, r]) => ({ ...c, result: r })) }));
          const { failures, fixed } = updateMemory(before, findings);
          const resultsOf = (c: StoredFailure) => evaluated.filter(([e]) => failureId(e) === failureId(c)).map(([, r]) => r);
          for (const c of fixed) {
            expect(resultsOf(c).length).toBeGreaterThan(0);
            expect(resultsOf(c).every((r) => r === 'pass')).toBe(true);
          }
          // Every case evaluated and always passing is fixed: nothing passing lingers.
          for (const c of before) if (resultsOf(c).length > 0 && resultsOf(c).every((r) => r === 'pass')) expect(ids(fixed)).toContain(failureId(c));
          const failingNow = evaluated.filter(([, r]) => r === 'fail').map(([c]) => failureId(c));
          const expected = new Set([...ids(before).filter((id) => !ids(fixed).includes(id)), ...failingNow]);
          expect(new Set(ids(failures))).toEqual(expected);
          expect(ids(failures)).toEqual([...new Set(ids(failures))].sort());
        }),
      );
    });

    it('a run repeated with nothing changed leaves the memory as the first run left it', () => {
      fc.assert(
        fc.property(oracle, fc.uniqueArray(aCase, { selector: failureId }), run, fc.integer({ min: 1, max: 3 }), (outcome, before, evaluated, limit) => {
          const first = updateMemory(before, findingsOf(evaluated, outcome), { perField: limit });
          const second = updateMemory(first.failures, findingsOf(evaluated, outcome), { perField: limit });
          expect(second).toEqual({ failures: first.failures, fixed: [] });
        }),
      );
    });

    it('with a limit: nothing remembered is lost unless fixed, and nothing is added to a check and field at the limit', () => {
      fc.assert(
        fc.property(fc.uniqueArray(aCase, { selector: failureId }), fc.array(fc.tuple(aCase, result), { maxLength: 30 }), fc.integer({ min: 0, max: 3 }), (before, evaluated, limit) => {
          const findings = checks.map((check) => ({ check, outcomes: evaluated.filter(([c]) => c.check === check).map(([c, r]) => ({ ...c, result: r })) }));
          const { failures, fixed } = updateMemory(before, findings, { perField: limit });
          const after = new Set(ids(failures));
          for (const id of ids(before)) expect(after.has(id) !== ids(fixed).includes(id)).toBe(true);
          const failingNow = new Set(evaluated.filter(([, r]) => r === 'fail').map(([c]) => failureId(c)));
          const added = failures.filter((c) => !ids(before).includes(failureId(c)));
          for (const c of added) expect(failingNow.has(failureId(c))).toBe(true);
          const inGroup = (list: readonly StoredFailure[], check: string, field: string) => list.filter((c) => c.check === check && c.field === field).length;
          for (const check of checks) {
            for (const field of fields) {
              const keptBefore = inGroup(before, check, field) - inGroup(fixed, check, field);
              // Added only up to the limit in total; a group already at or over it gains nothing.
              expect(inGroup(added, check, field)).toBeLessThanOrEqual(Math.max(0, limit - keptBefore));
            }
          }
        }),
      );
    });
  });
});
