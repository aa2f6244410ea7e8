import { hash53 } from './hash';

/**
 * A deterministic capped subsample: of all items offered, keeps the `k` whose keys hash lowest (ties by offer order),
 * and gives them back in offer order. Which items are kept depends only on their keys, never on the order or the
 * batches they arrive in, so two runs over the same rows — or shards of one run, merged — keep the same ones. When
 * no more than `k` items are offered, every one is kept. Memory O(k). Pure.
 */
export class BottomK<T> {
  readonly #k: number;
  readonly #seed: number;
  // A max-heap on (priority, order): the root is the item to evict first.
  readonly #heap: Array<{ priority: number; order: number; item: T }> = [];
  #offered = 0;

  /**
   * @param k most items kept (≥ 0)
   * @param seed seed of the key hash
   */
  constructor(k: number, seed = 0) {
    this.#k = Math.max(0, Math.floor(k));
    this.#seed = seed;
  }

  /** Items offered so far. */
  get offered(): number {
    return this.#offered;
  }

  /**
   * Offers an item under its key; `make` builds it only when it is kept (so the rest cost nothing). `order` is the
   * item's place among all items of the run (default: the order of offers); shards give it so their kept items merge.
   */
  offer(key: string, make: () => T, order = this.#offered): void {
    this.#offered++;
    if (this.#k === 0) return;
    const heap = this.#heap;
    if (heap.length < this.#k) {
      heap.push({ priority: hash53(key, this.#seed), order, item: make() });
      this.#siftUp(heap.length - 1);
      return;
    }
    const priority = hash53(key, this.#seed);
    const root = heap[0]!;
    if (priority > root.priority || (priority === root.priority && order > root.order)) return;
    heap[0] = { priority, order, item: make() };
    this.#siftDown(0);
  }

  /** The kept items, in the order they were offered. */
  items(): T[] {
    return this.entries().map((e) => e.item);
  }

  /** The kept items with their key hashes and orders, in order (what {@link mergeBottomK} merges). */
  entries(): Array<BottomKEntry<T>> {
    return [...this.#heap].sort((a, b) => a.order - b.order).map((e) => ({ ...e }));
  }

  #above(i: number, j: number): boolean {
    const a = this.#heap[i]!;
    const b = this.#heap[j]!;
    return a.priority > b.priority || (a.priority === b.priority && a.order > b.order);
  }

  #swap(i: number, j: number): void {
    const heap = this.#heap;
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
  }

  #siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#above(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #siftDown(i: number): void {
    const n = this.#heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let top = i;
      if (left < n && this.#above(left, top)) top = left;
      if (right < n && this.#above(right, top)) top = right;
      if (top === i) return;
      this.#swap(i, top);
      i = top;
    }
  }
}

/** One kept item of a {@link BottomK}: its key's hash, its order among all items, the item. */
export interface BottomKEntry<T> {
  priority: number;
  order: number;
  item: T;
}

/**
 * The bottom-k of the union of disjoint sets, from each set's bottom-k: the `k` entries of lowest (hash, order), in
 * order. Equal to one {@link BottomK} offered every item, since each of those is in its own set's bottom-k. Pure.
 */
export function mergeBottomK<T>(k: number, parts: ReadonlyArray<ReadonlyArray<BottomKEntry<T>>>): Array<BottomKEntry<T>> {
  const kept = parts
    .flat()
    .sort((a, b) => a.priority - b.priority || a.order - b.order)
    .slice(0, Math.max(0, Math.floor(k)));
  return kept.sort((a, b) => a.order - b.order);
}
