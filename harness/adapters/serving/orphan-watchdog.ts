import { spawn } from 'node:child_process';

/** A watchdog over a process group; {@link OrphanWatchdog.release} once the group was stopped normally. */
export interface OrphanWatchdog {
  /** The group was stopped by us: the watchdog exits without signalling anything. Safe to call twice. */
  release(): void;
}

// `$0` is the group id, `$1` the grace in seconds. Terminal signals are ignored: a Ctrl-C reaches the whole
// foreground group, and the watchdog must outlive the process it watches. `read` returns at end of input, which is
// either our "release" line or the pipe closing because the process that held its other end is gone.
const SCRIPT = `trap '' INT TERM HUP
IFS= read -r line
[ "$line" = release ] && exit 0
kill -TERM -"$0" 2>/dev/null || exit 0
sleep "$1"
kill -KILL -"$0" 2>/dev/null
exit 0`;

/**
 * Guards against a local server outliving the process that started it. The server leads its own process group
 * (so a Ctrl-C in the terminal does not reach it, and `stop()` reaches its workers); that also means nothing stops
 * it when the starting process dies without running its exit hooks — killed by a signal it does not handle (jest's
 * workers and jest itself on Ctrl-C, SIGHUP, SIGKILL, an OOM kill). The watchdog is a tiny `/bin/sh` in a group of
 * its own, holding a pipe from this process: when the pipe closes without a release line, the owner is gone, and
 * it sends the group SIGTERM, then SIGKILL after `graceMs`. It never keeps this process's event loop alive.
 */
export function watchForOrphans(pgid: number, graceMs: number): OrphanWatchdog {
  let released = false;
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn('/bin/sh', ['-c', SCRIPT, String(pgid), String(Math.max(1, Math.ceil(graceMs / 1000)))], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
  } catch {
    return { release: () => undefined };
  }
  // Without a shell there is no watchdog; the exit hook and signal handlers still stop the server.
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    release() {
      if (released) return;
      released = true;
      child.stdin?.end('release\n');
    },
  };
}
