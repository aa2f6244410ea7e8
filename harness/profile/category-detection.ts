/** Most distinct (trimmed, lower-cased) values a category may have. */
export const MAX_CATEGORIES = 50;

/**
 * Whether a string column's non-null values look like a category (plan, country, device) rather than free text
 * or an identifier: at most {@link MAX_CATEGORIES} distinct values once trimmed and lower-cased, and no more
 * distinct values than half the values. Variants are folded on purpose: `Basic`, `basic ` and `BASIC` are one
 * category written three ways (a skew cause in itself), not three reasons to call the column free text.
 */
export function isCategoryColumn(values: readonly string[]): boolean {
  if (values.length === 0) return false;
  const distinct = new Set<string>();
  for (const value of values) {
    distinct.add(value.trim().toLowerCase());
    if (distinct.size > MAX_CATEGORIES) return false;
  }
  return distinct.size <= values.length / 2;
}

/**
 * Distinct raw values with their counts, most frequent first (ties in order of first appearance, so the result
 * depends only on the rows), at most `max` of them.
 */
export function countVocabulary(values: readonly string[], max = MAX_CATEGORIES): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  // Map iteration is insertion order and Array.prototype.sort is stable: ties keep first-seen order.
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count).slice(0, max);
}
