import type { Side, SideResult, SourceRow } from '../core/row';

/** Options of {@link pairRows}. */
export interface PairRowsOptions {
  /** The rows, in the order they are folded. */
  rows: readonly SourceRow[];
  /** Rows per window: one `compute` call per side. */
  windowRows: number;
  /** Windows computed at once (the next starts while the previous one finishes, so neither side idles between). */
  windowsInFlight: number;
  /**
   * Computes one window on one side. `onResult` takes each row's result as soon as it is known; the promise resolves
   * to the results (all of them, or — an adapter streaming its results — none: rows already handed to `onResult`
   * need not be returned again).
   */
  compute: (side: Side, rows: readonly SourceRow[], onResult: (index: number, result: SideResult) => void) => Promise<readonly SideResult[]>;
  /** Takes one row's pair of results, in row order; `index` is the row's place in `rows`. */
  fold: (row: SourceRow, offline: SideResult, online: SideResult, index: number) => void;
}

/** One window in flight: its rows, each side's results not yet folded, and how far it has been folded. */
interface Window {
  from: number;
  rows: readonly SourceRow[];
  offline: Array<SideResult | undefined>;
  online: Array<SideResult | undefined>;
  /** Rows folded so far (the window's frontier). */
  folded: number;
  /** Sides whose `compute` call has not resolved yet. */
  pending: number;
}

/**
 * Runs rows through both sides in windows and hands each row's pair of results to `fold` **in row order, as soon as
 * both are known**, then forgets them: a row's features live from its answer to its fold, not to the end of its
 * window. With a streaming adapter (serving) and an offline side that keeps up, features die young, which keeps
 * garbage collection — not the endpoint — from bounding a parity run.
 *
 * Folding in row order (a frontier per window, windows in order) keeps every order-sensitive accumulator — first
 * examples, first errors, the failure memory's first cases — exactly as if the rows were compared after each window.
 * A row's first result wins (an adapter reporting a row twice is ignored the second time); a row an adapter neither
 * reported nor returned is an internal error. The first `compute` rejection rejects the whole, at once; the caller
 * aborts the other side (the rejection handler runs before this promise rejects).
 */
export function pairRows(options: PairRowsOptions): Promise<void> {
  const { rows, windowRows, windowsInFlight, compute, fold } = options;
  if (!Number.isInteger(windowRows) || windowRows < 1) throw new RangeError(`windowRows must be a positive integer (got ${windowRows})`);
  if (!Number.isInteger(windowsInFlight) || windowsInFlight < 1) throw new RangeError(`windowsInFlight must be a positive integer (got ${windowsInFlight})`);
  return new Promise((resolve, reject) => {
    const inFlight: Window[] = [];
    let nextStart = 0;
    let failed = false;
    let draining = false;
    let drainAgain = false;

    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      reject(error);
    };

    const start = (): void => {
      const from = nextStart;
      const windowOf = rows.slice(from, from + windowRows);
      nextStart += windowOf.length;
      // Filled with `undefined` so the slots' elements kind never changes (a fresh holey array would, at its first
      // result, and deoptimize the code that reads it, once per window).
      const empty = (): Array<SideResult | undefined> => new Array<SideResult | undefined>(windowOf.length).fill(undefined);
      const window: Window = { from, rows: windowOf, offline: empty(), online: empty(), folded: 0, pending: 2 };
      inFlight.push(window);
      for (const side of ['offline', 'online'] as const) {
        const slots = window[side];
        const onResult = (index: number, result: SideResult): void => {
          if (index < window.folded || slots[index] !== undefined) return;
          slots[index] = result;
          if (index === window.folded && window === inFlight[0]) drain();
        };
        compute(side, windowOf, onResult).then((returned) => {
          for (let i = window.folded; i < returned.length; i++) if (slots[i] === undefined) slots[i] = returned[i];
          window.pending--;
          drain();
        }, fail);
      }
    };

    /** Starts windows up to the limit, folds every row whose pair is complete, in order, and retires finished windows. */
    const drain = (): void => {
      // Re-entrant calls (an adapter answering synchronously inside `compute`) only ask the running drain to go again.
      if (draining) {
        drainAgain = true;
        return;
      }
      draining = true;
      try {
        do {
          drainAgain = false;
          while (!failed) {
            while (inFlight.length < windowsInFlight && nextStart < rows.length) start();
            const window = inFlight[0];
            if (window === undefined) break;
            foldReady(window);
            if (window.pending > 0) break;
            if (window.folded < window.rows.length) {
              const missing = window.rows[window.folded]!.key;
              throw new Error(`internal error: no ${window.offline[window.folded] === undefined ? 'offline' : 'serving'} result for row ${missing}`);
            }
            inFlight.shift();
          }
        } while (drainAgain && !failed);
      } catch (error) {
        fail(error);
      } finally {
        draining = false;
      }
      if (!failed && inFlight.length === 0 && nextStart >= rows.length) resolve();
    };

    const foldReady = (window: Window): void => {
      const { offline, online } = window;
      for (let i = window.folded; i < window.rows.length; i = window.folded) {
        const a = offline[i];
        const b = online[i];
        if (a === undefined || b === undefined) return;
        offline[i] = undefined;
        online[i] = undefined;
        window.folded = i + 1;
        fold(window.rows[i]!, a, b, window.from + i);
      }
    };

    drain();
  });
}
