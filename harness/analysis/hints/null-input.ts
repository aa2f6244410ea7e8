import { absentSide } from './absent';
import type { HintDetector } from './hint-detector';
import { roundStrength } from './hint-strength';
import { MIN_STRENGTH } from './hint-thresholds';
import { inputColumns, isNullish } from './input-columns';
import { canContrast, contrastStrength, describeContrast, measureContrast } from './row-contrast';

/**
 * `null_input`: the field mismatches only (or almost only) on rows where one input column is null or absent,
 * and almost never where it has a value — the sides impute that column's nulls differently. Silent when the
 * field is *absent* on a side there (the `absent` hint): a field left out is not a value imputed differently. Names the column
 * that explains the mismatches best (and any others that are null on exactly the same rows).
 */
export const detectNullInput: HintDetector = (view) => {
  // A field missing on a side where the input is null is left out, not imputed: the absent hint says so.
  if (!canContrast(view) || absentSide(view)) return undefined;
  let best: { column: string; strength: number; evidence: string } | undefined;
  const ties: string[] = [];
  const columns = inputColumns(view.input);
  for (const { name } of columns) {
    const contrast = measureContrast(view, (row) => isNullish(row.inputs[name]));
    const strength = contrastStrength(contrast, columns.length);
    if (strength === undefined || strength < MIN_STRENGTH) continue;
    if (best && Math.abs(strength - best.strength) <= 1e-12) {
      ties.push(name);
    } else if (!best || strength > best.strength) {
      best = { column: name, strength, evidence: describeContrast(contrast, `have ${name} null`) };
      ties.length = 0;
    }
  }
  if (!best) return undefined;
  const also = ties.length > 0 ? `; equally explained by null ${ties.join(', ')}` : '';
  return {
    kind: 'null_input',
    message: `mismatches only where ${best.column} is null: nulls are imputed differently`,
    evidence: best.evidence + also,
    strength: roundStrength(best.strength),
  };
};
