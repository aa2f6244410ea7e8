import { createRandom } from '../../core/random';
import type { SampleOptions } from '../source-options';
import { createKeyHashSampler } from './key-hash';
import { createReservoirSampler } from './reservoir';
import type { Candidate, Sampler } from './sampler';
import { createAllSampler } from './sampler';
import { createStratifiedSampler } from './stratified';

/**
 * Creates the sampler for `options.method`. `tooManyStrata` is called (and must throw) when stratifying by a
 * column with more than `MAX_STRATA` values.
 */
export function createSampler<R>(options: SampleOptions, tooManyStrata: (candidate: Candidate<R>, max: number) => never): Sampler<R> {
  switch (options.method) {
    case 'reservoir':
      return createReservoirSampler(options.size, createRandom(options.seed));
    case 'stratified':
      return createStratifiedSampler({ size: options.size, random: createRandom(options.seed), tooManyStrata });
    case 'key-hash':
      return createKeyHashSampler(options.size, options.seed);
    case 'all':
      return createAllSampler();
  }
}
