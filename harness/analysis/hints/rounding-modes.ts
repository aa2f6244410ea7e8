/** How a value can be brought to a multiple of a granularity, and which ways a set of values agrees with. */

/** Rounding modes told apart by the rounding hint (round-half variants all count as `round`). */
export type RoundingMode = 'round' | 'floor' | 'ceil' | 'trunc';

/** Every mode, in the order they are named. */
export const ROUNDING_MODES: readonly RoundingMode[] = ['round', 'floor', 'trunc', 'ceil'];

/** Granularities tried, coarse to fine: the coarsest one that fits is the one a pipeline rounds to. */
export const GRANULARITIES: readonly number[] = [1000, 100, 10, 1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6];

/**
 * Whether `rounded` is what `mode` makes of `raw` at granularity `g`. Checked by inequalities rather than by
 * recomputing `Math.floor(raw / g) * g`, which decimal floats get wrong (0.3 / 0.1 = 2.9999999999999996).
 */
export function agreesWithMode(raw: number, rounded: number, g: number, mode: RoundingMode): boolean {
  const eps = 1e-9 * g + 1e-12 * Math.abs(raw);
  const diff = rounded - raw;
  if (Math.abs(diff) >= g - eps && Math.abs(diff) > eps) return false;
  switch (mode) {
    case 'round':
      return Math.abs(diff) <= g / 2 + eps;
    case 'floor':
      return diff <= eps;
    case 'ceil':
      return diff >= -eps;
    case 'trunc':
      return raw >= 0 ? diff <= eps : diff >= -eps;
  }
}

/** How the modes that fit a set of values are named: `floor or truncation` when the data cannot tell them apart. */
export function describeModes(modes: readonly RoundingMode[]): string {
  const names: Record<RoundingMode, string> = { round: 'round to nearest', floor: 'floor', ceil: 'ceiling', trunc: 'truncation' };
  return modes.map((m) => names[m]).join(' or ');
}
