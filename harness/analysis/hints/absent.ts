import type { MismatchKind } from '../../core/mismatch';
import { mismatchKindOf, type FieldView } from './field-view';
import { describeCoverage, formatRows } from './format-values';
import type { HintDetector } from './hint-detector';
import { describeContrast, judgeCondition, type RowContrast } from './hint-evidence';
import { explainedShare, roundStrength } from './hint-strength';
import { MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';
import { inputColumns, isNullish } from './input-columns';
import { measureContrast } from './row-contrast';

/**
 * Whether (nearly) every mismatching row of the field is of one "missing" kind: the field is absent on a side,
 * not computed differently. `undefined` otherwise.
 */
export function absentSide(view: FieldView): 'online' | 'offline' | undefined {
  const count = (kind: MismatchKind) => view.mismatching.filter((row) => mismatchKindOf(row, view.field) === kind).length;
  const total = view.mismatching.length;
  if (total < MIN_ROWS) return undefined;
  if (count('missing_online') >= MIN_EXPLAINED_SHARE * total) return 'online';
  if (count('missing_offline') >= MIN_EXPLAINED_SHARE * total) return 'offline';
  return undefined;
}

/**
 * `absent`: the mismatches are the field missing on one side (the diff's `missing_online` / `missing_offline`
 * kind), so the cause is a side that leaves the field out — not a value imputed or computed differently. Names
 * the input that is null where it happens, when one passes the shared gate.
 */
export const detectAbsent: HintDetector = (view) => {
  const side = absentSide(view);
  if (!side) return undefined;
  const other = side === 'online' ? 'offline' : 'online';
  const total = view.mismatching.length;
  const absent = view.mismatching.filter((row) => mismatchKindOf(row, view.field) === `missing_${side}`).length;
  const columns = inputColumns(view.input);
  let best: { column: string; strength: number; contrast: RowContrast } | undefined;
  for (const { name } of columns) {
    const contrast = measureContrast(view, (row) => isNullish(row.inputs[name]));
    const judgement = judgeCondition(contrast, columns.length);
    if (judgement.kind === 'claim' && (!best || judgement.strength > best.strength)) best = { column: name, strength: judgement.strength, contrast };
  }
  if (best) {
    return {
      kind: 'absent',
      message: `${view.field} is absent ${side} where ${best.column} is null (present ${other}): ${side} leaves the field out there rather than computing a different value`,
      evidence: describeContrast(best.contrast, `have ${best.column} null`),
      strength: roundStrength(best.strength),
      subject: best.column,
    };
  }
  return {
    kind: 'absent',
    message: `${view.field} is absent ${side} on ${describeCoverage(absent, total)} (present ${other}): ${side} leaves the field out rather than computing a different value`,
    evidence: `${formatRows(absent, total)} are missing_${side}`,
    strength: roundStrength(explainedShare(absent, total)),
  };
};
