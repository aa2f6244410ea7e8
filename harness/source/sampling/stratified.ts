import type { Random } from '../../core/random';
import { allocateStrata } from './allocate-strata';
import { createReservoir, type Reservoir } from './reservoir';
import { inFileOrder, type Candidate, type Sampler, type StratumCount } from './sampler';

/** Most distinct stratify values accepted: past this, the column is an ID, not a category. */
export const MAX_STRATA = 1000;

/** Name of the stratum of rows whose stratify value is null, in {@link SampleResult.strata}. */
export const NULL_STRATUM = '(null)';

/** Options of {@link createStratifiedSampler}. */
export interface StratifiedSamplerOptions<R> {
  /** Rows to draw in all. */
  size: number;
  /** Seeded random source, shared by the reservoirs and the final draw. */
  random: Random;
  /** Called (and expected to throw) when a record brings the number of strata past {@link MAX_STRATA}. */
  tooManyStrata(candidate: Candidate<R>, max: number): never;
}

/**
 * The `stratified` method: one reservoir of up to `size` records per stratum value (null is its own stratum),
 * so each holds a uniform sample of its stratum whatever the counts turn out to be. At the end `size` is split
 * across strata by {@link allocateStrata} and each stratum's share is drawn at random from its reservoir.
 * Memory: at most `size` records per stratum, and never more than the rows read.
 */
export function createStratifiedSampler<R>(options: StratifiedSamplerOptions<R>): Sampler<R> {
  const { size, random } = options;
  // Keyed by value, null included, in first-seen order (which also breaks allocation ties).
  const strata = new Map<string | null, Reservoir<Candidate<R>>>();
  const counts: Record<string, StratumCount> = {};

  return {
    offer(candidate) {
      let reservoir = strata.get(candidate.stratum);
      if (reservoir === undefined) {
        if (strata.size >= MAX_STRATA) options.tooManyStrata(candidate, MAX_STRATA);
        reservoir = createReservoir(size, random);
        strata.set(candidate.stratum, reservoir);
      }
      reservoir.offer(candidate);
    },
    take() {
      const reservoirs = [...strata.entries()];
      const slots = allocateStrata(reservoirs.map(([, reservoir]) => reservoir.seen), size);
      const chosen: Array<Candidate<R>> = [];
      reservoirs.forEach(([value, reservoir], s) => {
        const picked = drawWithoutReplacement(reservoir.items(), slots[s]!, random);
        chosen.push(...picked);
        const name = value ?? NULL_STRATUM;
        // A literal "(null)" value shares its entry with the null stratum: add up rather than overwrite.
        const count = Object.hasOwn(counts, name) ? counts[name]! : { rows: 0, sampled: 0 };
        count.rows += reservoir.seen;
        count.sampled += picked.length;
        // defineProperty: a value named `__proto__` must become an entry, not the prototype.
        Object.defineProperty(counts, name, { value: count, enumerable: true, writable: true, configurable: true });
      });
      return inFileOrder(chosen);
    },
    strata: () => counts,
  };
}

/** `count` items of `items` chosen uniformly at random (a partial Fisher–Yates shuffle of a copy). */
function drawWithoutReplacement<T>(items: readonly T[], count: number, random: Random): T[] {
  if (count >= items.length) return items.slice();
  const pool = items.slice();
  for (let i = 0; i < count; i++) {
    const j = i + random.int(pool.length - i);
    const swap = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = swap;
  }
  return pool.slice(0, count);
}
