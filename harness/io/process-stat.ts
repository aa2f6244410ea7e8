import { readFileSync } from 'node:fs';

/**
 * State and process group of a process from `/proc/<pid>/stat` (Linux), or null if it is gone or `/proc` is not
 * there. A zombie (`Z`) still answers `kill(pid, 0)` but will never act again — and a sandbox's PID 1 may never reap
 * it — so liveness checks look here too.
 */
export function readStat(pid: string | number): { state: string; pgrp: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself contain spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

/** Whether a process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readStat(pid);
  return stat === null ? true : stat.state !== 'Z';
}

/** System call numbers per architecture: `read`, and the calls that wait for any of several events. */
const SYSCALLS: Partial<Record<string, { read: number; events: readonly number[] }>> = {
  x64: { read: 0, events: [7, 23, 232, 270, 271, 281, 441] },
  arm64: { read: 63, events: [22, 72, 73, 441] },
};

/**
 * What a pipeline process is waiting for, from `/proc/<pid>/syscall` (Linux), looking through wrapper scripts and
 * shims at their descendants: `'stdin'` — blocked reading its standard input (it has read what it was given and
 * wants more); `'events'` — waiting in an event loop (epoll, poll, select: it may be waiting for stdin or a timer);
 * `'busy'` — running, sleeping or doing other IO (still starting up); `null` when it cannot be told (another OS, no
 * permission). Used to decide quickly whether a pipeline answers line by line.
 */
export function readWaitState(pid: number): 'stdin' | 'events' | 'busy' | null {
  const calls = SYSCALLS[process.arch];
  if (calls === undefined) return null;
  let state: 'stdin' | 'events' | 'busy' | null = null;
  const seen = new Set<number>();
  const visit = (id: number, depth: number): void => {
    if (seen.has(id) || depth > 4 || state === 'stdin') return;
    seen.add(id);
    try {
      const [nr, fd] = readFileSync(`/proc/${id}/syscall`, 'utf8').trim().split(' ');
      const own = Number(nr) === calls.read && Number(fd) === 0 ? 'stdin' : calls.events.includes(Number(nr)) ? 'events' : 'busy';
      if (state === null || own === 'stdin' || (own === 'events' && state === 'busy')) state = own;
    } catch {
      return;
    }
    for (const child of childPids(id)) visit(child, depth + 1);
  };
  visit(pid, 0);
  return state;
}
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
