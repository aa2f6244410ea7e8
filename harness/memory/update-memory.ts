import type { CaseOutcome } from './case-outcome';
import { failureId, type StoredFailure } from './stored-failure';

/** What one check evaluated in a run, for updating the memory. */
export interface CheckFindings {
  /** Check name. */
  check: string;
  /**
   * Every case the check evaluated, with its result, in the order new failures should be remembered (most useful
   * first: a shrunk counterexample before the rows it was shrunk from). A case may appear more than once; any `fail`
   * among its outcomes makes it failing, any difference makes it not fixed.
   */
  outcomes: readonly CaseOutcome[];
}

/** The memory after a run, and the stored failures that pass again. */
export interface MemoryUpdate {
  /** Failures to keep, sorted by check, field, key. */
  failures: StoredFailure[];
  /** Stored failures that were evaluated in this run and passed: dropped and reported as fixed. */
  fixed: StoredFailure[];
}

/** Options of {@link updateMemory}. */
export interface UpdateMemoryOptions {
  /**
   * Most failures remembered per check and field in total: new failures are added only while the memory holds fewer
   * for their check and field (a failure already remembered is never dropped for the cap, only when fixed). The
   * memory is replayed first by the next run, so it holds a few cases per failing field, not every failing row —
   * and a run repeated with nothing changed adds nothing. Default: unlimited.
   */
  perField?: number;
}

/**
 * Updates the failure memory with a run's outcomes (pure). A stored failure is fixed — dropped and reported — only
 * when that exact case (check, field, key) was evaluated in this run and passed; one not evaluated, or still
 * differing (even within budget), is kept. New failures are added while their check and field hold fewer than
 * `perField`: `failures = (previous − fixed) ∪ new`, where `new` ⊆ the cases failing now.
 */
export function updateMemory(previous: readonly StoredFailure[], findings: readonly CheckFindings[], options: UpdateMemoryOptions = {}): MemoryUpdate {
  const limit = options.perField ?? Number.POSITIVE_INFINITY;
  // Per case: whether it passed every time it was evaluated, and the first failing outcome (for its row).
  const passed = new Map<string, boolean>();
  const failing = new Map<string, CaseOutcome>();
  for (const o of findings.flatMap((f) => f.outcomes)) {
    const id = failureId(o);
    passed.set(id, (passed.get(id) ?? true) && o.result === 'pass');
    if (o.result === 'fail' && !failing.has(id)) failing.set(id, o);
  }
  const kept = new Map<string, StoredFailure>();
  const fixed: StoredFailure[] = [];
  for (const old of previous) {
    const id = failureId(old);
    if (passed.get(id) === true) fixed.push(old);
    else kept.set(id, old);
  }
  const groupOf = (c: Pick<StoredFailure, 'check' | 'field'>) => `${c.check}\u0000${c.field}`;
  const held = new Map<string, number>();
  for (const c of kept.values()) held.set(groupOf(c), (held.get(groupOf(c)) ?? 0) + 1);
  for (const [id, o] of failing) {
    if (kept.has(id)) continue;
    const group = groupOf(o);
    const count = held.get(group) ?? 0;
    if (count >= limit) continue;
    held.set(group, count + 1);
    kept.set(id, { check: o.check, field: o.field, key: o.key, ...(o.row ? { row: o.row } : {}) });
  }
  const failures = [...kept.values()].sort((a, b) => (failureId(a) < failureId(b) ? -1 : failureId(a) > failureId(b) ? 1 : 0));
  return { failures, fixed };
}
