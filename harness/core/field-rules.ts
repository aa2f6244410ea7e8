import type { ComparePolicy } from './compare-policy';
import type { FieldOutcome } from './diff';
import type { FieldPolicy } from './field-policy';
import type { Mismatch } from './mismatch';

// How the diff finds a top-level field's settings in a few nanoseconds: resolved once per field name and policy,
// and found by position when rows repeat the previous row's field order (they almost always do).

/** A top-level field's settings under one policy, resolved on first sight of the field name. */
export interface FieldRule {
  /** Left out of the comparison (`compare.ignore`). */
  readonly ignored: boolean;
  /** Named like a key column: not compared when only one side returns it (see `ComparePolicy.keyColumns`). */
  readonly keyColumn: boolean;
  /** `policyFor(field)`. */
  readonly policy: FieldPolicy;
  /** Whether nested values compare under `policy` with nothing inside ignored (see `uniformBelow`). */
  readonly uniform: boolean;
  /** The outcome of every row where the field matched: shared, frozen. */
  readonly matched: FieldOutcome;
}

/** The rules of one policy, built as field names are first seen. */
export interface FieldRules {
  /** By field name. */
  readonly byName: Map<string, FieldRule>;
  /** By position in the last row seen. */
  readonly recent: FieldRule[];
}

const NO_MISMATCHES: Mismatch[] = Object.freeze([]) as unknown as Mismatch[];
const fieldRules = new WeakMap<ComparePolicy, FieldRules>();

/** The rule cache of a policy (one per policy object, created on first use). */
export function fieldRulesOf(policy: ComparePolicy): FieldRules {
  let rules = fieldRules.get(policy);
  if (!rules) fieldRules.set(policy, (rules = { byName: new Map(), recent: [] }));
  return rules;
}

/** The rule of `field`, the `position`-th field of this row: usually the same as last row's, found without hashing. */
export function ruleAt(rules: FieldRules, position: number, field: string, policy: ComparePolicy): FieldRule {
  const recent = rules.recent[position];
  if (recent !== undefined && recent.matched.field === field) return recent;
  const rule = rules.byName.get(field) ?? addFieldRule(rules.byName, field, policy);
  if (position <= rules.recent.length) rules.recent[position] = rule;
  return rule;
}

function addFieldRule(byName: Map<string, FieldRule>, field: string, policy: ComparePolicy): FieldRule {
  const rule: FieldRule = {
    ignored: policy.isIgnored(field),
    keyColumn: policy.keyColumns?.has(field) ?? false,
    policy: policy.policyFor(field),
    uniform: policy.uniformBelow(field),
    matched: Object.freeze({ field, mismatches: NO_MISMATCHES }),
  };
  // Field names come from the data; a vector with unbounded names (ids as keys) must not grow the cache forever.
  if (byName.size < 10_000) byName.set(field, rule);
  return rule;
}
