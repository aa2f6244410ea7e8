import fc from 'fast-check';
import type { Row } from '../../core/row';
import { ConfigError } from '../../errors/config-error';
import type { ColumnProfile, DataProfile } from '../../core/data-profile';
import type { ColumnContract, InputContract } from '../../core/input-contract';
import { resolveColumnOverrides, type ColumnOverride, type ResolvedOverride } from './column-override';
import { isSameValue, type EdgeValue } from './edge-value';
import { edgeValues } from './edge-values';
import type { Change, GeneratedRow } from './generated-row';
import { inContractInRange } from './in-contract';
import { inRangeArbitrary } from './in-range-arbitrary';
import { smallestFirstIndex } from './index-arbitrary';
import { MISSING } from './missing';
import { sometimesAsText } from './numbers-as-text';
import { SEEN_VALUE_REASON } from './string-edges';

/** Options of {@link createRowArbitrary}; all optional. */
export interface RowArbitraryOptions {
  /** Per-column overrides by column name (see {@link ColumnOverride}). Default: none. */
  columns?: Record<string, ColumnOverride>;
  /** Average number of changed columns per generated row (pinned columns not counted). Default `1.5`. */
  changesPerRow?: number;
  /**
   * Where these options sit in the config, for error messages (`checks.generatedParity.columns.plan …`).
   * Default `checks.generatedParity`.
   */
  configPath?: string;
  /**
   * The input contract: when given, every generated row stays inside it (each column present and of its format;
   * null or absent only where the contract allows; a closed list of values drawn from). Overrides in `columns` are
   * taken as written. The base rows should satisfy it too (see `satisfiesContract`). Default: none.
   */
  contract?: InputContract;
}

/** Default of {@link RowArbitraryOptions.changesPerRow}. */
export const DEFAULT_CHANGES_PER_ROW = 1.5;

/** "Leave the base row's value": the first alternative of every column, so shrinking moves back to it. */
const KEEP: unique symbol = Symbol('keep');
type Choice = typeof KEEP | EdgeValue;

/** Weight of the change alternative against KEEP; KEEP's weight is set from the target changes per row. */
const CHANGE_WEIGHT = 10;
/** Edge values against plausible in-range values, when a column changes: mostly edges. */
const EDGE_WEIGHT = 3;
const IN_RANGE_WEIGHT = 1;
/** The highest chance of a column changing, so that even a one-column profile also generates its base rows. */
const MAX_CHANGE_CHANCE = 0.9;

/**
 * An arbitrary of rows that look like training rows but carry skew-prone values. A row is a base row (one of
 * `baseRows`, ordered most typical first — see `chooseBaseRows`) with a few input columns changed, each to one of
 * its edge values (`edgeValues`) or, less often, a plausible in-range value. Key, label and offline-feature
 * columns always keep the base row's value.
 *
 * Built for shrinking: the base index shrinks toward 0 (the most typical row); every column is
 * `oneof(KEEP, change)` with cross-shrinking, so a shrunk counterexample changes the fewest columns; and a
 * change shrinks toward the front of the column's edge values, which are ordered simplest first (null, missing,
 * zero or empty…), trying each simpler one in turn (see `smallestFirstIndex`). The counterexample is the most
 * typical row with the fewest columns changed, each to the simplest value that still fails.
 *
 * Throws a `ConfigError` for an override of an unknown column (or a key, label or offline feature), and a
 * `RangeError` when `baseRows` is empty.
 *
 * @example
 * const baseRows = chooseBaseRows(sample.rows, profile);
 * const rows = createRowArbitrary(profile, baseRows, { columns: { country: { values: ['US', 'DE', 'XX'] } } });
 * fc.assert(fc.asyncProperty(rows, async (g) => sameFeatures(await offline(g.row), await online(g.row))), { seed: 7 });
 */
export function createRowArbitrary(
  profile: DataProfile,
  baseRows: readonly Row[],
  options: RowArbitraryOptions = {},
): fc.Arbitrary<GeneratedRow> {
  const configPath = options.configPath ?? 'checks.generatedParity';
  const changesPerRow = options.changesPerRow ?? DEFAULT_CHANGES_PER_ROW;
  if (!(Number.isFinite(changesPerRow) && changesPerRow > 0)) {
    throw new ConfigError(`${configPath}.changesPerRow`, `must be a number > 0 (got ${changesPerRow})`);
  }
  if (baseRows.length === 0) throw new RangeError('createRowArbitrary: baseRows is empty; generated rows need at least one base row');
  const overrides = resolveColumnOverrides(profile, options.columns ?? {}, configPath);
  const typical = baseRows[0] as Row;

  const plans: Array<{ name: string; pinned: Choice } | { name: string; change: fc.Arbitrary<EdgeValue> }> = [];
  for (const column of profile.columns) {
    const override = overrides.get(column.name);
    if (column.role !== 'input' || override?.kind === 'off') continue;
    if (override?.kind === 'constant') {
      plans.push({ name: column.name, pinned: { value: override.value, reason: 'pinned' } });
      continue;
    }
    const contract = options.contract?.columns.find((c) => c.name === column.name);
    const change = changeArbitrary(column, override, typical[column.name], contract);
    if (change !== null) plans.push({ name: column.name, change });
  }

  const varied = plans.filter((p) => 'change' in p).length;
  const chance = Math.min(changesPerRow / Math.max(varied, 1), MAX_CHANGE_CHANCE);
  const keepWeight = Math.max(1, Math.round((CHANGE_WEIGHT * (1 - chance)) / chance));
  const choices: Record<string, fc.Arbitrary<Choice>> = {};
  for (const plan of plans) {
    choices[plan.name] =
      'pinned' in plan
        ? fc.constant(plan.pinned)
        : fc.oneof(
            { withCrossShrink: true },
            { arbitrary: fc.constant<Choice>(KEEP), weight: keepWeight },
            { arbitrary: plan.change, weight: CHANGE_WEIGHT },
          );
  }
  const base = smallestFirstIndex(baseRows.length);
  return fc.tuple(base, fc.record(choices)).map(([index, picked]) => applyChoices(baseRows, index, picked));
}

/**
 * What a column may change to: its edge values (or the override's values), mixed with in-range values; inside the
 * column's contract when there is one (a closed list of values: those values, and null or absent where allowed). A
 * numeric column the data partly writes as text sends them as text too, in that share (see `sometimesAsText`).
 */
function changeArbitrary(
  column: ColumnProfile,
  override: ResolvedOverride | undefined,
  typical: unknown,
  contract: ColumnContract | undefined,
): fc.Arbitrary<EdgeValue> | null {
  if (override?.kind === 'values') return indexed(override.values.map((value) => ({ value, reason: 'override value' })));
  if (override?.kind === 'arbitrary') return override.arbitrary.map((value): EdgeValue => ({ value, reason: 'override' }));
  if (contract?.values) {
    const allowed: EdgeValue[] = [
      ...(contract.nullable ? [{ value: null, reason: 'null' }] : []),
      ...(contract.optional ? [{ value: MISSING, reason: 'missing column' }] : []),
      ...contract.values.map((value) => ({ value, reason: 'allowed value' })),
    ];
    return indexed(allowed, nullBias(allowed));
  }
  const inRange = contract ? inContractInRange(column, contract) : inRangeArbitrary(column);
  const all = edgeValues(column, { typical, ...(contract ? { contract } : {}) });
  // A category's in-range values are its seen values: left among the edges too, they would crowd out the
  // skew-prone ones (a vocabulary of 40 against 15 variants).
  const kept = inRange === null ? all : all.filter((e) => e.reason !== SEEN_VALUE_REASON);
  const edges = indexed(kept, nullBias(kept));
  const change =
    edges === null || inRange === null
      ? (edges ?? inRange)
      : fc.oneof({ arbitrary: edges, weight: EDGE_WEIGHT }, { arbitrary: inRange, weight: IN_RANGE_WEIGHT });
  return change === null ? null : sometimesAsText(change, column, contract);
}

/**
 * Null and a missing column lead an input column's edge values (where they are allowed) and are the most common skew
 * of all (imputed one way offline, another online), so a quarter of a column's edge draws are one of them.
 */
function nullBias(values: readonly EdgeValue[]): { head: number; share: number } | undefined {
  const head = values.findIndex((e) => e.value !== null && e.value !== MISSING);
  const leading = head === -1 ? values.length : head;
  return leading === 0 ? undefined : { head: leading, share: 0.25 };
}

/** One of `values`, shrinking toward the front of the list (the simplest values). */
function indexed(values: readonly EdgeValue[], bias?: { head: number; share: number }): fc.Arbitrary<EdgeValue> | null {
  if (values.length === 0) return null;
  return smallestFirstIndex(values.length, bias).map((i) => values[i] as EdgeValue);
}

/**
 * The base row with the picked changes applied; changes that leave the value as it was are not changes. The row
 * is a deep copy: an in-process pipeline that mutates its input (`row.meta.seen = true`) must not reach the
 * base rows or the shared edge values, or later rows would differ from what the seed says.
 */
function applyChoices(baseRows: readonly Row[], index: number, picked: Record<string, Choice>): GeneratedRow {
  const row: Row = structuredClone(baseRows[index] as Row);
  const changes: Record<string, Change> = {};
  for (const [name, choice] of Object.entries(picked)) {
    if (choice === KEEP) continue;
    const from = Object.hasOwn(row, name) ? row[name] : MISSING;
    if (isSameValue(from, choice.value)) continue;
    if (choice.value === MISSING) delete row[name];
    else row[name] = structuredClone(choice.value);
    changes[name] = { from, value: choice.value, reason: choice.reason };
  }
  return { base: index, changes, row };
}
