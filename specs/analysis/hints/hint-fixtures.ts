import type { AnalysisInput, AnalysisRow } from '../../../harness/analysis/analysis-input';
import { createComparePolicy } from '../../../harness/core/compare-policy';
import { diffFeatures } from '../../../harness/core/diff';
import type { Hint, HintKind } from '../../../harness/core/field-analysis';
import { createRandom, type Random } from '../../../harness/core/random';
import type { ColumnInfo, ColumnType, Row } from '../../../harness/core/row';
import { profileRows } from '../../../harness/profile/profile-rows';

/** Marks a feature as absent from a side (not null: missing). */
export const ABSENT = Symbol('absent');

/** One synthetic row: its inputs and the field's value on each side. */
export interface RowSpec {
  inputs?: Row;
  offline: unknown;
  online: unknown;
  /** Extra features per side (for renames). */
  offlineExtra?: Record<string, unknown>;
  onlineExtra?: Record<string, unknown>;
}

/** Options of {@link buildInput}. */
export interface BuildOptions {
  /** The field the specs set (default `f`). */
  field?: string;
  /** Input columns (default: inferred from the first row's inputs: numbers → number, strings → string). */
  columns?: ColumnInfo[];
  /** Rows the profile is computed from (default: the rows themselves), e.g. training rows for unseen values. */
  profileFrom?: Row[];
}

/** An input column. */
export function column(name: string, type: ColumnType, role: ColumnInfo['role'] = 'input'): ColumnInfo {
  return { name, type, typeSource: 'inferred', role };
}

/**
 * Builds an {@link AnalysisInput} from row specs the way the runner would: mismatches come from the real diff
 * with the default policy, the profile from the real profiler.
 */
export function buildInput(specs: readonly RowSpec[], options: BuildOptions = {}): AnalysisInput {
  const field = options.field ?? 'f';
  const columns = options.columns ?? inferColumns(specs);
  const policy = createComparePolicy();
  const rows: AnalysisRow[] = specs.map((spec, i) => {
    const offline: Record<string, unknown> = { ...spec.offlineExtra };
    const online: Record<string, unknown> = { ...spec.onlineExtra };
    if (spec.offline !== ABSENT) offline[field] = spec.offline;
    if (spec.online !== ABSENT) online[field] = spec.online;
    const failed = diffFeatures(`r${i}`, offline, online, policy).filter((o) => o.mismatches.length > 0);
    const mismatched = new Set(failed.map((o) => o.field));
    const kinds = new Map(failed.map((o) => [o.field, o.mismatches[0]!.kind]));
    return { key: `r${i}`, inputs: spec.inputs ?? {}, offline, online, mismatched, kinds };
  });
  const profileSource = options.profileFrom ?? specs.map((s) => s.inputs ?? {});
  const profile = profileRows(
    profileSource.map((values, i) => ({ key: `p${i}`, line: i + 2, values })),
    columns,
  );
  const offlineNames = new Set(rows.flatMap((r) => Object.keys(r.offline)));
  const onlineNames = new Set(rows.flatMap((r) => Object.keys(r.online)));
  return {
    rows,
    columns,
    profile,
    offlineOnly: [...offlineNames].filter((n) => !onlineNames.has(n)),
    onlineOnly: [...onlineNames].filter((n) => !offlineNames.has(n)),
  };
}

function inferColumns(specs: readonly RowSpec[]): ColumnInfo[] {
  const names = new Set(specs.flatMap((s) => Object.keys(s.inputs ?? {})));
  return [...names].map((name) => {
    const sample = specs.map((s) => s.inputs?.[name]).find((v) => v !== null && v !== undefined);
    const isDate = typeof sample === 'string' && /^\d{4}-\d{2}-\d{2}/.test(sample);
    const type: ColumnType = typeof sample === 'number' ? 'number' : typeof sample === 'boolean' ? 'boolean' : isDate ? 'date' : 'string';
    return column(name, type);
  });
}

/** A seeded random source for test data (same rows every run). */
export function seeded(seed = 7): Random & { uniform(min: number, max: number): number; pick<T>(items: readonly T[]): T } {
  const random = createRandom(seed);
  return {
    ...random,
    uniform: (min, max) => min + (max - min) * random.next(),
    pick: (items) => items[random.int(items.length)]!,
  };
}

/**
 * The strength of a hint that explains `explained` of `total` mismatching rows: the Laplace share
 * (explained + 1) / (total + 2), to 3 decimals (see `explainedShare`).
 */
export function share(explained: number, total = explained): number {
  return Math.round(((explained + 1) / (total + 2)) * 1000) / 1000;
}

/** The hint of a kind, if any. */
export function hintOf(hints: readonly Hint[], kind: HintKind): Hint | undefined {
  return hints.find((h) => h.kind === kind);
}

/** Kinds of the hints with at least `strength`. */
export function strongKinds(hints: readonly Hint[], strength = 0): HintKind[] {
  return hints.filter((h) => h.strength >= strength).map((h) => h.kind);
}

/** `count` numbers from the random source in [min, max), rounded to `decimals`. */
export function numbers(random: ReturnType<typeof seeded>, count: number, min: number, max: number, decimals = 2): number[] {
  const scale = 10 ** decimals;
  return Array.from({ length: count }, () => Math.round(random.uniform(min, max) * scale) / scale);
}
