import fc from 'fast-check';
import { updateMemory } from '../../harness/memory/update-memory';
import { failureId, type StoredFailure } from '../../harness/memory/stored-failure';

const f = (field: string, key: string, check = 'parity'): StoredFailure => ({ check, field, key });

describe('updateMemory', () => {
  it('drops a re-tested failure that passes again and reports it fixed', () => {
    const update = updateMemory([f('a', 'k1'), f('b', 'k2')], [{ check: 'parity', tested: new Set(['k1', 'k2']), failing: [f('b', 'k2')] }]);
    expect(update).toEqual({ failures: [f('b', 'k2')], fixed: [f('a', 'k1')] });
  });

  it('keeps failures whose rows or checks were not tested, and adds new ones', () => {
    const update = updateMemory(
      [f('a', 'k1'), f('x', 'gen:1', 'generated-parity')],
      [{ check: 'parity', tested: new Set(['k9']), failing: [f('c', 'k9')] }],
    );
    expect(update.fixed).toEqual([]);
    expect(update.failures).toEqual([f('x', 'gen:1', 'generated-parity'), f('a', 'k1'), f('c', 'k9')]);
  });

  it('never loses a failure that still fails, and is sorted and duplicate-free', () => {
    const failure = fc.record({ check: fc.constantFrom('parity', 'generated-parity'), field: fc.constantFrom('a', 'b'), key: fc.constantFrom('k1', 'k2', 'k3') });
    fc.assert(
      fc.property(fc.array(failure), fc.array(failure), (previous, failing) => {
        const tested = new Set(['k1', 'k2', 'k3']);
        const { failures } = updateMemory(previous, [{ check: 'parity', tested, failing }, { check: 'generated-parity', tested, failing: [] }]);
        const ids = failures.map(failureId);
        for (const now of failing) expect(ids).toContain(failureId(now));
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual(ids);
      }),
    );
  });
});
