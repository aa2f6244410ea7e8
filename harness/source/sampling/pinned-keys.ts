import { inFileOrder, type Candidate, type Sampler } from './sampler';

/** Keys that bypass sampling. */
export interface PinnedKeys {
  /** Only rows with these keys are returned; nothing is sampled (`--keys`: reproducing single rows). */
  only?: ReadonlySet<string> | undefined;
  /** Rows with these keys are returned in addition to the sample (remembered failures, replayed first). */
  always?: ReadonlySet<string> | undefined;
}

/**
 * Wraps a sampler so pinned keys bypass it: their rows are kept aside (memory proportional to the pinned keys)
 * and merged back in file order, each once. With `only`, the inner sampler sees nothing; with `always`, it sees
 * every row as before, so the rest of the sample is exactly the unpinned sample.
 */
export function withPinnedKeys<R>(inner: Sampler<R>, pinned: PinnedKeys): Sampler<R> {
  const { only, always } = pinned;
  if (!only && (!always || always.size === 0)) return inner;
  const kept: Array<Candidate<R>> = [];
  return {
    offer(candidate) {
      if (only) {
        if (only.has(candidate.key)) kept.push(candidate);
        return;
      }
      // Every row still goes to the inner sampler, so pinning never changes which other rows it draws.
      if (always!.has(candidate.key)) kept.push(candidate);
      inner.offer(candidate);
    },
    take: () => {
      const sampled = inner.take();
      const taken = new Set(sampled.map((c) => c.index));
      // With `only`, the pinned rows are the sample itself; with `always`, they are extras the sampler did not draw.
      const extra = kept.filter((c) => !taken.has(c.index)).map((c) => (only ? c : { ...c, pinnedOnly: true }));
      return inFileOrder([...sampled, ...extra]);
    },
    strata: () => inner.strata(),
  };
}
