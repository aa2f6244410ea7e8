import { compileFieldPattern } from './field-pattern';

/**
 * Config patterns (`compare.fields`, `compare.ignore`, `compare.rename`) that match none of the fields the sides
 * returned — almost always a typo (`amount_lg`), whose policy then silently never applies. A nested pattern
 * (`geo.lat`) counts as matching when its top-level field exists.
 */
export function unusedPatterns(patterns: readonly string[], fields: readonly string[]): string[] {
  return patterns.filter((pattern) => {
    const matches = compileFieldPattern(pattern);
    return !fields.some((f) => matches(f) || pattern.startsWith(`${f}.`) || pattern.startsWith(`${f}[`));
  });
}
