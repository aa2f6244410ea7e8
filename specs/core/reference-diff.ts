import type { ComparePolicy } from '../../harness/core/compare-policy';
import { childPath, indexPath } from '../../harness/core/field-pattern';
import type { FieldPolicy } from '../../harness/core/field-policy';
import type { Mismatch } from '../../harness/core/mismatch';
import { isFiniteNumber, jsonNumbersMatch, numberDifference, parseNumericString, type JsonNumber } from '../../harness/core/numbers';
import type { FeatureVector } from '../../harness/core/row';

/** A mismatch before it is attached to a row and a top-level field. */
export type ValueMismatch = Omit<Mismatch, 'key' | 'field'>;

/** The comparison of one top-level feature for one row; `mismatches` is empty when it matched. */
export interface FieldOutcome {
  /** Top-level feature name (offline name). */
  field: string;
  /** What differed, by path inside the feature; empty when the field matched. */
  mismatches: Mismatch[];
}

/**
 * Compares the features of one row, field by field: the heart of skew-harness. Online names are first mapped to
 * offline names (`rename`), ignored fields are dropped, and every field present on either side gets an outcome.
 * Pure and deterministic: the order of outcomes is offline order, then fields only online has.
 */
export function diffFeatures(
  key: string,
  offline: FeatureVector,
  online: FeatureVector,
  policy: ComparePolicy,
): FieldOutcome[] {
  const renamed = renameOnline(online, policy.renameOnline);
  const fields = new Set([...Object.keys(offline), ...Object.keys(renamed)]);
  const outcomes: FieldOutcome[] = [];
  for (const field of fields) {
    if (policy.isIgnored(field)) continue;
    // A key column only one side returns is an echoed join key, not a feature.
    if (policy.keyColumns?.has(field) === true && hasOwn(offline, field) !== hasOwn(renamed, field)) continue;
    const found = diffPresent(field, hasOwn(offline, field), offline[field], hasOwn(renamed, field), renamed[field], policy);
    outcomes.push({ field, mismatches: found.map((m) => ({ key, field, ...m })) });
  }
  return outcomes;
}

/**
 * Compares two values at `path` (presence included) and lists what differs. The building block of
 * {@link diffFeatures}; exported for golden files and tests.
 */
export function diffPresent(
  path: string,
  hasOffline: boolean,
  offline: unknown,
  hasOnline: boolean,
  online: unknown,
  policy: ComparePolicy,
): ValueMismatch[] {
  if (hasOffline && hasOnline) return diffValues(path, offline, online, policy);
  if (!hasOffline && !hasOnline) return [];
  const present = hasOffline ? offline : online;
  if (present === null && policy.policyFor(path).nullVsMissing === 'equal') return [];
  return hasOffline
    ? [{ path, kind: 'missing_online', offline, detail: 'absent in the serving response' }]
    : [{ path, kind: 'missing_offline', online, detail: 'absent in the offline features' }];
}

/** Compares two present values at `path`. */
export function diffValues(path: string, offline: unknown, online: unknown, policy: ComparePolicy): ValueMismatch[] {
  const fieldPolicy = policy.policyFor(path);
  if (offline === null && online === null) return [];
  if (fieldPolicy.timestamp) return diffInstants(path, offline, online, fieldPolicy);
  if (offline === null || online === null) {
    return offline === undefined || online === undefined
      ? [{ path, kind: 'type', offline, online, detail: 'undefined is not a JSON value' }]
      : [{ path, kind: 'value', offline, online }];
  }
  const offType = jsonType(offline);
  const onType = jsonType(online);

  if (offType === 'number' && onType === 'number') return diffNumbers(path, offline as JsonNumber, online as JsonNumber, fieldPolicy);
  if (fieldPolicy.coerce && (offType === 'number' || onType === 'number') && (offType === 'string' || onType === 'string')) {
    const a = typeof offline === 'string' ? parseNumericString(offline) : (offline as JsonNumber);
    const b = typeof online === 'string' ? parseNumericString(online) : (online as JsonNumber);
    if (a !== undefined && b !== undefined) {
      return diffNumbers(path, a, b, fieldPolicy).map((m) => ({ ...m, offline, online }));
    }
  }
  if (offType !== onType) return [{ path, kind: 'type', offline, online, detail: `${offType} offline, ${onType} online` }];
  switch (offType) {
    case 'string':
    case 'boolean':
      return offline === online ? [] : [{ path, kind: 'value', offline, online }];
    case 'array':
      return diffArrays(path, offline as unknown[], online as unknown[], policy);
    case 'object':
      return diffObjects(path, offline as Record<string, unknown>, online as Record<string, unknown>, policy);
    default:
      return offline === online ? [] : [{ path, kind: 'type', offline, online, detail: `${offType} is not a JSON value` }];
  }
}

function diffNumbers(path: string, offline: JsonNumber, online: JsonNumber, policy: FieldPolicy): ValueMismatch[] {
  if (jsonNumbersMatch(offline, online, policy)) return [];
  const m: ValueMismatch = { path, kind: 'value', offline, online };
  if (isFiniteNumber(offline) && isFiniteNumber(online)) Object.assign(m, numberDifference(offline, online));
  return [m];
}

function diffInstants(path: string, offline: unknown, online: unknown, policy: FieldPolicy): ValueMismatch[] {
  const timestamp = policy.timestamp!;
  const a = toInstant(offline, timestamp.unit);
  const b = toInstant(online, timestamp.unit);
  if (a === undefined || b === undefined) {
    if (offline === online) return [];
    const side = a === undefined ? 'offline' : 'online';
    return [{ path, kind: 'type', offline, online, detail: `${side} value is not a timestamp` }];
  }
  const absDiff = Math.abs(a - b);
  const matches = timestamp.precisionMs === 0 ? absDiff === 0 : absDiff < timestamp.precisionMs;
  return matches ? [] : [{ path, kind: 'value', offline, online, absDiff, detail: `instants ${absDiff} ms apart` }];
}

/** Parses an ISO-8601 string or an epoch number (in `unit`) to epoch milliseconds. */
function toInstant(value: unknown, unit: 's' | 'ms'): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? (unit === 's' ? value * 1000 : value) : undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  // Date.parse reads a date-time without an offset in the machine's local zone: read it as UTC, so a comparison
  // never depends on where it runs.
  const zoned = /[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}

function diffArrays(path: string, offline: unknown[], online: unknown[], policy: ComparePolicy): ValueMismatch[] {
  const asSet = policy.policyFor(path).arrays === 'set';
  const a = asSet ? sortForSet(offline) : offline;
  const b = asSet ? sortForSet(online) : online;
  let firstDiff = -1;
  let maxAbs: number | undefined;
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    const x = a[i];
    const y = b[i];
    if (diffValues(indexPath(path, i), x, y, policy).length === 0) continue;
    if (firstDiff < 0) firstDiff = i;
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      maxAbs = Math.max(maxAbs ?? 0, Math.abs(x - y));
    }
  }
  if (firstDiff < 0 && a.length === b.length) return [];
  const parts: string[] = [];
  if (a.length !== b.length) parts.push(`length ${a.length} offline, ${b.length} online`);
  if (firstDiff >= 0) parts.push(`first difference at [${firstDiff}]`);
  else parts.push(`first difference at [${common}]`);
  if (asSet) parts.push('compared as sets');
  const m: ValueMismatch = { path, kind: 'value', offline, online, detail: parts.join('; ') };
  if (maxAbs !== undefined) m.absDiff = maxAbs;
  return [m];
}

function diffObjects(
  path: string,
  offline: Record<string, unknown>,
  online: Record<string, unknown>,
  policy: ComparePolicy,
): ValueMismatch[] {
  const keys = new Set([...Object.keys(offline), ...Object.keys(online)]);
  const out: ValueMismatch[] = [];
  for (const k of keys) {
    const child = childPath(path, k);
    if (policy.isIgnored(child)) continue;
    out.push(...diffPresent(child, hasOwn(offline, k), offline[k], hasOwn(online, k), online[k], policy));
  }
  return out;
}

/** Sorts a copy for multiset comparison: numbers numerically first, everything else by its JSON text. */
function sortForSet(values: unknown[]): unknown[] {
  const numbers = values.filter((v): v is number => typeof v === 'number').sort((x, y) => x - y);
  const others = values
    .filter((v) => typeof v !== 'number')
    .map((v) => [JSON.stringify(v) ?? 'undefined', v] as const)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, v]) => v);
  return [...numbers, ...others];
}

function renameOnline(online: FeatureVector, renames: ReadonlyMap<string, string>): FeatureVector {
  if (renames.size === 0) return online;
  const out: FeatureVector = {};
  for (const [name, value] of Object.entries(online)) out[renames.get(name) ?? name] = value;
  return out;
}

type JsonType = 'null' | 'number' | 'string' | 'boolean' | 'array' | 'object' | 'undefined' | 'other';

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'object':
    case 'undefined':
      return typeof value as JsonType;
    case 'bigint':
      return 'number';
    default:
      return 'other';
  }
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
