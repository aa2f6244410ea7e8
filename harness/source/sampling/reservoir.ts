import type { Random } from '../../core/random';
import { inFileOrder, type Candidate, type Sampler } from './sampler';

/** A uniform random sample of fixed capacity over a stream of unknown length. */
export interface Reservoir<T> {
  /** Considers one more item. */
  offer(item: T): void;
  /** Items offered so far. */
  readonly seen: number;
  /** The sample: every item offered so far if there were at most `capacity`, in no particular order. */
  items(): T[];
}

/**
 * Reservoir sampling, Algorithm R (Vitter 1985): after `n` offers every item is in the sample with probability
 * `capacity / n`, using one random draw per item past the first `capacity` and memory for `capacity` items.
 * The same `random` sequence and the same items give the same sample.
 */
export function createReservoir<T>(capacity: number, random: Random): Reservoir<T> {
  const items: T[] = [];
  let seen = 0;
  return {
    offer(item) {
      seen += 1;
      if (items.length < capacity) {
        items.push(item);
        return;
      }
      const slot = random.int(seen);
      if (slot < capacity) items[slot] = item;
    },
    get seen() {
      return seen;
    },
    items: () => items,
  };
}

/** The `reservoir` method: `size` records chosen uniformly without replacement (all of them if fewer). */
export function createReservoirSampler<R>(size: number, random: Random): Sampler<R> {
  const reservoir = createReservoir<Candidate<R>>(size, random);
  return {
    offer: (candidate) => reservoir.offer(candidate),
    take: () => inFileOrder(reservoir.items().slice()),
    strata: () => null,
  };
}
