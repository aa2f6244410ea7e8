import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** A started server process: its pid (also its process group: it is started detached) and when it started. */
export interface StartedProcess {
  pid: number;
  /** Start time in clock ticks since boot (`/proc/<pid>/stat`, field 22). */
  startTicks: number;
}

/** Reads a process's start time, or `null` where /proc cannot tell (not Linux, the process is gone). */
export function startTicksOf(pid: number): number | null {
  return readStat(pid)?.startTicks ?? null;
}

/**
 * Who holds the listening socket on `port` when it is not the started server: a process outside the server's process
 * group that was already running when the server started — another program on that port (a server left from an
 * earlier run, a parallel job that took the port an automatic choice had just found free). Answers from it must not
 * count as the server being ready. Returns its description (`pid 4242 (node)`), or `null` when the socket is the
 * server's — held by its group, or by a process started after it (a proxy it launched: `docker run -p` leaves the
 * socket to docker-proxy) — or when this cannot be told (not Linux, /proc unreadable, another network namespace).
 */
export function foreignPortHolder(port: number, server: StartedProcess): string | null {
  const inodes = listeningInodes(port);
  if (inodes === null || inodes.size === 0) return null;
  let foreign: string | null = null;
  for (const entry of safeReaddir('/proc') ?? []) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const holds = (safeReaddir(`/proc/${pid}/fd`) ?? []).some((fd) => {
      const link = safeReadlink(`/proc/${pid}/fd/${fd}`);
      return link !== null && link.startsWith('socket:[') && inodes.has(link.slice(8, -1));
    });
    if (!holds) continue;
    const stat = readStat(pid);
    if (stat === null) continue;
    if (stat.pgid === server.pid || stat.startTicks >= server.startTicks) return null;
    foreign ??= `pid ${pid} (${stat.name})`;
  }
  return foreign;
}

/** Inodes of the sockets listening on `port` (IPv4 and IPv6), or `null` when /proc/net cannot be read. */
function listeningInodes(port: number): Set<string> | null {
  const inodes = new Set<string>();
  let readable = false;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    readable = true;
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXADDR:HEXPORT; st 0A is LISTEN; the inode is the tenth field.
      const local = fields[1];
      if (local === undefined || fields[3] !== '0A') continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port && fields[9] !== undefined) inodes.add(fields[9]);
    }
  }
  return readable ? inodes : null;
}

function readStat(pid: number): { name: string; pgid: number; startTicks: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The name is in parentheses and may hold spaces or parentheses itself: the fields after it start past the last ')'.
  const close = text.lastIndexOf(')');
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state): pgid is field 5, starttime field 22.
  const pgid = Number(rest[2]);
  const startTicks = Number(rest[19]);
  if (!Number.isFinite(pgid) || !Number.isFinite(startTicks)) return null;
  return { name: text.slice(text.indexOf('(') + 1, close), pgid, startTicks };
}

function safeReaddir(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch {
    return null;
  }
}

function safeReadlink(file: string): string | null {
  try {
    return readlinkSync(file);
  } catch {
    return null;
  }
}
