import type { MismatchKind } from '../../core/mismatch';
import type { AnalysisInput, AnalysisRow } from '../analysis-input';

/** A mismatching (or matching) row where both sides' values of the field are finite numbers. */
export interface NumericPair {
  /** The row the values come from (its inputs drive the condition detectors). */
  row: AnalysisRow;
  offline: number;
  online: number;
}

/** One field's rows, split the way every detector needs them. Built once per field. */
export interface FieldView {
  /** Feature name (offline name). */
  field: string;
  /** The whole analysis input (columns, profile, offline-only and online-only names). */
  input: AnalysisInput;
  /** Rows where the field mismatched: the rows a hint must explain. */
  mismatching: readonly AnalysisRow[];
  /** Rows where the field is present on a side and matched: the contrast for "only where X" hints. */
  matching: readonly AnalysisRow[];
  /** Mismatching rows with finite numbers on both sides. */
  pairs: readonly NumericPair[];
  /** Matching rows with finite numbers on both sides. */
  matchingPairs: readonly NumericPair[];
}

/** Splits the rows of `input` for `field`. */
export function createFieldView(field: string, input: AnalysisInput): FieldView {
  const mismatching: AnalysisRow[] = [];
  const matching: AnalysisRow[] = [];
  const pairs: NumericPair[] = [];
  const matchingPairs: NumericPair[] = [];
  for (const row of input.rows) {
    const isMismatch = row.mismatched.has(field);
    if (!isMismatch && !hasOwn(row.offline, field) && !hasOwn(row.online, field)) continue;
    (isMismatch ? mismatching : matching).push(row);
    const offline = row.offline[field];
    const online = row.online[field];
    if (isFiniteNumber(offline) && isFiniteNumber(online)) (isMismatch ? pairs : matchingPairs).push({ row, offline, online });
  }
  return { field, input, mismatching, matching, pairs, matchingPairs };
}

/**
 * Keeps the rows of a view that satisfy `keep` (one zone, one month): the same field, a smaller segment, so that
 * a detector can read each segment on its own.
 */
export function restrictView(view: FieldView, keep: (row: AnalysisRow) => boolean): FieldView {
  return {
    field: view.field,
    input: view.input,
    mismatching: view.mismatching.filter(keep),
    matching: view.matching.filter(keep),
    pairs: view.pairs.filter((p) => keep(p.row)),
    matchingPairs: view.matchingPairs.filter((p) => keep(p.row)),
  };
}

/**
 * How the field mismatched in a row: the diff's kind when recorded, otherwise read from the values (present on
 * one side only → `missing_online` / `missing_offline`; a number against a string → `type`; else `value`).
 */
export function mismatchKindOf(row: AnalysisRow, field: string): MismatchKind {
  const recorded = row.kinds?.get(field);
  if (recorded) return recorded;
  const offline = hasOwn(row.offline, field);
  const online = hasOwn(row.online, field);
  if (offline && !online) return 'missing_online';
  if (online && !offline) return 'missing_offline';
  const a = row.offline[field];
  const b = row.online[field];
  return a !== null && b !== null && jsonTypeOf(a) !== jsonTypeOf(b) ? 'type' : 'value';
}

/** Whether `value` is a finite number (not NaN, not ±Infinity, not a numeric string). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Own-property check (feature vectors are plain JSON objects; `in` would see the prototype). */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** `typeof`, with a bigint (an integer kept exact) a number like any other. */
function jsonTypeOf(value: unknown): string {
  return typeof value === 'bigint' ? 'number' : typeof value;
}
