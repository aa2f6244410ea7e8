/**
 * `JSON.stringify` that writes a `bigint` as a JSON number with its exact digits (`JSON.stringify` throws on one):
 * the inverse of `parseJson` (lossless-json.ts) for the values it returns. Everything else is `JSON.stringify`'s
 * output, byte for byte: `toJSON` is called, `undefined` and functions are dropped from objects and written as `null`
 * in arrays, NaN and ±Infinity are `null`.
 *
 * Values without a bigint take `JSON.stringify` itself (the common case costs nothing extra); the walk below runs
 * only after it threw.
 *
 * @example stringifyJson({ id: 9007199254740993n }) // '{"id":9007199254740993}'
 */
export function stringifyJson(value: unknown, indent?: number, replacer?: JsonReplacer): string | undefined {
  try {
    return replacer ? JSON.stringify(value, replacer, indent) : JSON.stringify(value, null, indent);
  } catch (error) {
    if (!(error instanceof TypeError) || !/BigInt/i.test(error.message)) throw error;
  }
  const context: WriteContext = { indent: indent === undefined || indent <= 0 ? '' : ' '.repeat(Math.min(indent, 10)), replacer, seen: new Set() };
  return write(value, '', context, '');
}

/** {@link stringifyJson} for a value known to be JSON-encodable (`'null'` where it would give `undefined`). */
export function stringifyJsonValue(value: unknown, indent?: number, replacer?: JsonReplacer): string {
  return stringifyJson(value, indent, replacer) ?? 'null';
}

/** A `JSON.stringify` replacer function (called with each key and value, after `toJSON`). */
export type JsonReplacer = (key: string, value: unknown) => unknown;

interface WriteContext {
  indent: string;
  replacer: JsonReplacer | undefined;
  seen: Set<object>;
}

function write(value: unknown, key: string, context: WriteContext, depth: string): string | undefined {
  const { indent, seen } = context;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (context.replacer) value = context.replacer(key, value);
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'object': {
      if (value === null) return 'null';
      if (seen.has(value)) throw new TypeError('Converting circular structure to JSON');
      seen.add(value);
      const inner = depth + indent;
      const open = indent ? `\n${inner}` : '';
      const close = indent ? `\n${depth}` : '';
      const separator = indent ? `,\n${inner}` : ',';
      let out: string;
      if (Array.isArray(value)) {
        const items = value.map((item, i) => write(item, String(i), context, inner) ?? 'null');
        out = items.length === 0 ? '[]' : `[${open}${items.join(separator)}${close}]`;
      } else {
        const members: string[] = [];
        for (const name of Object.keys(value)) {
          const text = write((value as Record<string, unknown>)[name], name, context, inner);
          if (text !== undefined) members.push(`${JSON.stringify(name)}:${indent ? ' ' : ''}${text}`);
        }
        out = members.length === 0 ? '{}' : `{${open}${members.join(separator)}${close}}`;
      }
      seen.delete(value);
      return out;
    }
    default:
      return JSON.stringify(value);
  }
}
