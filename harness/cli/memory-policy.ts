import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the heap grow past what a full collection left alive, in percent. A run keeps little alive — the
 * sample itself and bounded records — but streams a lot through (each window's features, requests, answers), and by
 * default V8 lets such a heap grow to up to 4× its live size before collecting again: 430 MiB of peak RSS for a
 * 100,000-row run whose live heap is under 100 MiB. At 10% the same run peaks at ~220 MiB (~1.2× a 10,000-row run)
 * for more frequent, smaller collections — no slower in wall time on this machine (13.4–13.6 s at 10%, 13.4–13.5 s at
 * 15%, interleaved). Measured in BENCHMARKS.md ("Memory in the sample size").
 */
export const HEAP_GROWING_PERCENT = 10;

/**
 * Sets the memory policy of a data-heavy command (`skew run`, `skew logs`): peak memory close to what the run keeps alive. Called
 * once at the start of the command, before the sample is read; V8 reads the flag each time it sizes the heap.
 */
export function applyMemoryPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
