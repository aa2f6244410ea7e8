import type { AnalysisInput } from '../analysis-input';
import type { Histogram } from '../../core/field-analysis';
import { histogram } from './histogram';

/** Bins of the difference histogram. */
export const DIFF_HISTOGRAM_BINS = 20;

/**
 * Histogram of `online − offline` for one field over the rows where it mismatched and both sides are finite
 * numbers: the shape tells a constant offset (one spike) from noise (a bell) from a few outliers. Null when no
 * mismatching row has two numbers (a non-numeric field, or no mismatches).
 *
 * @example
 * diffHistogramFor('hour_of_day', input); // { edges: [1, 1], counts: [412] }: online is offline + 1 everywhere
 */
export function diffHistogramFor(field: string, input: AnalysisInput): Histogram | null {
  const diffs: number[] = [];
  for (const row of input.rows) {
    if (!row.mismatched.has(field)) continue;
    const offline = row.offline[field];
    const online = row.online[field];
    if (typeof offline === 'number' && typeof online === 'number' && Number.isFinite(offline) && Number.isFinite(online)) {
      diffs.push(online - offline);
    }
  }
  const result = histogram(diffs, DIFF_HISTOGRAM_BINS);
  // Differences that overflow to ±Infinity are dropped by the histogram; with nothing left there is no chart.
  return result.counts.length === 0 ? null : result;
}
