import type { AnalysisInput } from '../analysis-input';
import { fieldValues, rowsWithField } from './field-values';
import { scalarKindOf } from './scalar-kind';

/** An (offline, online) pair of one row's values. */
export type ScatterPoint = [offline: number, online: number];

/**
 * Up to `max` (offline, online) pairs of a numeric field for a scatter chart: rows where both sides are finite
 * numbers, mismatching rows first (they are what the chart is for), then matching rows to show the diagonal.
 * When a group has more rows than room, rows evenly spaced through the sample are kept — deterministic, so the
 * same report always draws the same chart, and spread over the whole sample rather than its first rows.
 * Null for non-numeric fields.
 *
 * @param max Most points returned (default 500).
 */
export function scatterFor(field: string, input: AnalysisInput, max = 500): ScatterPoint[] | null {
  const rows = rowsWithField(field, input);
  const { offline, online } = fieldValues(field, rows);
  if (scalarKindOf(offline, online) !== 'numeric') return null;
  const mismatching: ScatterPoint[] = [];
  const matching: ScatterPoint[] = [];
  rows.forEach((row, i) => {
    const a = offline[i];
    const b = online[i];
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) return;
    (row.mismatched.has(field) ? mismatching : matching).push([a, b]);
  });
  const room = Math.max(0, Math.floor(max));
  const first = spread(mismatching, room);
  return [...first, ...spread(matching, room - first.length)];
}

/** `count` items evenly spaced through `items` (all of them when there is room), in their order. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}
