import { compareKeys } from './golden-format';
import type { GoldenComparison } from './compare-golden';
import type { GoldenFile, GoldenHeader, GoldenRecord } from './golden-record';

/**
 * When golden files are written:
 * - `none`: never (a missing or changed record fails the check);
 * - `missing`: new records are added, nothing else is touched;
 * - `changed`: new records are added and changed records rewritten;
 * - `all`: the file is rewritten from this run (obsolete records this run was responsible for are dropped).
 */
export type GoldenMode = 'none' | 'missing' | 'changed' | 'all';

/** What to accept in a review. */
export interface GoldenAcceptance {
  /** Accept every change and new record. */
  all: boolean;
  /** Accept changes in these fields (every row). */
  fields: ReadonlySet<string>;
  /** Accept every change of these rows (whole records). */
  rows: ReadonlySet<string>;
  /** Add the rows that have no golden record yet. */
  newRows: boolean;
}

/** The file to write, and what changed in it; `null` when nothing would change. */
export interface GoldenUpdate {
  file: GoldenFile;
  added: number;
  rewritten: number;
  removed: number;
}

/** Applies an update mode. Pure: the caller writes the result. */
export function applyGoldenMode(
  previous: GoldenFile | null,
  current: readonly GoldenRecord[],
  comparison: GoldenComparison,
  mode: GoldenMode,
  header: GoldenHeader,
): GoldenUpdate | null {
  if (mode === 'none') return null;
  const records = new Map((previous?.records ?? []).map((r) => [r.key, r]));
  const byKey = new Map(current.map((r) => [r.key, r]));
  let added = 0;
  let rewritten = 0;
  let removed = 0;
  for (const key of comparison.newKeys) {
    const record = byKey.get(key)!;
    // A side that failed while recording is not a value: a new row is stored only when both sides answered.
    if (record.offline === null || record.online === null) continue;
    records.set(key, record);
    added++;
  }
  if (mode === 'changed' || mode === 'all') {
    const changedKeys = new Set([...comparison.changes.map((c) => c.key), ...comparison.inputChanged]);
    const keys = mode === 'all' ? current.map((r) => r.key).filter((k) => records.has(k) && !comparison.newKeys.includes(k)) : [...changedKeys];
    for (const key of keys) {
      if (changedKeys.has(key)) rewritten++;
      records.set(key, keepKnown(records.get(key), byKey.get(key)!));
    }
  }
  if (mode === 'all') {
    for (const key of comparison.obsoleteKeys) if (records.delete(key)) removed++;
  }
  const headerChanged = previous === null || JSON.stringify(previous.header) !== JSON.stringify(header);
  if (added + rewritten + removed === 0 && !(mode === 'all' && headerChanged)) return null;
  return { file: { header, records: sorted(records) }, added, rewritten, removed };
}

/**
 * Applies a review's acceptance: accepted fields take their new values on the side(s) that changed; accepted rows
 * take their whole current record; `newRows` adds records for new rows; `all` does all of it. Pure.
 */
export function applyGoldenAcceptance(
  previous: GoldenFile,
  current: readonly GoldenRecord[],
  comparison: GoldenComparison,
  accept: GoldenAcceptance,
  header: GoldenHeader,
): GoldenUpdate | null {
  const records = new Map(previous.records.map((r) => [r.key, structuredClone(r)]));
  const byKey = new Map(current.map((r) => [r.key, r]));
  let added = 0;
  const touched = new Set<string>();
  if (accept.all || accept.newRows) {
    for (const key of comparison.newKeys) {
      const record = byKey.get(key)!;
      if (record.offline === null || record.online === null) continue;
      records.set(key, record);
      added++;
    }
  }
  for (const change of comparison.changes) {
    if (accept.all || accept.rows.has(change.key)) {
      records.set(change.key, keepKnown(records.get(change.key), byKey.get(change.key)!));
      touched.add(change.key);
      continue;
    }
    if (!accept.fields.has(change.field)) continue;
    const record = records.get(change.key)!;
    const now = byKey.get(change.key)!;
    if (change.offline) record.offline = setField(record.offline, change.field, now.offline);
    if (change.online) record.online = setField(record.online, change.field, now.online);
    touched.add(change.key);
  }
  if (added === 0 && touched.size === 0) return null;
  return { file: { header, records: sorted(records) }, added, rewritten: touched.size, removed: 0 };
}

function setField(old: GoldenRecord['offline'], field: string, now: GoldenRecord['offline']): GoldenRecord['offline'] {
  const out = { ...(old ?? {}) };
  if (now && Object.prototype.hasOwnProperty.call(now, field)) out[field] = now[field];
  else delete out[field];
  return out;
}

/**
 * The record to store for a row: the current one, except that a side which failed in this run keeps its stored
 * features — an outage during recording must not erase what the golden file knew.
 */
function keepKnown(previous: GoldenRecord | undefined, now: GoldenRecord): GoldenRecord {
  if (!previous) return now;
  return { ...now, offline: now.offline ?? previous.offline, online: now.online ?? previous.online };
}

function sorted(records: Map<string, GoldenRecord>): GoldenRecord[] {
  return [...records.values()].sort((a, b) => compareKeys(a.key, b.key));
}
