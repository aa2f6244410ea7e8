/**
 * Leakage bugs the offline pipelines can be switched into, so the harness's batch- and label-invariance checks
 * have something real to catch:
 * - `batch`: `sessions_z` is scaled with the mean/std of the rows it is given, not the training statistics;
 * - `label`: `avg_session_minutes` reads the `churned` label.
 */
export type OfflineBug = 'batch' | 'label';

/** Every offline bug, in documentation order. */
export const OFFLINE_BUGS: readonly OfflineBug[] = ['batch', 'label'];

/**
 * Parses `EXAMPLE_OFFLINE_BUGS` (comma list; empty, unset or `none` means no bug). Unknown names throw: a typo
 * must not silently run the clean pipeline.
 */
export function parseOfflineBugs(value: string | undefined): ReadonlySet<OfflineBug> {
  const names = (value ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '' && name !== 'none');
  for (const name of names) {
    if (!(OFFLINE_BUGS as readonly string[]).includes(name)) {
      throw new Error(`EXAMPLE_OFFLINE_BUGS: unknown bug "${name}" (known: ${OFFLINE_BUGS.join(', ')})`);
    }
  }
  return new Set(names as OfflineBug[]);
}
