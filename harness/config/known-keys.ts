import type { z } from 'zod';

/** The parts of a zod 4 schema definition that the walks below read. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The schemas that may apply at a config path: follows objects, records, arrays, tuples, optional/nullable
 * wrappers and every member of a union (a path may lead into any of them). Wrappers are left on the result, so a
 * caller can still see that `null` is allowed.
 */
export function schemasAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  let current: z.ZodType[] = [schema];
  for (const key of path) {
    current = current.flatMap((s) => unwrap(s)).flatMap((s) => {
      const def = defOf(s);
      if (def.type === 'object' && def.shape && typeof key === 'string' && Object.hasOwn(def.shape, key)) return [def.shape[key]!];
      if (def.type === 'record' && def.valueType) return [def.valueType];
      if (def.type === 'array' && def.element && typeof key === 'number') return [def.element];
      if (def.type === 'tuple' && def.items && typeof key === 'number') {
        const item = def.items[key] ?? def.rest;
        return item ? [item] : [];
      }
      return [];
    });
  }
  return current;
}

/**
 * Option names the schema allows at a path (for "did you mean" suggestions). Follows objects, records,
 * optional/nullable wrappers and the object members of unions.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return schemasAt(schema, path).flatMap(unwrap).flatMap((s) => Object.keys(defOf(s).shape ?? {}));
}

/** A schema without its optional/nullable/default wrappers, and a union as its members. */
export function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) return unwrap(def.innerType);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [schema];
}
