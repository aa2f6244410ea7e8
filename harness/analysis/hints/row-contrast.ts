import type { AnalysisRow } from '../analysis-input';
import { hypergeometricTail } from './chance';
import type { FieldView } from './field-view';
import { explainedShare } from './hint-strength';
import { MAX_CHANCE, MAX_CONTRAST_RATE, MIN_CONDITION_RATE, MIN_EXPLAINED_SHARE, MIN_ROWS } from './hint-thresholds';

/** How mismatches split between rows where a condition holds and rows where it does not. */
export interface RowContrast {
  /** Mismatching rows of the field (the denominator of coverage). */
  total: number;
  /** Rows where the condition holds, and how many of them mismatch. */
  inside: number;
  insideMismatching: number;
  /** Rows where it does not hold, and how many of them mismatch. */
  outside: number;
  outsideMismatching: number;
}

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
 * Whether any "only where X" hint is possible: at least {@link MIN_ROWS} rows outside X at a mismatch rate of at
 * most 10 % take at least {@link MIN_ROWS} matching rows. Lets detectors skip fields that mismatch on (nearly)
 * every row without measuring anything.
 */
export function canContrast(view: FieldView): boolean {
  return view.matching.length >= MIN_ROWS;
}

/**
 * Strength of "mismatches only where the condition holds", or `undefined` when the rows do not support it:
 * at least {@link MIN_EXPLAINED_SHARE} of the mismatching rows inside (and {@link MIN_ROWS}), at least
 * {@link MIN_ROWS} rows outside to contrast with, mismatching there at most {@link MAX_CONTRAST_RATE} of the
 * time, at least {@link MIN_CONDITION_RATE} inside, and a split unlikely by chance ({@link MAX_CHANCE}, divided
 * among the `hypotheses` the detector tried). Strength = coverage (as {@link explainedShare}) × (1 − mismatch
 * rate outside).
 */
export function contrastStrength(c: RowContrast, hypotheses = 1): number | undefined {
  if (c.total === 0 || c.insideMismatching < MIN_ROWS || c.outside < MIN_ROWS) return undefined;
  const coverage = c.insideMismatching / c.total;
  const outsideRate = c.outsideMismatching / c.outside;
  const insideRate = c.insideMismatching / c.inside;
  if (coverage < MIN_EXPLAINED_SHARE || outsideRate > MAX_CONTRAST_RATE || insideRate < MIN_CONDITION_RATE) return undefined;
  // Bonferroni: a detector that tries many conditions (columns, value subsets, edge sets) finds a lucky one.
  if (chanceOf(c) * hypotheses > MAX_CHANCE) return undefined;
  return explainedShare(c.insideMismatching, c.total) * (1 - outsideRate);
}

/**
 * The chance that mismatches spread at random over the rows put this many inside the condition (Fisher's
 * exact test, one-sided). Small samples line up by luck: 17 mismatches on 29 of 33 rows is p ≈ 0.04.
 */
export function chanceOf(c: RowContrast): number {
  const mismatching = c.insideMismatching + c.outsideMismatching;
  return hypergeometricTail(c.inside + c.outside, mismatching, c.inside, c.insideMismatching);
}

/** Evidence: `240 of 240 mismatching rows have X null (240 of 240 such rows mismatch); 0 of 2760 other rows mismatch; chance p < 1e-12`. */
export function describeContrast(c: RowContrast, where: string): string {
  const p = chanceOf(c);
  return (
    `${c.insideMismatching} of ${c.total} mismatching rows ${where} (${c.insideMismatching} of ${c.inside} such rows mismatch); ` +
    `${c.outsideMismatching} of ${c.outside} other rows mismatch; chance p ${p < 1e-12 ? '< 1e-12' : `= ${Number(p.toPrecision(2))}`}`
  );
}
