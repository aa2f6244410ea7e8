import fc from 'fast-check';

/**
 * Wraps an arbitrary so that each shrink step's first `lookahead` candidates are known as soon as fast-check asks for
 * the step: {@link PrefetchingArbitrary.takePending} hands them to the property, which evaluates them in one batch
 * (one process for a command pipeline, concurrent requests for serving) instead of one at a time. fast-check still
 * drives generation and shrinking, so seeds and paths replay exactly as without the wrapper.
 */
export class PrefetchingArbitrary<T> extends fc.Arbitrary<T> {
  #pending: T[] = [];

  constructor(
    private readonly inner: fc.Arbitrary<T>,
    private readonly lookahead = 24,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    return this.inner.generate(mrng, biasFactor);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    const stream = this.inner.shrink(value, context);
    const iterator = stream[Symbol.iterator]();
    const head: Array<fc.Value<T>> = [];
    for (let i = 0; i < this.lookahead; i++) {
      const next = iterator.next();
      if (next.done) break;
      head.push(next.value);
    }
    this.#pending = head.map((v) => v.value);
    return new fc.Stream(
      (function* () {
        yield* head;
        for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
      })(),
    );
  }

  /** The candidates of the latest shrink step not yet taken; empties the list. */
  takePending(): T[] {
    const pending = this.#pending;
    this.#pending = [];
    return pending;
  }
}
