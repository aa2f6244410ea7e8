import { hypergeometricTail } from './chance';
import { explainedShare } from './hint-strength';
import { MAX_CHANCE, MAX_CONTRAST_RATE, MIN_EXPLAINED_SHARE, MIN_ROWS, MIN_SPECIFICITY } from './hint-thresholds';

/**
 * The one gate every condition-style hint goes through ("mismatches only where X", "offset only in summer, per
 * zone", "null online where income <= 0"). A hint claims a cause only when the condition X
 * - **accounts** for the mismatches: most mismatching rows satisfy X ({@link MIN_EXPLAINED_SHARE});
 * - is **specific**: most rows that satisfy X mismatch ({@link MIN_SPECIFICITY});
 * - **contrasts**: the rows outside X are (nearly) clean ({@link MAX_CONTRAST_RATE}), and there are some;
 * - is **unlikely by chance** (Fisher's exact test, {@link MAX_CHANCE} shared among the conditions tried).
 * A condition that fails any of these stays silent: a wrong cause sends an engineer the wrong way.
 */

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

/** Why a condition may not be claimed as a cause. */
export type SilenceReason = 'too_few_rows' | 'does_not_account' | 'not_specific' | 'no_contrast' | 'chance';

/** The gate's answer: a claim with its numbers, or silence with the reason. */
export type ConditionJudgement =
  | {
      kind: 'claim';
      /** Share of mismatching rows inside the condition. */
      coverage: number;
      /** Share of rows inside the condition that mismatch. */
      specificity: number;
      /** Fisher's one-sided p of the split (before the correction for conditions tried). */
      chance: number;
      /**
       * {@link explainedShare} of the covered rows × specificity × (1 − mismatch rate outside), in [0, 1]: how much
       * of the mismatch the condition explains, lowered by the rows it names that do not mismatch and the
       * mismatches it leaves outside.
       */
      strength: number;
    }
  | { kind: 'silent'; reason: SilenceReason };

/**
 * Judges a condition from its contrast. `hypotheses` is how many conditions the detector tried to find this one
 * (Bonferroni: a detector trying every column, value subset and edge set finds a lucky one).
 *
 * @example
 * judgeCondition({ total: 510, inside: 951, insideMismatching: 510, outside: 49, outsideMismatching: 0 });
 * // → { kind: 'silent', reason: 'not_specific' }   (510 of 951 rows with lower-case zone names mismatch)
 */
export function judgeCondition(c: RowContrast, hypotheses = 1): ConditionJudgement {
  if (c.total === 0 || c.insideMismatching < MIN_ROWS) return { kind: 'silent', reason: 'too_few_rows' };
  const coverage = c.insideMismatching / c.total;
  if (coverage < MIN_EXPLAINED_SHARE) return { kind: 'silent', reason: 'does_not_account' };
  const specificity = c.insideMismatching / c.inside;
  if (specificity < MIN_SPECIFICITY) return { kind: 'silent', reason: 'not_specific' };
  if (c.outside < MIN_ROWS) return { kind: 'silent', reason: 'no_contrast' };
  const outsideRate = c.outsideMismatching / c.outside;
  if (outsideRate > MAX_CONTRAST_RATE) return { kind: 'silent', reason: 'no_contrast' };
  const chance = chanceOf(c);
  if (chance * hypotheses > MAX_CHANCE) return { kind: 'silent', reason: 'chance' };
  return { kind: 'claim', coverage, specificity, chance, strength: explainedShare(c.insideMismatching, c.total) * specificity * (1 - outsideRate) };
}

/**
 * The gate for a claim with no clean rows to contrast with: every row of a fully permuted vocabulary mismatches,
 * and "online rounds offline" is judged on the rows rounding would change. The condition must still account for
 * the mismatches and be specific (most rows it names mismatch: rounding that would change 100 rows of which 14
 * mismatch is not what happened to those 14). Strength is the covered share × specificity.
 *
 * @example
 * judgeCoverage({ total: 16, inside: 118, insideMismatching: 16, outside: 2, outsideMismatching: 0 });
 * // → { kind: 'silent', reason: 'not_specific' }   (truncation would change 118 rows; 16 mismatch)
 */
export function judgeCoverage(c: RowContrast): ConditionJudgement {
  if (c.total === 0 || c.insideMismatching < MIN_ROWS) return { kind: 'silent', reason: 'too_few_rows' };
  const coverage = c.insideMismatching / c.total;
  if (coverage < MIN_EXPLAINED_SHARE) return { kind: 'silent', reason: 'does_not_account' };
  const specificity = c.insideMismatching / c.inside;
  if (specificity < MIN_SPECIFICITY) return { kind: 'silent', reason: 'not_specific' };
  return { kind: 'claim', coverage, specificity, chance: 1, strength: explainedShare(c.insideMismatching, c.total) * specificity };
}

/** The strength of a condition that passes {@link judgeCondition}; `undefined` when it stays silent. */
export function conditionStrength(c: RowContrast, hypotheses = 1): number | undefined {
  const judgement = judgeCondition(c, hypotheses);
  return judgement.kind === 'claim' ? judgement.strength : undefined;
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
