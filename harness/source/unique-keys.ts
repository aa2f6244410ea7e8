/**
 * Makes row keys unique within a sample, in file order: the first row with a key keeps it, the second becomes
 * `key#2`, the third `key#3`, and so on. If such a name is already a key of another row in the sample, the next
 * free number is used instead, so the result is always unique. Keys identify rows in every report, so two rows
 * must never share one, yet the plain key should stay recognisable.
 *
 * @example uniqueKeys(['a', 'b', 'a', 'a']) // → ['a', 'b', 'a#2', 'a#3']
 */
export function uniqueKeys(keys: readonly string[]): string[] {
  const taken = new Set(keys);
  const occurrences = new Map<string, number>();
  const lastSuffix = new Map<string, number>();
  return keys.map((key) => {
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    if (occurrence === 1) return key;
    let suffix = Math.max(occurrence, (lastSuffix.get(key) ?? 1) + 1);
    while (taken.has(`${key}#${suffix}`)) suffix += 1;
    lastSuffix.set(key, suffix);
    taken.add(`${key}#${suffix}`);
    return `${key}#${suffix}`;
  });
}
