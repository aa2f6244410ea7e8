/**
 * The `checks` section: which checks run, and how. `true`/`false` switches a check with its defaults; an
 * object switches it on with options. Checks run in the order determinism, parity, generated-parity,
 * input-contract, batch-invariance, label-invariance (determinism first: parity needs its noise measurements).
 */
export interface ChecksConfig {
  /** Sampled training rows through both sides. Default `true`. */
  parity?: boolean;
  /** fast-check rows built from the data profile, biased to skew-prone values, through both sides. Default on. */
  generatedParity?: boolean | GeneratedParityConfig;
  /** Each side asked twice for the same rows: measures per-field noise. Default on. */
  determinism?: boolean | DeterminismConfig;
  /** Offline features of each row computed alone vs within a batch: fit-on-batch leakage. Default on. */
  batchInvariance?: boolean | { rows?: number };
  /** Offline features with the label changed: target leakage. Default on (skipped without a label). */
  labelInvariance?: boolean | { rows?: number };
  /**
   * Out-of-contract probe rows (a column left out, null where training has none, a number as a string…) through
   * both sides: how each reacts, reported as warnings. Default on: `{ probes: 40, fail: false }`.
   */
  inputContract?: boolean | InputContractConfig;
}

/** Options of the input-contract check. */
export interface InputContractConfig {
  /** Most probe rows (one probe per kind × column, chosen round-robin over kinds when there are more). Default `40`; `0` switches the check off. */
  probes?: number;
  /** Fail the check (exit 1) when the sides react differently to a probe, instead of warning. Default `false`. */
  fail?: boolean;
  /** Seed of the choice of probes when there are more than `probes`. Default: the sampling seed. */
  seed?: number;
}

/** Options of the generated-parity check. */
export interface GeneratedParityConfig {
  /** Rows to generate. Default `200`. */
  runs?: number;
  /** fast-check seed. Default: the sampling seed (under jest: jest's seed). */
  seed?: number;
  /** Most shrink steps (each evaluates one row on both sides) per failing field. Default `200`. */
  maxShrinks?: number;
  /**
   * Per-column generation overrides: `false` keeps the training value, `{ constant: v }` pins a value,
   * `{ values: [...] }` picks among values, or any fast-check arbitrary replaces the column's generator.
   */
  columns?: Record<string, false | { constant: unknown } | { values: unknown[] } | object>;
}

/** Options of the determinism check. */
export interface DeterminismConfig {
  /** Rows asked twice per side. Default `50`. */
  rows?: number;
  /** Fields known to be nondeterministic: reported as noise, but the check does not fail on them. */
  allowNoise?: string[];
}
