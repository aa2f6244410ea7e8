import type { ComputeOptions, FeatureAdapter } from '../adapters/feature-adapter';
import type { ComparePolicy } from '../core/compare-policy';
import type { FieldOutcome } from '../core/diff';
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
    return { row, offline, online, outcomes: compareRow(row, offline, online, policy) };
  });
}

/** One row's field outcomes: the diff when both sides produced features, none otherwise. */
export function compareRow(row: SourceRow, offline: SideResult, online: SideResult, policy: ComparePolicy): FieldOutcome[] {
  return offline.kind === 'ok' && online.kind === 'ok' ? diffFeatures(row.key, offline.features, online.features, policy) : [];
}

/**
 * Runs `rows` through one adapter (as one `compute` call), reporting progress — or, given `onResult`, handing each
 * result to it instead (the caller reports progress). `fields` picks what the side sees of each row.
 */
export function computeSide(
  adapter: FeatureAdapter,
  rows: readonly SourceRow[],
  fields: (row: SourceRow) => Row,
  context: Pick<CheckContext, 'signal' | 'onProgress'> & Pick<ComputeOptions, 'reuseProcess' | 'streamResults' | 'onResult'>,
): Promise<SideResult[]> {
  let done = 0;
  const { onResult, onProgress } = context;
  return adapter.compute(
    rows.map((row) => ({ key: row.key, fields: fields(row) })),
    {
      ...(context.signal ? { signal: context.signal } : {}),
      ...(context.reuseProcess ? { reuseProcess: true } : {}),
      ...(context.streamResults ? { streamResults: true } : {}),
      onResult: onResult ?? (() => onProgress?.(adapter.side, ++done, rows.length)),
    },
  );
}
