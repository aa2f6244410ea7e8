import { parseJson } from '../../core/lossless-json';
import { sleep } from './abortable-sleep';
import { createHttpClient } from './http-client';
import type { ReadyCheck } from './presets/preset-types';
import { isRefusedCredentialsStatus } from './refused-credentials';

/**
 * How a readiness wait ended. `lastProbe` says what the last attempt saw (`HTTP 503`, `ECONNREFUSED`). `refused`: the
 * server answered 401, 403 or 407 — it is up, but refuses the probe's credentials; `body` is its answer, unredacted.
 */
export type ReadyOutcome =
  | { kind: 'ready' }
  | { kind: 'timeout' | 'aborted'; lastProbe: string | null }
  | { kind: 'refused'; status: number; body: string };

/** Options of {@link waitUntilReady}. */
export interface WaitUntilReadyOptions {
  /** URL polled with GET until it answers 2xx. */
  url: string;
  /**
   * Headers every probe sends: `serving.headers`, for a server that wants credentials on every path. Values are
   * secrets (they are not printed here; whoever words the outcome redacts). Default none.
   */
  headers?: Readonly<Record<string, string>>;
  /** Give up after this many milliseconds. */
  timeoutMs: number;
  /** Stops the wait (the process exited, the run was interrupted). */
  signal: AbortSignal;
  /** Reads a 2xx answer's JSON body: `null` when ready, else why not. Default: any 2xx is ready. */
  check?: ReadyCheck | null;
  /**
   * Called when a probe is answered: who answered instead of the process being waited for (a description), or `null`
   * when it was that process (or no one can tell). An answer from someone else is not readiness.
   */
  answeredBySomeoneElse?: () => string | null;
  /** First pause between probes; it grows to {@link MAX_INTERVAL_MS} (default 50). */
  initialIntervalMs?: number;
}

/** Longest pause between two probes: a server that is up is noticed within this long. */
export const MAX_INTERVAL_MS = 250;
// One hung probe (a server that accepts but does not answer yet) must not eat the whole deadline.
const PROBE_TIMEOUT_MS = 1000;
// Only the status matters; a health page that streams without end must not fill memory.
const PROBE_MAX_BYTES = 1024 * 1024;

/**
 * Polls `url` until it answers 2xx, the deadline passes or `signal` aborts. Starts fast (most local servers are
 * up within a second) and backs off to {@link MAX_INTERVAL_MS}. Probes do not keep connections alive, so nothing
 * is left open when the wait ends. A 401, 403 or 407 ends the wait at once (`refused`): the server is up, and no
 * amount of waiting changes its mind about the credentials — unless `answeredBySomeoneElse` says the answer was
 * not the server's.
 */
export async function waitUntilReady(options: WaitUntilReadyOptions): Promise<ReadyOutcome> {
  const deadline = performance.now() + options.timeoutMs;
  const client = createHttpClient({
    maxSockets: 1,
    timeoutMs: Math.max(1, Math.min(PROBE_TIMEOUT_MS, options.timeoutMs)),
    maxResponseBytes: PROBE_MAX_BYTES,
    // A configured Accept wins, as it does on requests.
    headers: { Accept: '*/*', ...options.headers },
    keepAlive: false,
    envProxy: false,
  });
  let interval = options.initialIntervalMs ?? 50;
  let lastProbe: string | null = null;
  try {
    for (;;) {
      if (options.signal.aborted) return { kind: 'aborted', lastProbe };
      const outcome = await client.send({ method: 'GET', url: options.url, signal: options.signal });
      if (outcome.kind === 'response') {
        if (outcome.status >= 200 && outcome.status <= 299) {
          const notReady = options.answeredBySomeoneElse?.() ?? (options.check ? readBody(outcome.body, options.check) : null);
          if (notReady === null) return { kind: 'ready' };
          lastProbe = `HTTP ${outcome.status}, ${notReady}`;
        } else if (isRefusedCredentialsStatus(outcome.status)) {
          const someoneElse = options.answeredBySomeoneElse?.() ?? null;
          if (someoneElse === null) return { kind: 'refused', status: outcome.status, body: outcome.body };
          lastProbe = `HTTP ${outcome.status}, ${someoneElse}`;
        } else lastProbe = outcome.location ? `HTTP ${outcome.status} to ${outcome.location}` : `HTTP ${outcome.status}`;
      } else if (outcome.failure.kind === 'too-large') {
        lastProbe = `a body over ${PROBE_MAX_BYTES} bytes`;
      } else if (outcome.failure.kind !== 'aborted') {
        lastProbe = outcome.failure.code ?? outcome.failure.kind;
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) return { kind: 'timeout', lastProbe };
      if (!(await sleep(Math.min(interval, remaining), options.signal))) return { kind: 'aborted', lastProbe };
      if (performance.now() >= deadline) return { kind: 'timeout', lastProbe };
      interval = Math.min(MAX_INTERVAL_MS, interval * 1.5);
    }
  } finally {
    client.close();
  }
}

function readBody(body: string, check: ReadyCheck): string | null {
  try {
    return check(parseJson(body));
  } catch {
    return 'a body that is not JSON';
  }
}
