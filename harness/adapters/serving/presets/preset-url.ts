/**
 * Joins a preset's endpoint path to the configured URL. The URL may be the server's base
 * (`http://127.0.0.1:8501`, or a gateway prefix `https://gw/churn`) or already the whole endpoint: a URL that ends
 * with the path is taken as it is. Returns the endpoint and the base that readiness paths are joined to.
 */
export function joinPresetPath(configured: string, path: string): { endpoint: string; base: string } {
  const trimmed = configured.replace(/\/+$/, '');
  if (trimmed.endsWith(path)) return { endpoint: trimmed, base: trimmed.slice(0, -path.length) };
  return { endpoint: `${trimmed}${path}`, base: trimmed };
}

/** A URL path segment: model names and versions may hold characters a path cannot (`/`, spaces). */
export function segment(value: string | number): string {
  return encodeURIComponent(String(value));
}
