import type { ComparePolicy } from './compare-policy';
import { childPath, indexPath } from './field-pattern';
import type { FieldPolicy } from './field-policy';
import type { Mismatch } from './mismatch';
import { isFiniteNumber, isJsonNumber, jsonNumbersMatch, numberDifference, parseNumericString, type JsonNumber } from './numbers';
import { stringifyJson } from './stringify-json';
import type { FeatureVector } from './row';
import { fieldRulesOf, ruleAt, type FieldRule } from './field-rules';
import { hasOwn, quickMatch } from './quick-match';
import { markUnserved, unservedReason, unservedReasons } from './unserved-fields';

const hasOwnProperty = Object.prototype.hasOwnProperty;

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
 * offline names (`rename`), ignored fields are dropped, and every field present on either side gets an outcome — but a
 * key column only one side returns (a pipeline echoing its join key), which is no feature.
 * Pure and deterministic: the order of outcomes is offline order, then fields only online has.
 *
 * Built for millions of fields: each field name's policy is resolved once per policy and cached, a matching field
 * is recognised by an allocation-free comparison and gets a shared, frozen outcome (its `mismatches` is a frozen
 * empty array), and only a field that may differ goes through the path-building comparison that describes it.
 */
export function diffFeatures(
  key: string,
  offline: FeatureVector,
  online: FeatureVector,
  policy: ComparePolicy,
): FieldOutcome[] {
  const renamed = policy.renameOnline.size === 0 ? online : renameOnline(online, policy.renameOnline);
  const rules = fieldRulesOf(policy);
  const outcomes: FieldOutcome[] = [];
  let position = 0;
  let shared = 0;
  // for…in with an own-property test lists exactly Object.keys, in the same order, without allocating the array
  // (and V8 answers the test from the enumeration cache).
  for (const field in offline) {
    if (!hasOwnProperty.call(offline, field)) continue;
    const rule = ruleAt(rules, position++, field, policy);
    const hasOnline = hasOwnProperty.call(renamed, field);
    if (hasOnline) shared++;
    if (rule.ignored || (!hasOnline && rule.keyColumn)) continue;
    const a = offline[field];
    if (hasOnline && quickMatch(a, renamed[field], rule.policy, rule.uniform)) outcomes.push(rule.matched);
    else if (!hasOnline && unservedReason(renamed, field) !== undefined) outcomes.push(notServed(key, field, a, unservedReason(renamed, field)!));
    else outcomes.push(describeField(key, rule, true, a, hasOnline, renamed[field], policy));
  }
  let onlineFields = 0;
  for (const field in renamed) if (hasOwnProperty.call(renamed, field)) onlineFields++;
  // Fields only online has, if any (feature vectors are plain data: own properties are enumerable).
  if (onlineFields === shared) return outcomes;
  for (const field in renamed) {
    if (!hasOwnProperty.call(renamed, field) || hasOwnProperty.call(offline, field)) continue;
    const rule = ruleAt(rules, position++, field, policy);
    if (rule.ignored || rule.keyColumn) continue;
    outcomes.push(describeField(key, rule, false, undefined, true, renamed[field], policy));
  }
  return outcomes;
}

/** The full comparison of a field that may differ: builds its mismatches (the shared outcome if there are none). */
function describeField(
  key: string,
  rule: FieldRule,
  hasOffline: boolean,
  offline: unknown,
  hasOnline: boolean,
  online: unknown,
  policy: ComparePolicy,
): FieldOutcome {
  const found = diffPresent(rule.matched.field, hasOffline, offline, hasOnline, online, policy);
  if (found.length === 0) return rule.matched;
  const field = rule.matched.field;
  return { field, mismatches: found.map((m) => ({ key, field, ...m })) };
}

/**
 * A field the serving side said it could not serve (a feature store's `NOT_FOUND`): `missing_online` with the reason,
 * whatever `nullVsMissing` says — an entity the store does not know is not a stored null.
 */
function notServed(key: string, field: string, offline: unknown, reason: string): FieldOutcome {
  return { field, mismatches: [{ key, field, path: field, kind: 'missing_online', offline, detail: `not served: ${reason}` }] };
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
    if (isJsonNumber(x) && isJsonNumber(y) && isFiniteNumber(x) && isFiniteNumber(y)) {
      maxAbs = Math.max(maxAbs ?? 0, numberDifference(x, y).absDiff);
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

/** Sorts a copy for multiset comparison: numbers (bigints among them) numerically first, everything else by its JSON text. */
function sortForSet(values: unknown[]): unknown[] {
  // `<` orders a bigint against a double exactly; NaN compares as equal to everything, as `x - y` did.
  const numbers = values.filter(isJsonNumber).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const others = values
    .filter((v) => !isJsonNumber(v))
    .map((v) => [stringifyJson(v) ?? 'undefined', v] as const)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([, v]) => v);
  return [...numbers, ...others];
}

function renameOnline(online: FeatureVector, renames: ReadonlyMap<string, string>): FeatureVector {
  if (renames.size === 0) return online;
  const out: FeatureVector = {};
  for (const [name, value] of Object.entries(online)) out[renames.get(name) ?? name] = value;
  const reasons = unservedReasons(online);
  if (reasons) markUnserved(out, Object.fromEntries(Object.entries(reasons).map(([name, reason]) => [renames.get(name) ?? name, reason])));
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
      // A JSON number too: an integer the parser kept exact.
      return 'number';
    default:
      return 'other';
  }
}
