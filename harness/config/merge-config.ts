/**
 * Merges `override` over `base`: plain objects merge key by key, everything else (arrays, functions, scalars)
 * replaces, and `null` in the override removes the key (`serving.start: null` in a staging target).
 */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = mergeConfig(base[key], value);
  }
  return out;
}

/**
 * True for `{}`-style objects (not arrays, functions, dates or class instances) — from any realm: configs loaded
 * by jiti inside jest's sandbox have another realm's `Object.prototype`.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
