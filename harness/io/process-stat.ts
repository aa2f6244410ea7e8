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
