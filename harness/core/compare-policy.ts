import { compileFieldPattern, pathAndAncestors, type FieldMatcher } from './field-pattern';
import { DEFAULT_FIELD_POLICY, resolveFieldPolicy, type FieldPolicy, type FieldPolicyOptions } from './field-policy';

/** Comparison settings for a whole feature vector, as users write them (the `compare` section of the config). */
export interface CompareOptions {
  /** Policy for every field not matched below. Defaults: see {@link DEFAULT_FIELD_POLICY}. */
  default?: FieldPolicyOptions;
  /** Policies by field pattern; a field's own entry overrides the default property by property. */
  fields?: Record<string, FieldPolicyOptions>;
  /** Online feature names that differ from offline ones: `{ offlineName: 'onlineName' }`. */
  rename?: Record<string, string>;
  /** Fields or nested paths (patterns: `debug_*`, `geo.lon`) left out of the comparison on both sides. */
  ignore?: string[];
}

/** A compiled {@link CompareOptions}: looks up the policy of any field path, cached. */
export interface ComparePolicy {
  /** The default policy. */
  readonly defaultPolicy: FieldPolicy;
  /** Online name → offline name. */
  readonly renameOnline: ReadonlyMap<string, string>;
  /** Whether a field (or a path inside one, `geo.lon`) is left out. */
  isIgnored(path: string): boolean;
  /** The policy for a path: the first configured pattern matching the path or its nearest ancestor. */
  policyFor(path: string): FieldPolicy;
  /**
   * Whether everything inside `path` (`path[3]`, `path.x[0]`) is compared under `policyFor(path)` and nothing
   * inside it is ignored: no field or ignore pattern can match a path below it. Conservative (a glob that might
   * match says no); cached. Lets the diff compare a nested value without building the paths inside it.
   */
  uniformBelow(path: string): boolean;
  /**
   * The row key's columns (`source.key`). A top-level field named like one that only one side returns is the
   * pipeline echoing its join key, not a feature: it is not compared. Returned by both sides, it is compared (a
   * serving answer for another entity is skew).
   */
  readonly keyColumns?: ReadonlySet<string>;
}

/** What a policy knows besides the `compare` options. */
export interface ComparePolicyContext {
  /** The row key's columns (`source.key`): see {@link ComparePolicy.keyColumns}. */
  keyColumns?: readonly string[];
}

/** Compiles comparison options. Pure; validation of the options is the config resolver's job. */
export function createComparePolicy(options: CompareOptions = {}, context: ComparePolicyContext = {}): ComparePolicy {
  const defaultPolicy = resolveFieldPolicy(options.default ?? {}, DEFAULT_FIELD_POLICY);
  const entries: Array<{ matches: FieldMatcher; policy: FieldPolicy }> = Object.entries(options.fields ?? {}).map(
    ([pattern, fieldOptions]) => ({ matches: compileFieldPattern(pattern), policy: resolveFieldPolicy(fieldOptions, defaultPolicy) }),
  );
  const ignored = (options.ignore ?? []).map(compileFieldPattern);
  const renameOnline = new Map(Object.entries(options.rename ?? {}).map(([offline, online]) => [online, offline]));
  const cache = new Map<string, FieldPolicy>();
  const patterns = [...Object.keys(options.fields ?? {}), ...(options.ignore ?? [])];
  const uniform = new Map<string, boolean>();

  function lookup(path: string): FieldPolicy {
    for (const candidate of pathAndAncestors(path)) {
      const hit = entries.find((entry) => entry.matches(candidate));
      if (hit) return hit.policy;
    }
    return defaultPolicy;
  }

  return {
    defaultPolicy,
    renameOnline,
    keyColumns: new Set(context.keyColumns ?? []),
    isIgnored: (path) => ignored.some((matches) => matches(path)),
    policyFor(path) {
      let policy = cache.get(path);
      if (!policy) {
        policy = lookup(path);
        // Array element paths are unbounded (`emb[0]`…`emb[767]`); cache only the ones a vector has few of.
        if (cache.size < 10_000) cache.set(path, policy);
      }
      return policy;
    },
    uniformBelow(path) {
      let answer = uniform.get(path);
      if (answer === undefined) {
        answer = !patterns.some((pattern) => mayMatchBelow(pattern, path));
        if (uniform.size < 10_000) uniform.set(path, answer);
      }
      return answer;
    },
  };
}

/**
 * Whether a pattern might match some path strictly inside `path` (every such path starts with `path` and is
 * longer). An exact pattern must itself be such a path; a glob's literal head (before its first `*`) must be
 * compatible with `path` as a prefix. Conservative: a `true` only means "cannot rule it out".
 */
function mayMatchBelow(pattern: string, path: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern.length > path.length && pattern.startsWith(path);
  const head = pattern.slice(0, star);
  return head.startsWith(path) || path.startsWith(head);
}

/**
 * The same policy with integers past 2^53 compared as doubles wherever a field leaves it to `auto` (generated rows:
 * see {@link FieldPolicyOptions.integers}). Fields that say `exact` stay exact.
 */
export function withFloat64Integers(policy: ComparePolicy): ComparePolicy {
  const adjust = (p: FieldPolicy): FieldPolicy => (p.integers === 'auto' ? { ...p, integers: 'float64' } : p);
  const cache = new Map<string, FieldPolicy>();
  return {
    defaultPolicy: adjust(policy.defaultPolicy),
    renameOnline: policy.renameOnline,
    keyColumns: policy.keyColumns,
    isIgnored: (path) => policy.isIgnored(path),
    policyFor(path) {
      let found = cache.get(path);
      if (!found) cache.set(path, (found = adjust(policy.policyFor(path))));
      return found;
    },
    uniformBelow: (path) => policy.uniformBelow(path),
  };
}
