import type { AnalysisRow } from '../analysis-input';
import type { FieldView } from './field-view';
import { conditionStrength, describeContrast, chanceOf, type RowContrast } from './hint-evidence';
import { MIN_ROWS } from './hint-thresholds';

export type { RowContrast };
export { chanceOf, describeContrast };

/**
 * Counts mismatching and matching rows inside and outside a condition. Rows where the condition cannot be
 * decided (`undefined`: the column is null for a category condition) are in neither group but still count in
 * `total`, so they weigh against the hint.
 */
export function measureContrast(view: FieldView, condition: (row: AnalysisRow) => boolean | undefined): RowContrast {
  const c: RowContrast = { total: view.mismatching.length, inside: 0, insideMismatching: 0, outside: 0, outsideMismatching: 0 };
  for (const row of view.mismatching) {
    const holds = condition(row);
    if (holds === true) (c.inside++, c.insideMismatching++);
    else if (holds === false) (c.outside++, c.outsideMismatching++);
  }
  for (const row of view.matching) {
    const holds = condition(row);
    if (holds === true) c.inside++;
    else if (holds === false) c.outside++;
  }
  return c;
}

/**
 * Whether any "only where X" hint is possible: at least {@link MIN_ROWS} matching rows to contrast with. Lets
 * detectors skip fields that mismatch on every row without measuring anything.
 */
export function canContrast(view: FieldView): boolean {
  return view.matching.length >= MIN_ROWS;
}

/**
 * Strength of "mismatches only where the condition holds", or `undefined` when the shared gate
 * ({@link conditionStrength} in `hint-evidence`) keeps it silent: the condition must account for the mismatches,
 * be specific, contrast with clean rows and be unlikely by chance among the `hypotheses` tried.
 */
export function contrastStrength(c: RowContrast, hypotheses = 1): number | undefined {
  return conditionStrength(c, hypotheses);
}
