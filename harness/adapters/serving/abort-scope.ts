/**
 * What a wait or a request listens to for "stop": an `AbortSignal`, or an {@link AbortScope}. Only the part of
 * `AbortSignal` the serving layers use, so either can be passed.
 */
export interface AbortLike {
  /** True once stopped; never goes back. */
  readonly aborted: boolean;
  /** Calls `listener` once when stopped (never, if already stopped: as `AbortSignal` does). */
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  /** Forgets a listener added before. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * The stop switch of one `compute` call of the serving adapter: what an `AbortController` and its signal give, as one
 * object with one hidden class.
 *
 * Why not `AbortController`: Node makes each `AbortSignal` as an `EventTarget` and then sets its prototype, so V8 gives
 * every signal a map of its own. Code on the request path reads `signal.aborted` once per request; with a new signal
 * per `compute` call (one per window of rows) each call deoptimized that code again ("wrong map") — measured in a
 * 20,000-row run against a trivial server: 4 deoptimizations each of the adapter's request functions, and the later
 * windows ~20% slower than with this class. Listeners sit in a `Set`: adding and removing one per request costs less
 * than `EventTarget`'s bookkeeping.
 */
export class AbortScope implements AbortLike {
  /** True once {@link abort} was called. */
  aborted = false;
  private listeners: Set<() => void> | null = null;

  /** Stops: sets {@link aborted} and calls each listener once, in the order they were added. Later calls do nothing. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.listeners;
    this.listeners = null;
    if (listeners) for (const listener of listeners) listener();
  }

  /** @inheritDoc AbortLike.addEventListener */
  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.aborted) return;
    (this.listeners ??= new Set()).add(listener);
  }

  /** @inheritDoc AbortLike.removeEventListener */
  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners?.delete(listener);
  }
}
