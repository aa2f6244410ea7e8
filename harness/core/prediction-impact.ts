/**
 * Prediction impact: how much each skewed field moves a model's prediction. Measured on parity's skewed rows by
 * scoring the offline feature vector, the online one, and per skewed field the offline vector with only that field
 * taken from online (see `summarize-impact.ts`). Reporters rank skewed fields by it, so a reviewer fixes first what
 * changes decisions.
 */

/** How much one field's skew moves the prediction (set on parity's fields when impact was measured). */
export interface FieldImpact {
  /**
   * 1 for the field to fix first, among the fields with scored rows: most decisions flipped, then the largest total
   * |Δ| (mean × rows scored), then the largest max |Δ|, then feature order. `null` when no row of it was scored.
   */
  rank: number | null;
  /** Rows chosen for scoring in which this field differs. */
  rows: number;
  /** Of those, rows the model scored both ways (offline vector, and offline vector with this field from online). */
  scored: number;
  /** Rows the model could not score (an error, a missing or non-numeric prediction, not sent): never counted as 0. */
  failed: number;
  /** Mean |prediction(offline with this field from online) − prediction(offline)| over scored rows, or `null`. */
  meanAbsDelta: number | null;
  /** Largest such |Δ|, or `null`. */
  maxAbsDelta: number | null;
  /** Scored rows whose decision at the threshold flips with this field alone from online; `null` without a threshold. */
  flipped: number | null;
  /** flipped / scored, or `null` (no threshold, nothing scored). */
  flipRate: number | null;
}

/** The whole row's movement: the offline vector's prediction against the online vector's. */
export interface RowImpact {
  /** Rows scored both ways. */
  scored: number;
  /** Mean |prediction(online) − prediction(offline)|, or `null`. */
  meanAbsDelta: number | null;
  /** Largest such |Δ|, or `null`. */
  maxAbsDelta: number | null;
  /** Scored rows whose decision differs between the two vectors; `null` without a threshold. */
  flipped: number | null;
}

/**
 * What the impact step did, on the parity result. `measured`: a model endpoint scored the rows (numbers on the fields'
 * `impact`); `unavailable`: it could not run (no `impact.model`, the endpoint refused) and `notes` say why — no field
 * then carries a number, never a made-up 0.
 */
export interface ImpactDetails {
  status: 'measured' | 'unavailable';
  /** The model endpoint (`POST http://…/score`), or `null` without one. */
  model: string | null;
  /** Name of the prediction in the model's response. */
  prediction: string;
  /** Decision threshold (`prediction ≥ threshold` is positive), or `null` (no flips counted). */
  threshold: number | null;
  /** Skewed rows of parity's sample (both sides computed, some field differs). */
  skewedRows: number;
  /** Of those, the rows chosen for scoring: the `maxRows` whose keys hash lowest (the same rows every run). */
  rowsChosen: number;
  /** `impact.maxRows`. */
  maxRows: number;
  /**
   * Vectors the model was asked to score, and how many got no usable prediction (an error, a missing or non-numeric
   * prediction, or never sent once the endpoint was declared unavailable).
   */
  vectors: { total: number; failed: number };
  /** Offline vector against online vector, per row. */
  rows: RowImpact;
  /** The first few distinct reasons the model gave no prediction. */
  failures: string[];
  /** Things a reader should know: why nothing was measured, that the model endpoint became unavailable, … */
  notes: string[];
}
