import type { CheckResult } from '../core/check-result';
import type { ComparePolicy } from '../core/compare-policy';
import { diffFeatures } from '../core/diff';
import type { Row, Side, SideResult, SourceRow } from '../core/row';
import type { FeatureAdapter } from '../adapters/feature-adapter';
import type { RowComparison } from './row-comparison';
import { summarizeRows } from './summarize-rows';

/** What the parity check needs. */
export interface ParityInput {
  /** Sampled training rows. */
  rows: readonly SourceRow[];
  /** Offline pipeline. */
  offline: FeatureAdapter;
  /** Serving endpoint. */
  online: FeatureAdapter;
  /** Columns the offline pipeline sees for a row. */
  offlineFields: (row: SourceRow) => Row;
  /** Columns serving sees for a row (never the label). */
  onlineFields: (row: SourceRow) => Row;
  /** Field policies. */
  policy: ComparePolicy;
  /** Mismatch examples kept per field. */
  examples: number;
  /** Cancels the check. */
  signal?: AbortSignal;
  /** Progress per side as results arrive. */
  onProgress?: (side: Side, done: number, total: number) => void;
}

/** The parity check's result and the per-row data later analyses (hints, distributions) work from. */
export interface ParityOutput {
  /** The check result. */
  result: CheckResult;
  /** Every row with both sides' results and field outcomes, in sample order. */
  comparisons: RowComparison[];
  /** Milliseconds each side took (they run concurrently). */
  timings: { offlineMs: number; onlineMs: number };
}

/**
 * parity: every sampled training row through both sides, compared field by field. Both sides run concurrently;
 * if the offline side fails as a whole, serving is cancelled and the error propagates (the run cannot conclude).
 */
export async function runParityCheck(input: ParityInput): Promise<ParityOutput> {
  const total = input.rows.length;
  const inner = new AbortController();
  const signal = input.signal ? AbortSignal.any([input.signal, inner.signal]) : inner.signal;
  const timings = { offlineMs: 0, onlineMs: 0 };

  const runSide = async (adapter: FeatureAdapter, fields: (row: SourceRow) => Row): Promise<SideResult[]> => {
    const started = performance.now();
    let done = 0;
    try {
      return await adapter.compute(
        input.rows.map((row) => ({ key: row.key, fields: fields(row) })),
        { signal, onResult: () => input.onProgress?.(adapter.side, ++done, total) },
      );
    } catch (error) {
      inner.abort(error);
      throw error;
    } finally {
      timings[adapter.side === 'offline' ? 'offlineMs' : 'onlineMs'] = Math.round(performance.now() - started);
    }
  };

  const [offline, online] = await Promise.all([runSide(input.offline, input.offlineFields), runSide(input.online, input.onlineFields)]);
  const comparisons = input.rows.map((row, i): RowComparison => {
    const off = offline[i]!;
    const on = online[i]!;
    const outcomes = off.kind === 'ok' && on.kind === 'ok' ? diffFeatures(row.key, off.features, on.features, input.policy) : [];
    return { row, offline: off, online: on, outcomes };
  });

  const summary = summarizeRows(comparisons, (field) => input.policy.policyFor(field).budget, input.examples);
  const failed = summary.fields.filter((f) => f.status === 'failed');
  const { compared } = summary.rows;
  const result: CheckResult = {
    name: 'parity',
    status: compared === 0 ? 'inconclusive' : failed.length > 0 ? 'failed' : 'passed',
    summary:
      compared === 0
        ? 'no row was compared: every row failed on one side or was not run'
        : failed.length > 0
          ? `${failed.length} of ${summary.fields.length} fields differ between offline and serving on ${compared} compared rows`
          : `all ${summary.fields.length} fields agree on ${compared} compared rows`,
    ...summary,
  };
  return { result, comparisons, timings };
}
