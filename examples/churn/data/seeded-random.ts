/** A small seeded pseudo-random source, so the training data is the same on every machine and every run. */
export interface SeededRandom {
  /** Next float in [0, 1). */
  next(): number;
  /** Next integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** One of `choices`, drawn with the given relative weights. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

/**
 * mulberry32: 32-bit state, integer-only steps (`Math.imul`), identical sequence on every platform. Not for
 * anything but test data.
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let point = next() * total;
      for (const [choice, weight] of choices) {
        point -= weight;
        if (point < 0) return choice;
      }
      return choices[choices.length - 1]![0];
    },
  };
}
