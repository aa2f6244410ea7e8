/** What cleanup needs from a started server. */
export interface CleanupTarget {
  /** Graceful stop: SIGTERM, wait, SIGKILL. */
  stop(): Promise<void>;
  /** Immediate, synchronous SIGKILL of the process group (for `process.on('exit')`, where nothing async runs). */
  killNow(): void;
}

const live = new Set<CleanupTarget>();
let exitHookInstalled = false;

/**
 * Remembers a started server until it is stopped, so {@link stopAllLocalServers} can reach it from a SIGINT
 * handler, and so that — if the process exits without stopping it (a crash, `process.exit`) — its process group is
 * killed rather than left holding the port. Returns the function that forgets it.
 */
export function trackForCleanup(target: CleanupTarget): () => void {
  live.add(target);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const server of live) server.killNow();
    });
  }
  return () => {
    live.delete(target);
  };
}

/**
 * Stops every local server started in this process and not yet stopped. Safe to call from a signal handler, more
 * than once, and while a start is still waiting for readiness (that start then rejects).
 *
 * @example
 * process.once('SIGINT', () => { controller.abort(); void stopAllLocalServers().finally(() => process.exit(130)); });
 */
export async function stopAllLocalServers(): Promise<void> {
  await Promise.allSettled([...live].map((server) => server.stop()));
}
