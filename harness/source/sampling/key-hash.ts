import { hash53 } from '../../core/hash';
import { inFileOrder, type Candidate, type Sampler } from './sampler';

interface Entry<R> {
  hash: number;
  candidate: Candidate<R>;
}

/**
 * The `key-hash` method: the `size` records whose keys have the smallest `hash53(key, seed)`. Whether a key is
 * chosen depends only on its hash and the hashes it competes with, so the same keys are chosen every run, and
 * when rows are appended a chosen key stays chosen unless a new key hashes lower. Ties (equal keys) go to the
 * earlier record. Memory: a max-heap of `size` entries, so each record costs one hash and one comparison.
 */
export function createKeyHashSampler<R>(size: number, seed: number): Sampler<R> {
  // Max-heap on (hash, index): the root is the record that leaves first when a lower hash arrives.
  const heap: Array<Entry<R>> = [];

  const above = (a: Entry<R>, b: Entry<R>): boolean =>
    a.hash > b.hash || (a.hash === b.hash && a.candidate.index > b.candidate.index);

  function siftUp(at: number): void {
    const entry = heap[at]!;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!above(entry, heap[parent]!)) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = entry;
  }

  function siftDown(at: number): void {
    const entry = heap[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && above(heap[right]!, heap[left]!) ? right : left;
      if (!above(heap[child]!, entry)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = entry;
  }

  return {
    offer(candidate) {
      const hash = hash53(candidate.key, seed);
      if (heap.length < size) {
        heap.push({ hash, candidate });
        siftUp(heap.length - 1);
        return;
      }
      // Later records lose ties, so only a strictly lower hash displaces the current maximum.
      if (hash >= heap[0]!.hash) return;
      heap[0] = { hash, candidate };
      siftDown(0);
    },
    take: () => inFileOrder(heap.map((entry) => entry.candidate)),
    strata: () => null,
  };
}
