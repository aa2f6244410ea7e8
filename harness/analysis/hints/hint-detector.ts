import type { Hint } from '../../core/field-analysis';
import type { FieldView } from './field-view';

/**
 * A detector looks at one field's rows and names one cause, or returns `undefined` when the data does not
 * support it. Detectors are pure, independent of each other, and never throw on odd values.
 */
export type HintDetector = (view: FieldView) => Hint | undefined;
