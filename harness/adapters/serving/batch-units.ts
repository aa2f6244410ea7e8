import type { AdapterRow } from '../feature-adapter';

/**
 * Where each batch request starts, when `keyColumns` are given and some rows share key values: a batch ends early
 * rather than carry two rows with the same key. Generated rows keep their base row's key (an entity a feature store
 * must know), and an endpoint that answers a batch by key (`{"id": …, "features": …}` mapped back by id) would hand
 * one row's features to the other. `null` when plain slices of `size` hold no such pair (the common case: no copy,
 * no allocation per batch beyond the key set). Pure.
 */
export function batchStarts(rows: readonly AdapterRow[], size: number, keyColumns: readonly string[]): number[] | null {
  if (keyColumns.length === 0 || size <= 1) return null;
  const keyOf =
    keyColumns.length === 1
      ? (row: AdapterRow): unknown => row.fields[keyColumns[0]!]
      : (row: AdapterRow): unknown => keyColumns.map((c) => String(row.fields[c])).join('\u0000');
  const starts: number[] = [];
  const inBatch = new Set<unknown>();
  let split = false;
  for (let i = 0; i < rows.length; i++) {
    const key = keyOf(rows[i]!);
    const full = inBatch.size === size;
    const repeated = key !== undefined && key !== null && inBatch.has(key);
    if (i === 0 || full || repeated) {
      if (repeated && !full) split = true;
      starts.push(i);
      inBatch.clear();
    }
    inBatch.add(key === undefined || key === null ? Symbol('no key') : key);
  }
  return split ? starts : null;
}
