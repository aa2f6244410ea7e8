import type { FieldOutcome } from './diff';
import { hash53 } from './hash';
import type { FeatureVector } from './row';

/** A skewed row as the impact step needs it: its key, both sides' features, its field outcomes. */
export interface SkewedRow {
  key: string;
  offline: FeatureVector;
  online: FeatureVector;
  outcomes: readonly FieldOutcome[];
}

/** The vectors one row is scored on. */
export interface RowProbes {
  key: string;
  /** The offline feature vector. */
  offline: FeatureVector;
  /** The online feature vector, in offline names and restricted to the offline vector's fields (the model's inputs). */
  online: FeatureVector;
  /** Per skewed field: the offline vector with only that field taken from online (left out when online lacks it). */
  variants: Array<{ field: string; vector: FeatureVector }>;
}

/**
 * The skewed rows to score: those where some field differs, at most `maxRows`, chosen by the lowest hash of the row
 * key — the same rows every run and on every shard, whatever the sample order. Returned in that hash order.
 */
export function chooseImpactRows<R extends { key: string; outcomes: readonly FieldOutcome[] }>(rows: readonly R[], maxRows: number): R[] {
  return lowestKeyHashes(
    rows.filter((r) => r.outcomes.some((o) => o.mismatches.length > 0)),
    (r) => r.key,
    maxRows,
  );
}

/** The `k` items whose keys hash lowest (ties by key), in that order: how impact rows are chosen, on a run or a merge. */
export function lowestKeyHashes<T>(items: readonly T[], keyOf: (item: T) => string, k: number): T[] {
  return items
    .map((item) => ({ item, key: keyOf(item), h: hash53(keyOf(item)) }))
    .sort((a, b) => a.h - b.h || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, k)
    .map((x) => x.item);
}

/**
 * The vectors that attribute a row's prediction change to its fields, one at a time: the offline vector (what the
 * model was validated on), the online one, and for each differing field the offline vector with that field alone
 * from online. The offline vector as base keeps each field's effect free of the other fields' skew, and costs one
 * request per skewed field. A field only online has (not a model input) gets no variant.
 *
 * @param renameOnline online name → offline name (`compare.rename`, reversed)
 */
export function buildRowProbes(row: SkewedRow, renameOnline: ReadonlyMap<string, string>): RowProbes {
  const online: FeatureVector = {};
  const onlineByOfflineName = new Map<string, unknown>();
  for (const [name, value] of Object.entries(row.online)) onlineByOfflineName.set(renameOnline.get(name) ?? name, value);
  for (const name of Object.keys(row.offline)) if (onlineByOfflineName.has(name)) online[name] = onlineByOfflineName.get(name);
  const variants: RowProbes['variants'] = [];
  for (const outcome of row.outcomes) {
    if (outcome.mismatches.length === 0 || !Object.hasOwn(row.offline, outcome.field)) continue;
    const vector: FeatureVector = { ...row.offline };
    if (onlineByOfflineName.has(outcome.field)) vector[outcome.field] = onlineByOfflineName.get(outcome.field);
    else delete vector[outcome.field];
    variants.push({ field: outcome.field, vector });
  }
  return { key: row.key, offline: row.offline, online, variants };
}
