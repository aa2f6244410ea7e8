import type { ComparePolicy } from '../core/compare-policy';
import { diffFeatures, diffValues } from '../core/diff';
import type { FeatureVector } from '../core/row';
import { canonicalJson } from './canonical-json';
import { compareKeys } from './golden-format';
import type { GoldenRecord } from './golden-record';

/** Which side of a golden record changed in a field. */
export type GoldenChangeSide = 'offline' | 'online' | 'both-alike' | 'both-different';

/** One changed field of one row against its golden record. */
export interface GoldenChange {
  /** Row key. */
  key: string;
  /** Top-level field. */
  field: string;
  /**
   * `offline` / `online`: only that side moved; `both-alike`: both moved and still agree (an intended pipeline
   * change, made on both sides); `both-different`: both moved and now disagree.
   */
  side: GoldenChangeSide;
  /** Old and new offline value (absent when the offline value did not change). */
  offline?: { old: unknown; new: unknown };
  /** Old and new online value (absent when the online value did not change). */
  online?: { old: unknown; new: unknown };
}

/** The difference between the current run and the golden file. */
export interface GoldenComparison {
  /** Changed fields, by key then field. */
  changes: GoldenChange[];
  /** Keys the run produced that the golden file lacks. */
  newKeys: string[];
  /** Golden keys this run was responsible for (its manifest) but did not produce: the row left the row set. */
  obsoleteKeys: string[];
  /** Keys whose stored input differs from the current input (the data changed, not only the pipelines). */
  inputChanged: string[];
  /** Rows compared against a golden record on both sides. */
  compared: number;
  /** Rows where a side failed now (timeout, crash): not compared on that side, never a change. */
  incomplete: string[];
}

/**
 * Compares current records with golden ones using the field policies (a change is a difference beyond the
 * field's tolerance). `owns(key)` is the run's manifest: a golden record is obsolete only if the run was
 * responsible for its key and did not produce it — so a partial or sharded run never calls the rest obsolete.
 */
export function compareGolden(
  golden: readonly GoldenRecord[],
  current: readonly GoldenRecord[],
  policy: ComparePolicy,
  owns: (key: string) => boolean,
): GoldenComparison {
  const byKey = new Map(golden.map((r) => [r.key, r]));
  const currentKeys = new Set(current.map((r) => r.key));
  const changes: GoldenChange[] = [];
  const newKeys: string[] = [];
  const inputChanged: string[] = [];
  const incomplete: string[] = [];
  let compared = 0;
  for (const now of [...current].sort((a, b) => compareKeys(a.key, b.key))) {
    const old = byKey.get(now.key);
    if (!old) {
      newKeys.push(now.key);
      continue;
    }
    if (now.offline === null || now.online === null) incomplete.push(now.key);
    else compared++;
    if (canonicalJson(old.input) !== canonicalJson(now.input)) inputChanged.push(now.key);
    const offline = changedFields(now.key, old.offline, now.offline, policy);
    const online = changedFields(now.key, old.online, now.online, policy);
    for (const field of [...new Set([...offline, ...online])].sort(compareKeys)) {
      const change: GoldenChange = { key: now.key, field, side: sideOf(field, offline, online, now, policy) };
      if (offline.has(field)) change.offline = { old: valueOf(old.offline, field), new: valueOf(now.offline, field) };
      if (online.has(field)) change.online = { old: valueOf(old.online, field), new: valueOf(now.online, field) };
      changes.push(change);
    }
  }
  const obsoleteKeys = golden.map((r) => r.key).filter((k) => !currentKeys.has(k) && owns(k)).sort(compareKeys);
  return { changes, newKeys, obsoleteKeys, inputChanged, compared, incomplete };
}

function changedFields(key: string, old: FeatureVector | null, now: FeatureVector | null, policy: ComparePolicy): Set<string> {
  // A side that failed now (timeout, crash) says nothing about its features: it is counted as an error, not a change.
  if (now === null) return new Set();
  return new Set(diffFeatures(key, old ?? {}, now ?? {}, policy).filter((o) => o.mismatches.length > 0).map((o) => o.field));
}

function sideOf(field: string, offline: Set<string>, online: Set<string>, now: GoldenRecord, policy: ComparePolicy): GoldenChangeSide {
  if (!online.has(field)) return 'offline';
  if (!offline.has(field)) return 'online';
  const a = valueOf(now.offline, field);
  const b = valueOf(now.online, field);
  const agree = a !== undefined && b !== undefined && diffValues(field, a, b, policy).length === 0;
  return agree ? 'both-alike' : 'both-different';
}

function valueOf(features: FeatureVector | null, field: string): unknown {
  return features && Object.prototype.hasOwnProperty.call(features, field) ? features[field] : undefined;
}
