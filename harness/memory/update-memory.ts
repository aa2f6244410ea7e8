import { failureId, type StoredFailure } from './stored-failure';

/** What one check found about rows it tested, for updating the memory. */
export interface CheckFindings {
  /** Check name. */
  check: string;
  /** Keys of every row the check actually compared (a stored failure not among them was not re-tested). */
  tested: ReadonlySet<string>;
  /** Failures found in this run. */
  failing: readonly StoredFailure[];
}

/** The memory after a run, and the stored failures that pass again. */
export interface MemoryUpdate {
  /** Failures to keep, sorted by check, field, key. */
  failures: StoredFailure[];
  /** Stored failures that were re-tested and no longer fail: dropped and reported as fixed. */
  fixed: StoredFailure[];
}

/**
 * Updates the failure memory with a run's findings (pure). A stored failure whose row was re-tested and no longer
 * fails in that field is fixed and dropped; one whose check did not run, or whose row was not re-tested, is kept;
 * new failures are added.
 */
export function updateMemory(previous: readonly StoredFailure[], findings: readonly CheckFindings[]): MemoryUpdate {
  const byCheck = new Map(findings.map((f) => [f.check, f]));
  const failingNow = new Map(findings.flatMap((f) => f.failing).map((f) => [failureId(f), f]));
  const kept = new Map<string, StoredFailure>();
  const fixed: StoredFailure[] = [];
  for (const old of previous) {
    const id = failureId(old);
    const finding = byCheck.get(old.check);
    if (finding && finding.tested.has(old.key) && !failingNow.has(id)) fixed.push(old);
    else kept.set(id, old);
  }
  for (const [id, failure] of failingNow) kept.set(id, failure);
  const failures = [...kept.values()].sort((a, b) => (failureId(a) < failureId(b) ? -1 : failureId(a) > failureId(b) ? 1 : 0));
  return { failures, fixed };
}
