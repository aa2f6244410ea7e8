/**
 * Skews the serving endpoint can be switched into, each a classic way online features drift from offline ones:
 * - `clock`: `tenure_days` from the current time instead of the row's `reference_date` (the seed article's bug);
 * - `nulls`: null `sessions_last_30d` imputed with 0 instead of the training median;
 * - `vocab`: an unseen plan mapped to 0 (a real plan) instead of -1;
 * - `rounding`: `spend_bucket` truncates instead of flooring (differs for negative spend, i.e. refunds);
 * - `jitter`: ±1e-3 of random noise on `avg_session_minutes` (a nondeterministic server).
 */
export type OnlineBug = 'clock' | 'nulls' | 'vocab' | 'rounding' | 'jitter';

/** Every online bug, in documentation order. */
export const ONLINE_BUGS: readonly OnlineBug[] = ['clock', 'nulls', 'vocab', 'rounding', 'jitter'];

/** Bugs switched on when `EXAMPLE_BUGS` is unset: the demo shows a skewed server out of the box. */
export const DEFAULT_ONLINE_BUGS: readonly OnlineBug[] = ['clock', 'nulls', 'vocab', 'rounding'];

/**
 * Parses `EXAMPLE_BUGS`: a comma list of {@link OnlineBug} names; `none` (or an empty value) means no bug; unset
 * means {@link DEFAULT_ONLINE_BUGS}. Unknown names throw, so a typo cannot silently serve clean features.
 */
export function parseOnlineBugs(value: string | undefined): ReadonlySet<OnlineBug> {
  if (value === undefined) return new Set(DEFAULT_ONLINE_BUGS);
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '' && name !== 'none');
  for (const name of names) {
    if (!(ONLINE_BUGS as readonly string[]).includes(name)) {
      throw new Error(`EXAMPLE_BUGS: unknown bug "${name}" (known: ${ONLINE_BUGS.join(', ')}, or none)`);
    }
  }
  return new Set(names as OnlineBug[]);
}
