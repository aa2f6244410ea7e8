import type { Redactor } from '../core/row';

/**
 * Creates a redactor that replaces every secret (values read from the environment into URLs and headers) and
 * the credentials of any `scheme://user:pass@host` URL with `***`. Secrets shorter than 4 characters are
 * ignored: replacing `1` everywhere would mangle every number in a report.
 */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(:[^/\s@]*)?@/gi, '$1***@');
    for (const secret of list) out = out.split(secret).join('***');
    return out;
  };
}
