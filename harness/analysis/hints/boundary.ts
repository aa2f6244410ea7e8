import type { NumericProfile } from '../../core/data-profile';
import type { AnalysisRow } from '../analysis-input';
import { isFiniteNumber, restrictView, type FieldView } from './field-view';
import { judgeCondition } from './hint-evidence';
import { formatList, formatNumber } from './format-values';
import type { HintDetector } from './hint-detector';
import { roundStrength } from './hint-strength';
import { inputColumns } from './input-columns';
import { canContrast, contrastStrength, describeContrast, measureContrast, type RowContrast } from './row-contrast';
import { isMultipleOf } from './tolerance';

/** Bucket widths tried as "round number" edges, coarse first: on a tie the coarser width is the explanation. */
const ROUND_WIDTHS: readonly number[] = [1000, 500, 250, 100, 50, 25, 10, 5, 1];
/** A set of edges holding more than this share of a column's values is not selective enough to be "an edge". */
const MAX_EDGE_SHARE = 0.5;

/** A set of edge values of one column, described for people. */
interface EdgeSet {
  /** "a multiple of 25", "exactly 0", "a quantile of the profile". */
  label: string;
  isEdge: (value: number) => boolean;
  /** Bucket width of round-number edges: rows within a width of the hit edges but off them must be clean. */
  width?: number;
}

/**
 * `boundary`: the field mismatches only where a numeric input sits exactly on an edge — zero, a quantile of
 * the profile (where quantile bins put their edges), or a round number (a multiple of a bucket width) — and
 * almost never elsewhere: one side compares with `<=` where the other uses `<`.
 */
export const detectBoundary: HintDetector = (view) => {
  if (!canContrast(view)) return undefined;
  let best: { column: string; edges: EdgeSet; strength: number; contrast: RowContrast } | undefined;
  const columns = inputColumns(view.input, ['integer', 'number']);
  for (const { name } of columns) {
    const values = new Map<AnalysisRow, number>();
    for (const row of [...view.mismatching, ...view.matching]) {
      const value = row.inputs[name];
      if (isFiniteNumber(value)) values.set(row, value);
    }
    if (values.size === 0) continue;
    const profile = view.input.profile.columns.find((c) => c.name === name)?.numeric ?? null;
    const sets = edgeSets(profile);
    for (const edges of sets) {
      const contrast = measureContrast(view, (row) => {
        const value = values.get(row);
        return value === undefined ? undefined : edges.isEdge(value);
      });
      if (contrast.inside > MAX_EDGE_SHARE * values.size) continue;
      const strength = contrastStrength(contrast, columns.length * sets.length);
      if (strength === undefined || (edges.width !== undefined && !isCleanBesideEdges(view, values, edges, edges.width))) continue;
      // Equal strength: the narrower edge set (fewer rows on it) is the more specific explanation; on a full tie
      // the earlier set wins (zero, then the profile's quantiles, then coarse widths before fine ones).
      if (!best || strength > best.strength || (strength === best.strength && contrast.inside < best.contrast.inside)) {
        best = { column: name, edges, strength, contrast };
      }
    }
  }
  if (!best) return undefined;
  const { column, edges, contrast } = best;
  const hit = [...new Set(view.mismatching.map((row) => row.inputs[column]).filter(isFiniteNumber).filter(edges.isEdge))];
  // `<=` vs `<` is a binning's bug; a field that takes as many values as its input (log(income)) is no binning,
  // so the condition is all that can be said: the value there is handled differently.
  const cause = isBucketing(view, column) ? '`<=` vs `<` at bin edges' : `the value there is handled differently (${view.field} is no binning of ${column})`;
  return {
    kind: 'boundary',
    message: `mismatches only where ${column} is ${edges.label} (${formatList(hit.sort((a, b) => a - b).map(formatNumber))}): ${cause}`,
    evidence: describeContrast(contrast, `with ${column} on such an edge`),
    strength: roundStrength(best.strength),
    subject: column,
  };
};

/** A bucketing takes at most this share of its input's distinct values (a bin holds several inputs). */
const MAX_BUCKET_SHARE = 0.5;

/** Whether the field, on the matching rows, is coarser than `column`: fewer distinct values than the input has. */
function isBucketing(view: FieldView, column: string): boolean {
  const inputs = new Set<number>();
  const outputs = new Set<unknown>();
  for (const row of view.matching) {
    const x = row.inputs[column];
    if (!isFiniteNumber(x)) continue;
    inputs.add(x);
    outputs.add(row.offline[view.field]);
  }
  return outputs.size <= MAX_BUCKET_SHARE * inputs.size;
}

function edgeSets(profile: NumericProfile | null): EdgeSet[] {
  const sets: EdgeSet[] = [{ label: 'exactly 0', isEdge: (v) => v === 0 }];
  if (profile) {
    const edges = [profile.min, profile.max, ...Object.values(profile.quantiles)];
    sets.push({ label: 'exactly on a quantile of the profile', isEdge: (v) => edges.some((q) => Math.abs(v - q) <= 1e-9 * Math.max(1, Math.abs(q))) });
  }
  for (const width of ROUND_WIDTHS) sets.push({ label: `a multiple of ${width}`, isEdge: (v) => isMultipleOf(v, width), width });
  return sets;
}

/**
 * A bin-edge bug shows on the edge and not just beside it: among rows within one bucket width of the edges the
 * mismatches hit, those off the edges must be there and clean (the same gate). Grams that are all multiples of
 * 10 (a unit mix-up) have no clean neighbours between the edges, so they are not "bin edges".
 */
function isCleanBesideEdges(view: FieldView, values: ReadonlyMap<AnalysisRow, number>, edges: EdgeSet, width: number): boolean {
  const hits = view.mismatching.map((row) => values.get(row)).filter((v): v is number => v !== undefined && edges.isEdge(v));
  if (hits.length === 0) return false;
  const low = Math.min(...hits) - width;
  const high = Math.max(...hits) + width;
  const near = (row: AnalysisRow) => {
    const v = values.get(row);
    return v !== undefined && v >= low && v <= high;
  };
  const local = restrictView(view, near);
  return judgeCondition(measureContrast(local, (row) => edges.isEdge(values.get(row)!))).kind === 'claim';
}
