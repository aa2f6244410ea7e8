/**
 * A generated value meaning "the column is absent from the row" — the key is left out, which is not the same as
 * `null`: `row.get('x')` and `row['x'] is None` disagree on it, and so do many request validators. The row
 * builder turns it into a missing key; it never reaches a feature pipeline or a request body.
 */
export const MISSING: unique symbol = Symbol('skew-harness.missing');

/** The type of {@link MISSING}. */
export type Missing = typeof MISSING;
