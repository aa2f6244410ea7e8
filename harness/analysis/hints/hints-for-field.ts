import type { Hint, HintKind } from '../../core/field-analysis';
import type { AnalysisInput } from '../analysis-input';
import { detectAbsent } from './absent';
import { detectBoundary } from './boundary';
import { detectCategory } from './category';
import { detectClipping } from './clipping';
import { detectConstantOffset } from './constant-offset';
import { detectFloat32Widening } from './float32-widening';
import { createFieldView } from './field-view';
import type { DetectedHint, HintDetector } from './hint-detector';
import { MAX_HINT_ROWS, MIN_STRENGTH, RUNNER_UP_MARGIN } from './hint-thresholds';
import { detectMathDomain } from './math-domain';
import { detectNullInput } from './null-input';
import { detectOffsetBySegment } from './offset-by-segment';
import { detectAffine, detectConstantRatio } from './ratio-and-affine';
import { detectRename } from './rename';
import { detectRounding } from './rounding';
import { detectRowAge } from './row-age';
import { detectSignFlip } from './sign-flip';
import { detectTypeMismatch } from './type-mismatch';
import { detectVocabularyOrder } from './vocabulary-order';

/** Every detector; each names at most one cause. */
const DETECTORS: readonly HintDetector[] = [
  detectTypeMismatch,
  detectRename,
  detectAbsent,
  detectNullInput,
  detectMathDomain,
  detectVocabularyOrder,
  detectCategory,
  detectBoundary,
  detectClipping,
  detectRowAge,
  detectConstantOffset,
  detectOffsetBySegment,
  detectFloat32Widening,
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
  'absent',
  'null_input',
  'math_domain',
  'vocabulary_order',
  'unseen_category',
  'category',
  'boundary',
  'clipping',
  'grows_with_age',
  'offset_by_segment',
  'timezone_offset',
  'float32_widening',
  'rounding',
  'sign_flip',
  'constant_ratio',
  'affine',
  'constant_offset',
];

/**
 * Names the likely causes of one field's skew from the compared rows: which inputs the mismatching rows share
 * (a null column, certain categories, values on bin edges, old dates) and how the two sides' values relate
 * (offset, time zone, offset per zone or month, ratio, line, rounding, sign, type, rename). Pure and deterministic.
 *
 * Every hint must explain at least 90 % of the field's mismatching rows (and at least 3 of them); condition
 * hints ("only where X") go through one gate (`judgeCondition`): X must account for the mismatches *and* be
 * specific (most rows with X mismatch). Hints are ranked by how much of the mismatch they explain; the
 * runner-up is kept only when within {@link RUNNER_UP_MARGIN} of the best. Empty when the field has no
 * mismatching rows or nothing fits well — a wrong cause is worse than none. Looks at no more than
 * {@link MAX_HINT_ROWS} rows (an even stride through larger samples).
 *
 * @example
 * hintsForField('tenure_days', input);
 * // → [{ kind: 'grows_with_age', strength: 1,
 * //      message: "online likely uses the current time instead of the row's reference_date (correlation 1.00 with the age of reference_date)",
 * //      evidence: '2998 of 2998 mismatching rows; Pearson 1, Spearman 1 between |online − offline| and the age of reference_date; …' }]
 */
export function hintsForField(field: string, input: AnalysisInput): Hint[] {
  const view = createFieldView(field, capRows(input));
  if (view.mismatching.length === 0) return [];
  const hints: DetectedHint[] = [];
  for (const detect of DETECTORS) {
    const hint = detect(view);
    if (hint && hint.strength >= MIN_STRENGTH) hints.push(hint);
  }
  const ranked = dropSubsumed(dropWeakerReadings(hints)).sort(
    (a, b) => b.strength - a.strength || SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind),
  );
  const best = ranked[0]?.strength ?? 0;
  return ranked.filter((h) => h.strength >= best - RUNNER_UP_MARGIN).map(({ subject: _, ...hint }) => hint);
}

/** Hints that name a column's categories *and* what happens to them: they subsume "only where X is …". */
const SUBSUMES_CATEGORIES: ReadonlySet<HintKind> = new Set(['offset_by_segment', 'vocabulary_order']);

/**
 * Drops "only where customer_tz is …" (or a string shape of it) when an offset per segment or a permuted
 * vocabulary of the same column explains the rows as well: it names the same categories and also what happens
 * to each. Without this, "has lower-case letters: case folding differs" would stand beside the time zones it
 * merely coincides with. A bare "absent online" gives way to the rename that says where the field went, and
 * "only where income is exactly 0" to the math-domain hint that says what happens at 0 (log(0) is no bin edge).
 */
function dropSubsumed(hints: readonly DetectedHint[]): DetectedHint[] {
  const fuller = hints.filter((h) => SUBSUMES_CATEGORIES.has(h.kind));
  const renamed = hints.some((h) => h.kind === 'rename');
  const domains = hints.filter((h) => h.kind === 'math_domain');
  return hints.filter(
    (h) =>
      !((h.kind === 'category' || h.kind === 'unseen_category') && fuller.some((s) => s.subject === h.subject && s.strength >= h.strength - RELATION_MARGIN)) &&
      !(h.kind === 'absent' && renamed) &&
      !(h.kind === 'boundary' && domains.some((d) => d.subject === h.subject)),
  );
}

/** Every row up to {@link MAX_HINT_ROWS}; beyond, an even stride through the sample (deterministic). */
function capRows(input: AnalysisInput): AnalysisInput {
  if (input.rows.length <= MAX_HINT_ROWS) return input;
  const step = input.rows.length / MAX_HINT_ROWS;
  return { ...input, rows: Array.from({ length: MAX_HINT_ROWS }, (_, i) => input.rows[Math.floor(i * step)]!) };
}

/** Hints that read how the two values relate; they are alternative readings of the same numbers. */
const VALUE_RELATIONS: ReadonlySet<HintKind> = new Set([
  'constant_offset',
  'timezone_offset',
  'offset_by_segment',
  'constant_ratio',
  'affine',
  'float32_widening',
  'rounding',
  'sign_flip',
]);
/** A reading this much weaker than the best one is noise (a time zone's wrap-around rows also look like rounding). */
const RELATION_MARGIN = 0.05;
/** Readings an offset per segment refines: the same numbers read without the zone or month they belong to. */
const REFINED_BY_SEGMENTS: ReadonlySet<HintKind> = new Set(['constant_offset', 'timezone_offset']);

/**
 * Keeps the condition hints but only the best-fitting readings of the value relation; near-ties stay, since
 * "offset + 1" and "floor vs truncation" can be equally good readings of the same rows. An offset per segment
 * replaces the plain offset it refines ("−1 h on every mismatching row" is what a per-zone DST bug looks like
 * when the zone is ignored) unless the plain one is clearly stronger.
 */
function dropWeakerReadings(hints: readonly DetectedHint[]): DetectedHint[] {
  const relations = hints.filter((h) => VALUE_RELATIONS.has(h.kind));
  const best = Math.max(...relations.map((h) => h.strength));
  const segmented = hints.find((h) => h.kind === 'offset_by_segment');
  return hints.filter(
    (h) =>
      (!VALUE_RELATIONS.has(h.kind) || h.strength >= best - RELATION_MARGIN) &&
      !(segmented && REFINED_BY_SEGMENTS.has(h.kind) && h.strength <= segmented.strength + RELATION_MARGIN),
  );
}
