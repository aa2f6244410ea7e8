/** A linear map from a data domain to a pixel range. */
export interface LinearScale {
  /** Pixel position of a data value. */
  (value: number): number;
  /** The data domain, after widening a zero-width one. */
  readonly domain: readonly [number, number];
}

/**
 * Maps `domain` linearly onto `range`. A zero-width domain (every value equal) is widened by one unit either side
 * (or 1% of the value), so a single point or bar still lands in the middle rather than dividing by zero.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  let [d0, d1] = domain;
  if (d1 === d0) {
    const pad = d0 === 0 ? 1 : Math.abs(d0) * 0.01;
    d0 -= pad;
    d1 += pad;
  }
  const [r0, r1] = range;
  const scale = (value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
  return Object.assign(scale, { domain: [d0, d1] as const });
}

/**
 * About `count` round tick values (1, 2 or 5 × 10ⁿ apart) inside [min, max], so axes read `0, 500, 1000`
 * rather than `0, 472.3, 944.6`.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return Number.isFinite(min) ? [min] : [];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  // Counted from the first tick rather than added up: a domain a few ulps wide (a constant difference computed in
  // floating point) has a step below the resolution of its values, where `t += step` would never advance.
  const first = Math.ceil(min / step);
  for (let i = 0; i <= count * 3; i++) {
    const t = (first + i) * step;
    if (t > max + step * 1e-9) break;
    const tick = Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12));
    if (ticks[ticks.length - 1] !== tick) ticks.push(tick);
  }
  return ticks;
}

/** Rounds a pixel coordinate to 0.1 px: enough for a crisp chart, and it keeps the page small. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}
