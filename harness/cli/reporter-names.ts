import type { ReporterName } from '../config/user-config';
import { UsageError } from '../errors/usage-error';
import { REPORTER_NAMES } from './run-command';

/**
 * The reporter names of a repeatable, comma-separated `--reporter` option (`-r json,html -r junit`), each one checked:
 * an unknown name is a one-line usage error listing the valid ones.
 */
export function parseReporterNames(option: readonly string[]): ReporterName[] {
  const names = option.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
  for (const name of names) {
    if (!(REPORTER_NAMES as readonly string[]).includes(name)) throw new UsageError(`--reporter must be one of ${REPORTER_NAMES.join(', ')} (got "${name}")`);
  }
  return names as ReporterName[];
}
