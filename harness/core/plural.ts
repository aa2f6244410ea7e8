/**
 * `row` for exactly one, `rows` otherwise (zero included): the noun that goes with a count. Pure.
 *
 * @example `${n} of ${total} ${nounFor(total, 'row')} compared` — "1 of 1 row compared", "3 of 50 rows compared"
 */
export function nounFor(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/**
 * A count and its noun: `1 field`, `2 fields`, `0 fields`. Pure.
 *
 * @example formatCountOf(1, 'difference') // "1 difference"
 */
export function formatCountOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${nounFor(count, singular, plural)}`;
}

/**
 * The present-tense verb agreeing with a count as its subject: `differs` for one, `differ` otherwise — "1 of 10
 * fields differs", "2 of 10 fields differ", "0 rows differ". Pure.
 */
export function verbFor(count: number, singular: string, plural: string): string {
  return nounFor(count, singular, plural);
}
