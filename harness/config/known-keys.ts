import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Option names the schema allows at a path (for "did you mean" suggestions). Follows objects, records,
 * optional/nullable wrappers and the object members of unions.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType[] = [schema];
  for (const key of path) {
    current = current.flatMap((s) => unwrap(s)).flatMap((s) => {
      const def = defOf(s);
      if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) return [def.shape[key]];
      if (def.type === 'record' && def.valueType) return [def.valueType];
      return [];
    });
  }
  return current.flatMap(unwrap).flatMap((s) => Object.keys(defOf(s).shape ?? {}));
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) return unwrap(def.innerType);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [schema];
}
