/**
 * The evidence every hint must clear, in one place so that the detectors agree on what "fits well" means.
 * A hint names a cause; a wrong cause sends an engineer the wrong way, so these err on the side of silence.
 */

/** Smallest share of a field's mismatching rows a cause must explain. */
export const MIN_EXPLAINED_SHARE = 0.9;

/** Fewest mismatching rows a cause must explain (two rows fit any line). */
export const MIN_ROWS = 3;

/**
 * "Only where X": largest mismatch rate allowed among rows where X does not hold. A cause tied to a condition
 * must leave the other rows (nearly) clean.
 */
export const MAX_CONTRAST_RATE = 0.1;

/**
 * "Only where X": smallest mismatch rate among rows where X holds — the hint must be *specific*: most rows that
 * satisfy X mismatch. A bare majority is not enough: "has lower-case letters" held on 951 rows of which 510
 * mismatched (every zone but UTC), and named case folding for a daylight-saving bug.
 */
export const MIN_SPECIFICITY = 0.8;

/**
 * Two hints are "close" when their strengths differ by at most this: the runner-up is shown beside the best
 * hint only then (two readings that explain the same rows equally well); a clearly weaker one is dropped.
 */
export const RUNNER_UP_MARGIN = 0.03;

/** Hints look at no more rows than this per field (a deterministic stride through the sample beyond it). */
export const MAX_HINT_ROWS = 20_000;

/**
 * "Only where X": largest chance that mismatches spread at random would concentrate on X this much (Fisher's
 * exact test). Detectors try many conditions (every column, value and edge), so the bar is well below 5 %.
 */
export const MAX_CHANCE = 1e-4;

/** Smallest correlation between a difference and a row's age for a grows-with-age hint. */
export const MIN_CORRELATION = 0.9;

/**
 * Relative tolerance of a fitted relation (offset, ratio, line, sign flip): a row fits when the relation
 * predicts its online value to within 1e-4 of the row's own difference |online − offline| (for an offset, of
 * the constant). Measured against the difference, not the values, so that noise of 1e-3 on values of 40 is
 * not "explained" by a line through the diagonal.
 */
export const RELATION_TOLERANCE = 1e-4;

/** Float noise allowed relative to the size of the values themselves (a difference of two large doubles). */
export const FLOAT_TOLERANCE = 1e-12;

/** Hints weaker than this are not reported. */
export const MIN_STRENGTH = 0.5;
