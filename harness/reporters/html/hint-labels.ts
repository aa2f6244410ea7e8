import type { HintKind } from '../../core/field-analysis';

/**
 * Short names of hint kinds for table cells and badges (the hint's own message carries the detail). A `Record`
 * over the union, so a new kind fails to compile until it has a name here.
 */
export const HINT_LABELS: Readonly<Record<HintKind, string>> = {
  constant_offset: 'constant offset',
  timezone_offset: 'time zone offset',
  constant_ratio: 'constant ratio',
  affine: 'scale + offset',
  rounding: 'rounding',
  float32_widening: 'float32 widening',
  sign_flip: 'sign flip',
  null_input: 'null inputs',
  category: 'some categories',
  unseen_category: 'unseen category',
  boundary: 'bin boundaries',
  grows_with_age: 'grows with row age',
  rename: 'renamed field',
  type: 'type mismatch',
  offset_by_segment: 'offset by segment',
  clipping: 'clipping',
  math_domain: 'math domain (log, sqrt, ÷0)',
  vocabulary_order: 'vocabulary order',
  absent: 'absent on one side',
};
