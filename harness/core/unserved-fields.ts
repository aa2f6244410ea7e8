import type { FeatureVector } from './row';

/**
 * Why a serving response holds no value for a field it was asked for — a feature store's `NOT_FOUND` or
 * `OUTSIDE_MAX_AGE` status — kept beside the feature vector, so the diff reports the field as `missing_online` with
 * that reason instead of reading the gap as a stored null (which is what the value slot of such a response holds).
 *
 * The reasons ride on the vector under a non-enumerable symbol: JSON, `Object.keys`, spreads and golden files see a
 * plain vector without the field, so no other part of the harness has to know.
 */
const UNSERVED: unique symbol = Symbol('skew-harness.unserved');

type WithReasons = FeatureVector & { [UNSERVED]?: Readonly<Record<string, string>> };

/** Returns `features` with the reasons its absent fields were not served (`{ conv_rate: 'Feast status NOT_FOUND' }`). */
export function markUnserved(features: FeatureVector, reasons: Readonly<Record<string, string>>): FeatureVector {
  if (Object.keys(reasons).length > 0) Object.defineProperty(features, UNSERVED, { value: reasons, enumerable: false });
  return features;
}

/** Why `field` is absent from `features`, when the side said so; otherwise `undefined`. */
export function unservedReason(features: FeatureVector, field: string): string | undefined {
  const reasons = (features as WithReasons)[UNSERVED];
  return reasons !== undefined && Object.hasOwn(reasons, field) ? reasons[field] : undefined;
}

/** Every reason `features` carries, by field name, or `undefined` when it carries none. */
export function unservedReasons(features: FeatureVector): Readonly<Record<string, string>> | undefined {
  return (features as WithReasons)[UNSERVED];
}
