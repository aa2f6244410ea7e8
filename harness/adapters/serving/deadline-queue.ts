/** Longest delay a Node timer takes as given. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A request's place in a {@link DeadlineQueue}. */
export interface DeadlineEntry {
  /** When it expires, on the queue's clock (set by {@link DeadlineQueue.add}). */
  deadline: number;
  /** Called once when the deadline passes while the entry is still queued. */
  expire(): void;
}

/**
 * Deadlines of one length for requests in flight, kept in start order under a single timer.
 *
 * Every request of a client has the same whole-request deadline, so the earliest deadline is always the oldest entry:
 * one timer armed for it covers them all. What a timer per request cost — a `Timeout` object, its insertion in Node's
 * timer list and its removal, per request — becomes a `Set` insertion and deletion. The timer fires at the oldest
 * deadline (Node's timers, to the millisecond), expires every entry whose deadline has passed and arms itself again
 * for the next; it is cleared when the queue empties, so an idle client keeps the process alive no longer than before.
 */
export class DeadlineQueue {
  private readonly entries = new Set<DeadlineEntry>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Length of every deadline, in milliseconds. */
    private readonly ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Queues `entry`, its deadline `ms` after `startedAt` (default: now). */
  add(entry: DeadlineEntry, startedAt: number = this.now()): void {
    entry.deadline = startedAt + this.ms;
    this.entries.add(entry);
    if (this.timer === null) this.arm(this.ms);
  }

  /** Takes `entry` out (it finished in time); harmless if it is not queued. */
  delete(entry: DeadlineEntry): void {
    this.entries.delete(entry);
    if (this.entries.size === 0 && this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private arm(ms: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    // Node fires a delay past 2^31 − 1 ms (~24.8 days) after 1 ms, with a warning: wait the longest it can instead and
    // look again then.
    this.timer = setTimeout(this.fire, Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil(ms))));
  }

  private readonly fire = (): void => {
    this.timer = null;
    const now = this.now();
    for (const entry of this.entries) {
      if (entry.deadline > now) {
        this.arm(entry.deadline - now);
        return;
      }
      this.entries.delete(entry);
      entry.expire();
    }
  };
}
