import { countVocabulary } from './category-detection';
import type { StringProfile } from '../core/data-profile';

const PADDED = /^\s|\s$/u;
const NON_ASCII = /[^\x00-\x7f]/u;

/** Which case a value's letters are in; `none` when it has no cased letter (`42`, `東京`). */
export type CaseShape = 'lower' | 'upper' | 'mixed' | 'none';

/** The case of a value's letters: title case (`Premium`) counts as mixed. */
export function caseShapeOf(value: string): CaseShape {
  const lower = value.toLowerCase();
  const upper = value.toUpperCase();
  if (lower === upper) return 'none';
  if (value === lower) return 'lower';
  if (value === upper) return 'upper';
  return 'mixed';
}

/** Whether a value starts or ends with whitespace (any Unicode space, tab or line break; not U+200B). */
export function isPadded(value: string): boolean {
  return PADDED.test(value);
}

/**
 * Shapes of a string column's non-null values, and for a category (see `isCategoryColumn`) its vocabulary.
 * Lengths are in UTF-16 code units, as JavaScript and most JSON tooling count them.
 */
export function profileStrings(values: readonly string[], category: boolean): StringProfile {
  const n = values.length;
  let minLength = n === 0 ? 0 : Infinity;
  let maxLength = 0;
  let padded = 0;
  let empty = 0;
  let nonAscii = 0;
  const cases = { lower: 0, upper: 0, mixed: 0, none: 0 };
  for (const value of values) {
    minLength = Math.min(minLength, value.length);
    maxLength = Math.max(maxLength, value.length);
    if (isPadded(value)) padded += 1;
    if (value === '') empty += 1;
    if (NON_ASCII.test(value)) nonAscii += 1;
    cases[caseShapeOf(value)] += 1;
  }
  const cased = n - cases.none;
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return {
    minLength,
    maxLength,
    paddedRate: share(padded, n),
    emptyRate: share(empty, n),
    caseShape: { lower: share(cases.lower, cased), upper: share(cases.upper, cased), mixed: share(cases.mixed, cased) },
    nonAsciiRate: share(nonAscii, n),
    vocabulary: category ? countVocabulary(values) : null,
  };
}
