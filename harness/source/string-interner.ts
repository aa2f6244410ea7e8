/** Most distinct values one column's interner remembers; a column with more (ids, free text) is left as it is. */
const MAX_DISTINCT = 4096;

/**
 * Shares one string per distinct value of a column: a sample of a million rows holds each category, date or
 * country once instead of once per row (a CSV parser makes a new string for every cell). Columns whose values
 * are mostly distinct stop being interned once they exceed {@link MAX_DISTINCT} values.
 */
export class StringInterner {
  readonly #columns = new Map<string, Map<string, string> | null>();

  /** The shared instance of `text` in `column` (or `text` itself when the column is not interned). */
  intern(column: string, text: string): string {
    let seen = this.#columns.get(column);
    if (seen === null) return text;
    if (seen === undefined) this.#columns.set(column, (seen = new Map()));
    const shared = seen.get(text);
    if (shared !== undefined) return shared;
    if (seen.size >= MAX_DISTINCT) {
      this.#columns.set(column, null);
      return text;
    }
    seen.set(text, text);
    return text;
  }
}
