import fc from 'fast-check';
import { judgeCondition } from '../../../harness/analysis/hints/hint-evidence';
import { hintsForField } from '../../../harness/analysis/hints/hints-for-field';
import { MIN_EXPLAINED_SHARE, MIN_SPECIFICITY } from '../../../harness/analysis/hints/hint-thresholds';
import { buildInput, column, type RowSpec } from './hint-fixtures';

describe('judgeCondition (the one gate of condition hints)', () => {
  it('keeps silent on the lower-case-letters case: it accounts for the mismatches but is not specific', () => {
    // 510 of 951 rows with lower-case letters in customer_tz mismatch; the 49 others (UTC) are clean.
    expect(judgeCondition({ total: 510, inside: 951, insideMismatching: 510, outside: 49, outsideMismatching: 0 })).toEqual({
      kind: 'silent',
      reason: 'not_specific',
    });
  });

  it('claims a condition that accounts for the mismatches and is specific, with the numbers', () => {
    const judgement = judgeCondition({ total: 240, inside: 240, insideMismatching: 240, outside: 2760, outsideMismatching: 0 });
    expect(judgement).toMatchObject({ kind: 'claim', coverage: 1, specificity: 1 });
  });

  it('names why it stays silent', () => {
    expect(judgeCondition({ total: 100, inside: 80, insideMismatching: 80, outside: 900, outsideMismatching: 20 })).toEqual({ kind: 'silent', reason: 'does_not_account' });
    expect(judgeCondition({ total: 2, inside: 2, insideMismatching: 2, outside: 900, outsideMismatching: 0 })).toEqual({ kind: 'silent', reason: 'too_few_rows' });
    expect(judgeCondition({ total: 30, inside: 30, insideMismatching: 30, outside: 2, outsideMismatching: 0 })).toEqual({ kind: 'silent', reason: 'no_contrast' });
    expect(judgeCondition({ total: 4, inside: 4, insideMismatching: 4, outside: 6, outsideMismatching: 0 })).toEqual({ kind: 'silent', reason: 'chance' });
  });

  it('property: a claim is never weaker than the thresholds, and its strength is in [0, 1]', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500), (a, b, c, d) => {
        const inside = a + b;
        const outside = c + d;
        const j = judgeCondition({ total: a + c, inside, insideMismatching: a, outside, outsideMismatching: c });
        if (j.kind === 'silent') return;
        expect(j.coverage).toBeGreaterThanOrEqual(MIN_EXPLAINED_SHARE);
        expect(j.specificity).toBeGreaterThanOrEqual(MIN_SPECIFICITY);
        expect(j.strength).toBeGreaterThan(0);
        expect(j.strength).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('stated counts match the data', () => {
  const EVIDENCE = /^(\d+) of (\d+) mismatching rows .*?\((\d+) of (\d+) such rows mismatch\); (\d+) of (\d+) other rows mismatch/;

  // Rows where a null `income` (the cause, some of the time) and a correlated `channel` compete.
  const dataset = fc.record({
    rows: fc.array(fc.record({ isNull: fc.boolean(), legacy: fc.double({ min: 0, max: 1, noNaN: true }), broken: fc.double({ min: 0, max: 1, noNaN: true }), x: fc.integer({ min: 1, max: 9000 }) }), { minLength: 40, maxLength: 160 }),
    correlation: fc.double({ min: 0, max: 1, noNaN: true }),
    nullRate: fc.double({ min: 0.05, max: 0.4, noNaN: true }),
    breakRate: fc.double({ min: 0.5, max: 1, noNaN: true }),
  });

  it('property: "N of M mismatching rows … (N of S such rows mismatch); K of O other rows" recomputed from the rows', () => {
    let recomputed = 0;
    fc.assert(
      fc.property(dataset, ({ rows, correlation, nullRate, breakRate }) => {
        const specs: RowSpec[] = rows.map((r, i) => {
          const isNull = r.broken < nullRate || (r.isNull && i % 7 === 0);
          const channel = r.legacy < (isNull ? correlation : 1 - correlation) * 0.5 ? 'legacy' : i % 2 ? 'web' : 'app';
          const wrong = isNull && r.broken < breakRate;
          return { inputs: { income: isNull ? null : r.x, channel }, offline: isNull ? 0.3 : r.x, online: wrong ? 0 : isNull ? 0.3 : r.x };
        });
        const input = buildInput(specs, { columns: [column('income', 'number'), column('channel', 'string')] });
        const mismatching = input.rows.filter((r) => r.mismatched.has('f'));
        for (const hint of hintsForField('f', input)) {
          const m = EVIDENCE.exec(hint.evidence);
          if (!m) continue;
          const [n, total, n2, such, k, other] = m.slice(1).map(Number) as [number, number, number, number, number, number];
          expect(total).toBe(mismatching.length);
          expect(n2).toBe(n);
          expect(such + other).toBeLessThanOrEqual(input.rows.length);
          expect(n + k).toBeLessThanOrEqual(total);
          // Recompute the named condition itself.
          const where = /where (income) is null|where (channel) is "([^"]+)":/.exec(hint.message);
          if (!where) continue;
          const holds = where[1] ? (r: (typeof input.rows)[number]) => r.inputs.income === null : (r: (typeof input.rows)[number]) => r.inputs.channel === where[3];
          expect(input.rows.filter(holds).length).toBe(such);
          expect(mismatching.filter(holds).length).toBe(n);
          expect(input.rows.filter((r) => !holds(r)).length).toBe(other);
          expect(n / total).toBeGreaterThanOrEqual(MIN_EXPLAINED_SHARE);
          expect(n / such).toBeGreaterThanOrEqual(MIN_SPECIFICITY);
          recomputed++;
        }
      }),
      { numRuns: 80, seed: 9 },
    );
    // The property saw real hints, not only silent datasets.
    expect(recomputed).toBeGreaterThan(10);
  });
});
