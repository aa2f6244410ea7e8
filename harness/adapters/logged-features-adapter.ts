import type { FeatureVector, SideResult } from '../core/row';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from './feature-adapter';

/** Options of {@link createLoggedFeaturesAdapter}. */
export interface LoggedFeaturesOptions {
  /** The features serving logged, by row key. */
  features: ReadonlyMap<string, FeatureVector>;
  /** For reports: where the features come from (`logged in logs/serving.jsonl`). */
  description: string;
}

/**
 * The serving side of `skew logs`: answers each row with the features serving logged for it, so the comparison,
 * hints and reports of parity apply unchanged — and no request is sent. A row without logged features (which the
 * log reader never lets through) is an error of that row.
 */
export function createLoggedFeaturesAdapter(options: LoggedFeaturesOptions): FeatureAdapter {
  return {
    side: 'online',
    description: options.description,
    async compute(rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> {
      return rows.map((row, index) => {
        const features = options.features.get(row.key);
        const result: SideResult = features ? { kind: 'ok', features } : { kind: 'error', message: `no logged features for row ${row.key}` };
        computeOptions.onResult?.(index, result);
        return result;
      });
    },
    async close() {},
  };
}
