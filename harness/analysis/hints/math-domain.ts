import type { AnalysisRow } from '../analysis-input';
import { hasOwn, isFiniteNumber } from './field-view';
import type { DetectedHint, HintDetector } from './hint-detector';
import { describeContrast, judgeCondition, type RowContrast } from './hint-evidence';
import { roundStrength } from './hint-strength';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';
import { inputColumns } from './input-columns';
import { measureContrast } from './row-contrast';

/** What a side gave, as the message names it. */
type Outcome = 'null' | 'NaN' | 'Infinity' | '-Infinity' | 'a number';
const SPECIAL: ReadonlySet<Outcome> = new Set(['null', 'NaN', 'Infinity', '-Infinity']);

/** Input conditions at a math function's domain edge, narrowest first (preferred on a tie). */
const EDGES: ReadonlyArray<{ label: string; holds: (x: number) => boolean }> = [
  { label: '= 0', holds: (x) => x === 0 },
  { label: '< 0', holds: (x) => x < 0 },
  { label: '<= 0', holds: (x) => x <= 0 },
];

/**
 * `math_domain`: on the mismatching rows one side gives null, NaN or ±Infinity where the other gives something
 * else — `log`, `sqrt` or a division meeting zero or a negative number, handled differently (numpy's `-inf` and
 * `nan` against a service's `null`). Names the input condition (`income <= 0`) when one passes the shared gate.
 */
export const detectMathDomain: HintDetector = (view) => {
  const domain = view.mismatching.filter((row) => isDomainRow(row, view.field));
  if (domain.length < MIN_ROWS || domain.length < MIN_EXPLAINED_SHARE * view.mismatching.length) return undefined;
  const columns = inputColumns(view.input, ['integer', 'number']);
  let best: { column: string; edge: string; strength: number; contrast: RowContrast; inside: number } | undefined;
  for (const { name } of columns) {
    for (const edge of EDGES) {
      const contrast = measureContrast(view, (row) => {
        const x = row.inputs[name];
        return isFiniteNumber(x) ? edge.holds(x) : undefined;
      });
      const judgement = judgeCondition(contrast, columns.length * EDGES.length);
      if (judgement.kind === 'silent') continue;
      if (!best || judgement.strength > best.strength + 1e-12) best = { column: name, edge: edge.label, strength: judgement.strength, contrast, inside: contrast.inside };
    }
  }
  const sides = `online gives ${describeSide(domain, view.field, 'online')}, offline ${describeSide(domain, view.field, 'offline')}`;
  if (best) {
    return {
      kind: 'math_domain',
      message: `where ${best.column} ${best.edge} ${sides}: log, sqrt or a division at zero or a negative is handled differently`,
      evidence: describeContrast(best.contrast, `have ${best.column} ${best.edge}`),
      strength: roundStrength(best.strength),
      subject: best.column,
    };
  }
  // No input names the edge: the special values themselves are the condition.
  const contrast = measureContrast(view, (row) => isSpecial(row.offline[view.field]) || isSpecial(row.online[view.field]));
  const judgement = judgeCondition(contrast);
  if (judgement.kind === 'silent') return undefined;
  return {
    kind: 'math_domain',
    message: `where a side gives null, NaN or ±Infinity, ${sides}: a math function's domain edge (log, sqrt, division) is handled differently`,
    evidence: describeContrast(contrast, 'with a special value on a side'),
    strength: roundStrength(judgement.strength),
  } satisfies DetectedHint;
};

function outcomeOf(value: unknown): Outcome | undefined {
  if (value === null) return 'null';
  if (typeof value !== 'number') return undefined;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return 'a number';
}

function isSpecial(value: unknown): boolean {
  const outcome = outcomeOf(value);
  return outcome !== undefined && SPECIAL.has(outcome);
}

/** Both sides present, both null or numbers, different outcomes, at least one special. */
function isDomainRow(row: AnalysisRow, field: string): boolean {
  if (!hasOwn(row.offline, field) || !hasOwn(row.online, field)) return false;
  const a = outcomeOf(row.offline[field]);
  const b = outcomeOf(row.online[field]);
  return a !== undefined && b !== undefined && a !== b && (SPECIAL.has(a) || SPECIAL.has(b));
}

/** `null`, `-Infinity or NaN`: a side's outcomes on the rows, most frequent first. */
function describeSide(rows: readonly AnalysisRow[], field: string, side: 'offline' | 'online'): string {
  const counts = new Map<Outcome, number>();
  for (const row of rows) {
    const outcome = outcomeOf(row[side][field])!;
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const names = [...counts].sort((a, b) => b[1] - a[1]).map(([o]) => o);
  return names.join(' or ');
}
