/**
 * Field patterns in config: an exact field path (`tenure_days`, `geo.lat`) or a glob where `*` matches any run
 * of characters (`emb_*`, `scores*`). A policy set on a field also applies to everything inside it
 * (`embedding` covers `embedding[3]`), the most specific path winning.
 */
export type FieldMatcher = (path: string) => boolean;

/** Compiles a field pattern to a matcher. */
export function compileFieldPattern(pattern: string): FieldMatcher {
  if (!pattern.includes('*')) return (path) => path === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`);
  return (path) => regex.test(path);
}

/**
 * The path itself followed by its ancestors, most specific first:
 * `a.b[3].c` → `a.b[3].c`, `a.b[3]`, `a.b`, `a`.
 */
export function pathAndAncestors(path: string): string[] {
  const out = [path];
  let rest = path;
  for (;;) {
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    if (cut <= 0) return out;
    rest = rest.slice(0, cut);
    out.push(rest);
  }
}

/**
 * Appends an object key to a path: `a` + `b` → `a.b`; keys that are not plain names are quoted so paths stay
 * unambiguous: `a` + `x.y` → `a["x.y"]`, `a` + `` → `a[""]`.
 */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Appends an array index to a path (`a` + 3 → `a[3]`). */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
