import fc from 'fast-check';

/**
 * An index in `[0, length)`, uniform, that shrinks by trying every smaller index, smallest first. Lists given to
 * it are ordered simplest first (edge values, base rows most typical first), and whether a value fails is not
 * monotone in its position — `null` may pass where `""` fails — so halving toward 0 (`fc.nat`) would stop at
 * the first passing midpoint and `fc.constantFrom` only ever tries the first element. Trying each smaller index
 * finds the simplest failing one, at the cost of at most `index` runs per shrink step.
 */
export function smallestFirstIndex(length: number, bias: HeadBias = { head: 0, share: 0 }): fc.Arbitrary<number> {
  if (!Number.isSafeInteger(length) || length < 1) throw new RangeError(`smallestFirstIndex: length must be a positive integer (got ${length})`);
  return new SmallestFirstIndexArbitrary(length, bias);
}

/** Generates one of the first `head` indices with probability `share` (the rest uniformly over all indices). */
export interface HeadBias {
  /** How many leading indices are favoured. */
  head: number;
  /** Share of draws taken from the head, in [0, 1]. */
  share: number;
}

class SmallestFirstIndexArbitrary extends fc.Arbitrary<number> {
  readonly #length: number;
  readonly #head: number;
  /** Out of 1000 draws, how many come from the head. */
  readonly #headPerMille: number;

  constructor(length: number, bias: HeadBias) {
    super();
    this.#length = length;
    this.#head = Math.min(Math.max(0, Math.floor(bias.head)), length);
    this.#headPerMille = Math.round(Math.min(Math.max(bias.share, 0), 1) * 1000);
  }

  override generate(mrng: fc.Random): fc.Value<number> {
    if (this.#head > 0 && mrng.nextInt(0, 999) < this.#headPerMille) return new fc.Value(mrng.nextInt(0, this.#head - 1), undefined);
    return new fc.Value(mrng.nextInt(0, this.#length - 1), undefined);
  }

  override canShrinkWithoutContext(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < this.#length;
  }

  override shrink(value: number): fc.Stream<fc.Value<number>> {
    return fc.stream(smallerIndices(value)).map((index) => new fc.Value(index, undefined));
  }
}

function* smallerIndices(below: number): IterableIterator<number> {
  for (let index = 0; index < below; index++) yield index;
}
