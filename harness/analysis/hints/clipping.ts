import type { AnalysisRow } from '../analysis-input';
import { isFiniteNumber, type FieldView } from './field-view';
import { formatNumber } from './format-values';
import type { DetectedHint, HintDetector } from './hint-detector';
import { describeContrast, judgeCondition } from './hint-evidence';
import { roundStrength } from './hint-strength';
import { FLOAT_TOLERANCE, MIN_ROWS } from './hint-thresholds';
import { inputColumns } from './input-columns';
import { measureContrast } from './row-contrast';
import { countSeparate, densestValue } from './statistics';

type Side = 'offline' | 'online';

/** A clamp one side applies: the bounds seen (one may be open) and the rows at each. */
interface Clamp {
  clamped: Side;
  low: number | undefined;
  high: number | undefined;
  strength: number;
  evidence: string;
  /** An input column equal to the unclamped value on the clipped rows, when there is one. */
  column: string | undefined;
}

/**
 * `clipping`: one side is the other clamped to a range [lo, hi] — equal inside it, pinned to the bound outside
 * (`min(income, 150000)` online only). Reads each side as the clamped one; the rows beyond the bounds must pass
 * the shared gate: they account for the mismatches, and most rows beyond the bounds mismatch.
 */
export const detectClipping: HintDetector = (view) => {
  const candidates = [readClamp(view, 'online'), readClamp(view, 'offline')].filter((c): c is Clamp => c !== undefined);
  const best = candidates.sort((a, b) => b.strength - a.strength)[0];
  return best && formatClamp(best);
};

function readClamp(view: FieldView, clamped: Side): Clamp | undefined {
  const source: Side = clamped === 'online' ? 'offline' : 'online';
  const down = view.pairs.filter((p) => p[clamped] < p[source]);
  const up = view.pairs.filter((p) => p[clamped] > p[source]);
  const bound = (pairs: typeof down, minRows: number) => {
    const values = pairs.map((p) => p[clamped]);
    const c = densestValue(values, (v) => FLOAT_TOLERANCE * Math.max(1, Math.abs(v)));
    if (c === undefined) return undefined;
    const members = pairs.filter((p) => Math.abs(p[clamped] - c) <= FLOAT_TOLERANCE * Math.max(1, Math.abs(c)));
    return members.length >= minRows && countSeparate(members.map((p) => p[source])) >= Math.min(2, members.length) ? { c, members, all: members.length === pairs.length } : undefined;
  };
  let high = bound(down, MIN_ROWS);
  let low = bound(up, MIN_ROWS);
  // On a small sample one bound may be hit by a row or two (two rows below 0 in 120): a bound with fewer rows
  // is read when the other bound stands on its own and every row on its side of the diff is pinned to it.
  if (high && !low) low = onlyIfAllPinned(bound(up, 1));
  if (low && !high) high = onlyIfAllPinned(bound(down, 1));
  if (!high && !low) return undefined;
  if (high && low && low.c >= high.c) return undefined;
  const sourceOf = (row: AnalysisRow) => row[source][view.field];
  const beyond = (row: AnalysisRow): boolean | undefined => {
    const v = sourceOf(row);
    if (!isFiniteNumber(v)) return undefined;
    return (high !== undefined && v > high.c) || (low !== undefined && v < low.c);
  };
  const contrast = measureContrast(view, beyond);
  const judgement = judgeCondition(contrast, 2);
  if (judgement.kind === 'silent') return undefined;
  const clipped = [...(high?.members ?? []), ...(low?.members ?? [])];
  return {
    clamped,
    low: low?.c,
    high: high?.c,
    strength: judgement.strength,
    evidence: `${describeContrast(contrast, `with ${source} outside the range`)}; ${clipped.length} rows pinned to a bound`,
    column: inputEqualTo(view, clipped.map((p) => p.row), source),
  };
}

function onlyIfAllPinned<T extends { all: boolean }>(found: T | undefined): T | undefined {
  return found?.all ? found : undefined;
}

/** An input column whose value equals the unclamped side's on (nearly) every clipped row: the feature's input. */
function inputEqualTo(view: FieldView, rows: readonly AnalysisRow[], source: Side): string | undefined {
  for (const { name } of inputColumns(view.input, ['integer', 'number'])) {
    const equal = rows.filter((row) => row.inputs[name] === row[source][view.field]).length;
    if (equal >= 0.9 * rows.length) return name;
  }
  return undefined;
}

function formatClamp({ clamped, low, high, strength, evidence, column }: Clamp): DetectedHint {
  const other = clamped === 'online' ? 'offline' : 'online';
  const range = `[${low === undefined ? '−∞' : formatNumber(low)}, ${high === undefined ? '+∞' : formatNumber(high)}]`;
  const name = column ?? other;
  const where = [high !== undefined ? `${name} > ${formatNumber(high)}` : '', low !== undefined ? `${name} < ${formatNumber(low)}` : ''].filter(Boolean).join(' or ');
  return {
    kind: 'clipping',
    message: `${clamped} = ${other} clipped to ${range}: where ${where} ${clamped} is pinned to the bound; only ${clamped} clips`,
    evidence,
    strength: roundStrength(strength),
    ...(column ? { subject: column } : {}),
  };
}
