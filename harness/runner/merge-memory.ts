import type { CheckResult } from '../core/check-result';
import { stringifyJson } from '../core/stringify-json';
import { readFailures, writeFailures } from '../memory/failure-file';
import type { StoredFailure } from '../memory/stored-failure';
import { updateMemory, type CheckFindings } from '../memory/update-memory';

/**
 * Updates the failure memory in `dir` with a merged run's findings, as a whole run's session does: stored failures
 * that pass again are dropped and listed as `fixed` on their check's result, new ones stored (at most `perField` per
 * check and field). Returns the results with their `fixed` lists; the file is written only when it changes.
 */
export async function rememberMergedFailures(dir: string, findings: readonly CheckFindings[], results: readonly CheckResult[], perField: number): Promise<CheckResult[]> {
  if (findings.length === 0) return [...results];
  const remembered = await readFailures(dir);
  const update = updateMemory(remembered, findings, { perField });
  if (stringifyJson(update.failures) !== stringifyJson(remembered)) await writeFailures(dir, update.failures);
  return withFixed(results, update.fixed);
}

/** Each result with the stored failures of its check that pass again listed as `fixed` (pure). */
export function withFixed(results: readonly CheckResult[], fixed: readonly StoredFailure[]): CheckResult[] {
  return results.map((result) => {
    const own = fixed.filter((f) => f.check === result.name).map(({ check, field, key }) => ({ check, field, key }));
    return own.length > 0 ? { ...result, fixed: own } : result;
  });
}
