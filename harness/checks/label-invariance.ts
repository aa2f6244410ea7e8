import type { CheckResult } from '../core/check-result';
import { formatCountOf } from '../core/plural';
import { createRandom } from '../core/random';
import type { SourceRow } from '../core/row';
import type { CheckContext } from './check-context';
import { compareResults, computeSide } from './compare-results';
import { invarianceResult } from './invariance-result';
import { skippedCheck } from './skipped-check';
import { parseJson } from '../core/lossless-json';
import { stringifyJsonValue } from '../core/stringify-json';

/**
 * label-invariance: offline features with the label changed — flipped when it has two values, otherwise
 * rotated among the rows — against the features with the label as it is. A field that moves reads the label:
 * target leakage, a feature serving can never have. Skipped (with the reason, never passed) when there is no label
 * or the offline features are precomputed.
 */
export async function runLabelInvarianceCheck(ctx: CheckContext, options: { rows: number; seed: number }): Promise<CheckResult> {
  if (!ctx.label) return skippedCheck('label-invariance', 'no label column configured (source.label)');
  if (!ctx.offlineComputes) return skippedCheck('label-invariance', 'offline features are precomputed columns: nothing recomputes them with another label');
  const label = ctx.label;
  const rows = ctx.rows.slice(0, options.rows);
  const changed = changeLabels(rows, label, options.seed);
  const moved = rows.filter((row, i) => !Object.is(row.values[label], changed[i]!.values[label]));
  if (moved.length === 0) return skippedCheck('label-invariance', `the label ${label} could not be changed on any sampled row`);

  const asIs = await computeSide(ctx.offline, rows, ctx.offlineFields, ctx);
  const withChanged = await computeSide(ctx.offline, changed, ctx.offlineFields, { signal: ctx.signal });
  const comparisons = compareResults(rows, asIs, withChanged, ctx.policy).filter((_, i) => !Object.is(rows[i]!.values[label], changed[i]!.values[label]));
  return invarianceResult('label-invariance', comparisons, ctx, {
    labels: { offline: 'label as is', online: 'label changed' },
    none: 'no row could be computed with its label changed',
    moved: (failed) =>
      `${failed.map((f) => f.field).join(', ')} change${failed.length === 1 ? 's' : ''} when only the label ${label} changes: the offline pipeline reads the label (target leakage)`,
    still: (compared) => `no offline feature moved when ${label} changed on ${formatCountOf(compared, 'row')}`,
  });
}

/**
 * The rows with their labels changed: two distinct values (0/1, true/false, yes/no) are swapped; a single value is
 * replaced by another of its type; more values are rotated by a seeded permutation, so every row gets another
 * row's label where possible.
 */
export function changeLabels(rows: readonly SourceRow[], label: string, seed: number): SourceRow[] {
  const values = rows.map((r) => r.values[label]);
  const distinct = [...new Set(values.filter((v) => v !== null && v !== undefined).map((v) => stringifyJsonValue(v)))].map((t) => parseJson(t));
  let next: (value: unknown, index: number) => unknown;
  if (distinct.length === 2) {
    const [a, b] = distinct.map((v) => stringifyJsonValue(v));
    next = (v) => (stringifyJsonValue(v) === a ? distinct[1] : stringifyJsonValue(v) === b ? distinct[0] : v);
  } else if (distinct.length === 1) {
    const only = distinct[0];
    const other = typeof only === 'number' ? only + 1 : typeof only === 'boolean' ? !only : `${String(only)}_changed`;
    next = (v) => (v === null || v === undefined ? v : other);
  } else {
    const random = createRandom(seed);
    const order = values.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    next = (_v, i) => values[order[i]!];
  }
  return rows.map((row, i) => ({ ...row, values: { ...row.values, [label]: next(row.values[label], i) } }));
}
