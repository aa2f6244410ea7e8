import type { FeatureAdapter } from '../adapters/feature-adapter';
import type { ComparePolicy } from '../core/compare-policy';
import type { Row, Side, SourceRow } from '../core/row';
import type { NoiseModel } from './noise-model';

/** What every check receives: the sample, both sides, the policies, and the noise measured so far. */
export interface CheckContext {
  /** Sampled training rows, in sample order. */
  rows: readonly SourceRow[];
  /** Offline pipeline. */
  offline: FeatureAdapter;
  /** Serving endpoint. */
  online: FeatureAdapter;
  /** Whether the offline side computes anything (false for precomputed feature columns). */
  offlineComputes: boolean;
  /** Columns the offline pipeline sees for a row (the label included). */
  offlineFields: (row: SourceRow) => Row;
  /** Columns serving sees for a row (never the label). */
  onlineFields: (row: SourceRow) => Row;
  /** Label column, if configured. */
  label: string | null;
  /** Field policies. */
  policy: ComparePolicy;
  /** Mismatch examples kept per field. */
  examples: number;
  /** Per-field noise measured by the determinism check, if it ran. */
  noise: NoiseModel | null;
  /** Cancels the check. */
  signal?: AbortSignal | undefined;
  /** Progress per side as results arrive. */
  onProgress?: ((side: Side, done: number, total: number) => void) | undefined;
}
