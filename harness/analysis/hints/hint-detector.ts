import type { Hint } from '../../core/field-analysis';
import type { FieldView } from './field-view';

/**
 * A hint as a detector finds it: the hint, and the input column it is about when it names one (`subject`), so
 * that a hint which explains more (an offset per zone of `customer_tz`) can replace a plainer one about the
 * same column ("only where customer_tz is …"). `subject` stays inside the hints module.
 */
export type DetectedHint = Hint & { subject?: string };

/**
 * A detector looks at one field's rows and names one cause, or returns `undefined` when the data does not
 * support it. Detectors are pure, independent of each other, and never throw on odd values.
 */
export type HintDetector = (view: FieldView) => DetectedHint | undefined;
