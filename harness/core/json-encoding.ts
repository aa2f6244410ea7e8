/**
 * JSON cannot hold NaN, ±Infinity or −0. Reports and golden files must keep them (a NaN online where offline has
 * 0 is exactly the kind of skew we report), so they are written as tagged objects: `{"$number":"NaN"}`,
 * `{"$number":"Infinity"}`, `{"$number":"-Infinity"}`, `{"$number":"-0"}`. `undefined` is dropped, as JSON does.
 */
export function encodeJsonValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $number: 'NaN' };
    if (value === Infinity) return { $number: 'Infinity' };
    if (value === -Infinity) return { $number: '-Infinity' };
    if (Object.is(value, -0)) return { $number: '-0' };
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : encodeJsonValue(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeJsonValue(v);
    return out;
  }
  return value;
}

/** Inverse of {@link encodeJsonValue}. */
export function decodeJsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeJsonValue);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === '$number' && typeof entries[0]![1] === 'string') {
      const tag = entries[0]![1];
      if (tag === 'NaN' || tag === 'Infinity' || tag === '-Infinity') return Number(tag);
      if (tag === '-0') return -0;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) out[k] = decodeJsonValue(v);
    return out;
  }
  return value;
}
