import { RELATION_TOLERANCE } from './hint-thresholds';

/** A factor between two common units: `factor` of the small unit make one of the large one. */
interface UnitFactor {
  factor: number;
  small: string;
  large: string;
}

// Order matters only where factors coincide (none do); the labels name the usual suspects, not every pair.
const UNIT_FACTORS: readonly UnitFactor[] = [
  { factor: 100, small: 'percent', large: 'a fraction' },
  { factor: 1000, small: 'ms (or another milli- unit)', large: 's' },
  { factor: 1e6, small: 'µs', large: 's' },
  { factor: 1e9, small: 'ns', large: 's' },
  { factor: 60, small: 'minutes', large: 'hours (or seconds vs minutes)' },
  { factor: 3600, small: 's', large: 'hours' },
  { factor: 86_400, small: 's', large: 'days' },
  { factor: 86_400_000, small: 'ms', large: 'days' },
  { factor: 3_600_000, small: 'ms', large: 'hours' },
  { factor: 1440, small: 'minutes', large: 'days' },
  { factor: 24, small: 'hours', large: 'days' },
  { factor: 7, small: 'days', large: 'weeks' },
  { factor: 1024, small: 'bytes', large: 'KiB' },
];

/**
 * Names the unit change a ratio `k` (online = offline × k) suggests: `online in percent, offline as a
 * fraction`. `undefined` when `k` is no common factor (nor its inverse).
 */
export function describeUnitChange(k: number): string | undefined {
  for (const unit of UNIT_FACTORS) {
    if (Math.abs(k - unit.factor) <= RELATION_TOLERANCE * unit.factor) return `online in ${unit.small}, offline in ${unit.large}`;
    if (Math.abs(1 / k - unit.factor) <= RELATION_TOLERANCE * unit.factor) return `online in ${unit.large}, offline in ${unit.small}`;
  }
  return undefined;
}
