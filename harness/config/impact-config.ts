import type { ServingConfig } from './user-config';

/**
 * The `impact` section: measure how much each skewed field moves a model's prediction, and rank skewed fields by it
 * in every report. Off unless set.
 *
 * @example
 * ```ts
 * impact: {
 *   // An endpoint that scores a feature vector: POST {…features} → {"prediction": 0.73}
 *   model: { url: 'http://127.0.0.1:${port}/score' },
 *   threshold: 0.5,
 * },
 * ```
 */
export interface ImpactConfig {
  /**
   * An endpoint that scores one feature vector (in offline feature names) and returns a prediction. Takes every
   * option of `serving` except `start` (it may use serving's `${port}`): `url`, `method`, `headers`, `request`
   * (`{ wrap: 'features' }` → `{"features": {…}}`), `response`, `batch`, timeouts, retries, limits. Differences:
   * the request is the feature vector, and `response` defaults to the whole body (`{ path: '' }`), where the
   * prediction is read from the property named by {@link ImpactConfig.prediction}. Without it, impact cannot be
   * measured and the report says so (a serving response's own prediction cannot be attributed to single fields).
   */
  model?: Omit<ServingConfig, 'start'>;
  /** Property of the model's response (after `model.response`) holding the prediction, a number. Default `'prediction'`. */
  prediction?: string;
  /**
   * Decision threshold: a prediction ≥ it is a positive decision, and the report counts rows whose decision flips.
   * Default: none (only |Δ| is reported: a regression model has no decision).
   */
  threshold?: number;
  /**
   * Most skewed rows scored (those whose keys hash lowest: the same rows every run). Each costs 2 model requests plus
   * one per field that differs in it. Default `100`.
   */
  maxRows?: number;
}
