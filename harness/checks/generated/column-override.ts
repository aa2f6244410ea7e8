import fc from 'fast-check';
import type { DataProfile } from '../../core/data-profile';
import { ConfigError } from '../../errors/config-error';

/**
 * How one column is generated instead of from its edge values:
 * - `false`: never changed (always the base row's value);
 * - `{ constant: v }`: always `v`, in every row (a pinned value, not shrunk away);
 * - `{ values: [...] }`: when the column changes, it changes to one of these (shrinks toward the first);
 * - an `fc.Arbitrary`: when the column changes, it changes to a value of this arbitrary.
 *
 * Restricted and replaced columns still change only in some rows, like the others, so a counterexample keeps
 * the fewest changed columns.
 */
export type ColumnOverride = false | { constant: unknown } | { values: readonly unknown[] } | fc.Arbitrary<unknown>;

/** A validated override. */
export type ResolvedOverride =
  | { kind: 'off' }
  | { kind: 'constant'; value: unknown }
  | { kind: 'values'; values: readonly unknown[] }
  | { kind: 'arbitrary'; arbitrary: fc.Arbitrary<unknown> };

/**
 * Checks overrides against the profile and returns them by column. Throws a {@link ConfigError} at
 * `<configPath>.columns.<column>` for a column the source does not have, for an override of a key, label or offline
 * feature column (never generated; only `false` is accepted), and for an override of no known shape.
 */
export function resolveColumnOverrides(
  profile: DataProfile,
  overrides: Readonly<Record<string, ColumnOverride>>,
  configPath: string,
): Map<string, ResolvedOverride> {
  const resolved = new Map<string, ResolvedOverride>();
  const names = profile.columns.map((c) => c.name);
  for (const [name, override] of Object.entries(overrides)) {
    const path = `${configPath}.columns.${name}`;
    const column = profile.columns.find((c) => c.name === name);
    if (column === undefined) {
      throw new ConfigError(path, `is not a column of the source (columns: ${names.join(', ')})`);
    }
    const value = resolveOverride(override, path);
    if (column.role !== 'input' && value.kind !== 'off') {
      const role = column.role.replace('_', ' ');
      throw new ConfigError(path, `cannot be generated: ${role} columns keep the base row's value (use false or remove it)`);
    }
    resolved.set(name, value);
  }
  return resolved;
}

function resolveOverride(override: ColumnOverride, path: string): ResolvedOverride {
  if (override === false) return { kind: 'off' };
  if (isArbitrary(override)) return { kind: 'arbitrary', arbitrary: override };
  if (typeof override === 'object' && override !== null) {
    if ('constant' in override) return { kind: 'constant', value: override.constant };
    if ('values' in override) {
      if (!Array.isArray(override.values) || override.values.length === 0) throw new ConfigError(`${path}.values`, 'must be a non-empty array');
      return { kind: 'values', values: override.values };
    }
  }
  throw new ConfigError(path, 'must be false, { constant }, { values: [...] } or a fast-check arbitrary');
}

/** Duck-typed, so an arbitrary from another copy of fast-check (a user's own dependency) is accepted too. */
function isArbitrary(value: unknown): value is fc.Arbitrary<unknown> {
  if (value instanceof fc.Arbitrary) return true;
  const candidate = value as { generate?: unknown; shrink?: unknown; canShrinkWithoutContext?: unknown } | null;
  return (
    typeof candidate?.generate === 'function' &&
    typeof candidate.shrink === 'function' &&
    typeof candidate.canShrinkWithoutContext === 'function'
  );
}
