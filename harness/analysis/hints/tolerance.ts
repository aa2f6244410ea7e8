import { FLOAT_TOLERANCE, RELATION_TOLERANCE } from './hint-thresholds';

/**
 * Whether `actual` equals `expected` up to the relation tolerance: {@link RELATION_TOLERANCE} of `scale` (the
 * size of the fitted quantity: the offset, the predicted value) plus {@link FLOAT_TOLERANCE} of `magnitude`
 * (the size of the raw values, whose difference carries their rounding error).
 */
export function isClose(actual: number, expected: number, scale: number, magnitude: number): boolean {
  return Math.abs(actual - expected) <= RELATION_TOLERANCE * Math.abs(scale) + FLOAT_TOLERANCE * Math.abs(magnitude) + 1e-300;
}

/** Whether `value` is an integer multiple of `unit` (up to float error of the division). */
export function isMultipleOf(value: number, unit: number): boolean {
  const q = value / unit;
  // Decimal values are not exact doubles (0.3 / 0.1 = 2.9999999999999996); the error grows with the quotient.
  return Number.isFinite(q) && Math.abs(q - Math.round(q)) <= 1e-9 + Math.abs(q) * 1e-12;
}
