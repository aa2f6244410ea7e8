import fc from 'fast-check';
import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { ABSENT, buildInput, column, numbers, seeded, strongKinds, type RowSpec } from './hint-fixtures';

const random = seeded(11);
const columns = [column('x', 'number'), column('plan', 'string'), column('day', 'date')];

describe('hintsForField', () => {
  it('returns nothing for a field without mismatches, or one that does not exist', () => {
    const input = buildInput(numbers(random, 20, 0, 1).map((x) => ({ offline: x, online: x })));
    expect(hintsForField('f', input)).toEqual([]);
    expect(hintsForField('nope', input)).toEqual([]);
  });

  it('returns nothing when nothing fits (mixed causes)', () => {
    const xs = numbers(random, 90, 1, 100);
    const specs: RowSpec[] = xs.map((x, i) => ({ offline: x, online: [x + 5, x * 3, -x + 1][i % 3]! }));
    expect(hintsForField('f', buildInput(specs))).toEqual([]);
  });

  it('puts the strongest hint first, the more specific one on a tie', () => {
    // Legacy-plan rows have no sessions: "null sessions" and "plan legacy" explain the same rows equally well.
    const specs: RowSpec[] = Array.from({ length: 200 }, (_, i) => {
      const legacy = i % 10 === 0;
      return { inputs: { x: legacy ? null : i, plan: legacy ? 'legacy' : random.pick(['a', 'b']) }, offline: legacy ? 0.5 : i, online: legacy ? 0 : i };
    });
    const hints = hintsForField('f', buildInput(specs, { columns: [column('x', 'number'), column('plan', 'string')] }));
    expect(hints.map((h) => h.kind)).toEqual(['null_input', 'category']);
    expect(hints[0]!.strength).toBe(hints[1]!.strength);
  });

  it('names floor vs truncation rather than a +1 offset when only negative values shift', () => {
    const spend = numbers(random, 200, -100, 200);
    const hints = hintsForField('f', buildInput(spend.map((x) => ({ offline: Math.floor(x / 25), online: Math.trunc(x / 25) + 0 }))));
    expect(hints.map((h) => h.kind)).toEqual(['rounding']);
  });

  it('keeps condition hints beside the best value relation, and drops weaker readings of the same numbers', () => {
    const hours = Array.from({ length: 96 }, (_, i) => i % 24);
    const hints = hintsForField('login_hour', buildInput(hours.map((h) => ({ offline: h, online: (h + 1) % 24 })), { field: 'login_hour' }));
    expect(hints.map((h) => h.kind)).toEqual(['timezone_offset']);
  });

  it('every hint is well formed: a known kind, a sentence, evidence, a strength in [0.5, 1]', () => {
    const cases: RowSpec[][] = [
      numbers(random, 40, 0, 9).map((x) => ({ offline: x, online: x + 1 })),
      numbers(random, 40, 0, 9).map((x) => ({ offline: x, online: String(x) })),
      numbers(random, 40, 0, 9).map((x) => ({ offline: x, online: ABSENT, onlineExtra: { g: x } })),
    ];
    for (const specs of cases) {
      for (const hint of hintsForField('f', buildInput(specs))) {
        expect(hint.message).toMatch(/^\S.*\S$/);
        expect(hint.message).not.toContain('\n');
        expect(hint.evidence.length).toBeGreaterThan(0);
        expect(hint.strength).toBeGreaterThanOrEqual(0.5);
        expect(hint.strength).toBeLessThanOrEqual(1);
      }
    }
  });

  describe('properties', () => {
    const row = fc.record({
      offline: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      online: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      same: fc.boolean(),
      x: fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { freq: 5 }),
      plan: fc.constantFrom('a', 'b', 'c', ' A'),
      day: fc.integer({ min: 0, max: 900 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    });

    it('random unrelated pairs (and random inputs) get no hint of strength ≥ 0.9', () => {
      fc.assert(
        fc.property(fc.array(row, { minLength: 30, maxLength: 80 }), (rows) => {
          const specs = rows.map((r) => ({ inputs: { x: r.x, plan: r.plan, day: r.day }, offline: r.offline, online: r.same ? r.offline : r.online }));
          expect(strongKinds(hintsForField('f', buildInput(specs, { columns })), 0.9)).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });

    it('is deterministic: the same rows give the same hints', () => {
      fc.assert(
        fc.property(fc.array(row, { minLength: 5, maxLength: 40 }), fc.double({ min: 0.5, max: 50, noNaN: true }), (rows, c) => {
          const specs = rows.map((r) => ({ inputs: { x: r.x, plan: r.plan, day: r.day }, offline: r.offline, online: r.same ? r.offline : r.offline + c }));
          expect(hintsForField('f', buildInput(specs, { columns }))).toEqual(hintsForField('f', buildInput(specs, { columns })));
        }),
        { numRuns: 30 },
      );
    });
  });
});
