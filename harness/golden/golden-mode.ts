import type { GoldenMode } from './update-golden';

/** Every update mode, for argument validation. */
export const GOLDEN_MODES: readonly GoldenMode[] = ['none', 'missing', 'changed', 'all'];

/**
 * The update mode when none is given: `missing` on a developer machine (new rows get a record, nothing else
 * changes), `none` on CI (`CI` set): CI checks golden files, it never writes them unless told to.
 */
export function defaultGoldenMode(env: Readonly<Record<string, string | undefined>>): GoldenMode {
  return isCi(env) ? 'none' : 'missing';
}

/** Whether we run on CI: `CI` set to anything but `0`/`false`/empty. */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
