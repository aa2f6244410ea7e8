import type { FeatureAdapter } from '../adapters/feature-adapter';
import type { ComparePolicy } from '../core/compare-policy';
import { diffFeatures } from '../core/diff';
import type { Row, SideResult, SourceRow } from '../core/row';
import type { CheckContext } from './check-context';
import type { RowComparison } from './row-comparison';

/** Pairs two result lists row by row and diffs the rows where both produced features. */
export function compareResults(
  rows: readonly SourceRow[],
  a: readonly SideResult[],
  b: readonly SideResult[],
  policy: ComparePolicy,
): RowComparison[] {
  return rows.map((row, i) => {
    const offline = a[i]!;
    const online = b[i]!;
    const outcomes = offline.kind === 'ok' && online.kind === 'ok' ? diffFeatures(row.key, offline.features, online.features, policy) : [];
    return { row, offline, online, outcomes };
  });
}

/**
 * Runs `rows` through one adapter (as one `compute` call), reporting progress. `fields` picks what the side sees
 * of each row.
 */
export function computeSide(
  adapter: FeatureAdapter,
  rows: readonly SourceRow[],
  fields: (row: SourceRow) => Row,
  context: Pick<CheckContext, 'signal' | 'onProgress'> & { reuseProcess?: boolean },
): Promise<SideResult[]> {
  let done = 0;
  return adapter.compute(
    rows.map((row) => ({ key: row.key, fields: fields(row) })),
    {
      ...(context.signal ? { signal: context.signal } : {}),
      ...(context.reuseProcess ? { reuseProcess: true } : {}),
      onResult: () => context.onProgress?.(adapter.side, ++done, rows.length),
    },
  );
}
