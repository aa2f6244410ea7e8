import { readStat } from '../../io/process-stat';
import { readdirSync } from 'node:fs';

/**
 * Sends `signal` to every process in the group led by `pgid` (the server was spawned `detached`, so it leads its
 * own group, and so do the workers it forks unless they detach themselves). Returns `false` if the group is gone.
 */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * Whether any process of the group is still running. On Linux, zombies do not count: an orphaned grandchild that
 * was killed stays a zombie until init reaps it, and some container inits never do — `kill(-pgid, 0)` alone would
 * then report the group alive forever and every stop would wait out its full timeout.
 */
export function isProcessGroupAlive(pgid: number): boolean {
  if (!signalProcessGroup(pgid, 0)) return false;
  if (process.platform !== 'linux') return true;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readStat(entry);
      if (stat && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X') return true;
    }
    return false;
  } catch {
    return true;
  }
}
