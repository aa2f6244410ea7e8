import type { Hint, HintKind } from '../../core/field-analysis';
import type { AnalysisInput } from '../analysis-input';
import { detectBoundary } from './boundary';
import { detectCategory } from './category';
import { detectConstantOffset } from './constant-offset';
import { createFieldView } from './field-view';
import type { HintDetector } from './hint-detector';
import { MIN_STRENGTH } from './hint-thresholds';
import { detectNullInput } from './null-input';
import { detectAffine, detectConstantRatio } from './ratio-and-affine';
import { detectRename } from './rename';
import { detectRounding } from './rounding';
import { detectRowAge } from './row-age';
import { detectSignFlip } from './sign-flip';
import { detectTypeMismatch } from './type-mismatch';

/** Every detector; each names at most one cause. */
const DETECTORS: readonly HintDetector[] = [
  detectTypeMismatch,
  detectRename,
  detectNullInput,
  detectCategory,
  detectBoundary,
  detectRowAge,
  detectConstantOffset,
  detectRounding,
  detectSignFlip,
  detectConstantRatio,
  detectAffine,
];

/**
 * Order among hints of equal strength: the more specific explanation first. A condition on the inputs
 * ("only where X is null") says where to look; a numeric relation says what the sides compute; and a plain
 * constant offset is what a rounding step or a time zone also looks like, so it comes last.
 */
const SPECIFICITY: readonly HintKind[] = [
  'type',
  'rename',
  'null_input',
  'unseen_category',
  'category',
  'boundary',
  'grows_with_age',
  'timezone_offset',
  'rounding',
  'sign_flip',
  'constant_ratio',
  'affine',
  'constant_offset',
];

/**
 * Names the likely causes of one field's skew from the compared rows: which inputs the mismatching rows share
 * (a null column, certain categories, values on bin edges, old dates) and how the two sides' values relate
 * (offset, time zone, ratio, line, rounding, sign, type, rename). Pure and deterministic.
 *
 * Every hint must explain at least 90 % of the field's mismatching rows (and at least 3 of them); "only
 * where X" hints also need the other rows to be (nearly) clean. Strongest first; empty when the field has
 * no mismatching rows or nothing fits well — a wrong cause is worse than none.
 *
 * @example
 * hintsForField('tenure_days', input);
 * // → [{ kind: 'grows_with_age', strength: 1,
 * //      message: "online likely uses the current time instead of the row's reference_date (correlation 1.00 with the age of reference_date)",
 * //      evidence: '2998 of 2998 mismatching rows; Pearson 1, Spearman 1 between |online − offline| and the age of reference_date; …' }]
 */
export function hintsForField(field: string, input: AnalysisInput): Hint[] {
  const view = createFieldView(field, input);
  if (view.mismatching.length === 0) return [];
  const hints: Hint[] = [];
  for (const detect of DETECTORS) {
    const hint = detect(view);
    if (hint && hint.strength >= MIN_STRENGTH) hints.push(hint);
  }
  return dropWeakerReadings(hints).sort((a, b) => b.strength - a.strength || SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind));
}

/** Hints that read how the two values relate; they are alternative readings of the same numbers. */
const VALUE_RELATIONS: ReadonlySet<HintKind> = new Set(['constant_offset', 'timezone_offset', 'constant_ratio', 'affine', 'rounding', 'sign_flip']);
/** A reading this much weaker than the best one is noise (a time zone's wrap-around rows also look like rounding). */
const RELATION_MARGIN = 0.05;

/**
 * Keeps every condition hint (they say where things go wrong, and can all be true) but only the best-fitting
 * readings of the value relation; near-ties stay, since "offset + 1" and "floor vs truncation" can be equally
 * good readings of the same rows.
 */
function dropWeakerReadings(hints: readonly Hint[]): Hint[] {
  const relations = hints.filter((h) => VALUE_RELATIONS.has(h.kind));
  const best = Math.max(...relations.map((h) => h.strength));
  return hints.filter((h) => !VALUE_RELATIONS.has(h.kind) || h.strength >= best - RELATION_MARGIN);
}
