/**
 * Attribution hints: for a skewed field, the likely cause and its evidence. Pure (imports only `core` and
 * `analysis`), so reporters and the runner can call it on any compared rows. `hintsForField` is the entry
 * point; the detectors and thresholds are exported for tools that want one cause or the rules behind them.
 */
export type { FieldView, NumericPair } from './field-view';
export type { DetectedHint, HintDetector } from './hint-detector';
export type { ConditionJudgement, RowContrast, SilenceReason } from './hint-evidence';
export { hintsForField } from './hints-for-field';
export { createFieldView } from './field-view';
export { judgeCondition } from './hint-evidence';
export { detectAbsent } from './absent';
export { detectBoundary } from './boundary';
export { detectClipping } from './clipping';
export { detectMathDomain } from './math-domain';
export { detectOffsetBySegment } from './offset-by-segment';
export { detectVocabularyOrder } from './vocabulary-order';
export { detectCategory } from './category';
export { detectConstantOffset } from './constant-offset';
export { detectFloat32Widening, isFloat32Shaped } from './float32-widening';
export { detectNullInput } from './null-input';
export { detectAffine, detectConstantRatio } from './ratio-and-affine';
export { detectRename } from './rename';
export { detectRounding } from './rounding';
export { detectRowAge } from './row-age';
export { detectSignFlip } from './sign-flip';
export { detectTypeMismatch } from './type-mismatch';
export {
  FLOAT_TOLERANCE,
  MAX_CHANCE,
  MAX_CONTRAST_RATE,
  MIN_CORRELATION,
  MIN_EXPLAINED_SHARE,
  MIN_ROWS,
  MIN_SPECIFICITY,
  MAX_HINT_ROWS,
  RUNNER_UP_MARGIN,
  MIN_STRENGTH,
  RELATION_TOLERANCE,
} from './hint-thresholds';
