import type { Redactor } from '../../core/row';
import { stripUrlCredentials } from './serving-messages';

const SENSITIVE_HEADER = /auth|token|key|secret|cookie|session|passw|credential|signature/i;
// Shorter values are too likely to occur in ordinary text ("on", "1") to be replaced safely.
const MIN_SECRET_LENGTH = 4;

/**
 * Builds the redactor every serving message goes through: the caller's redactor (which knows the env-provided
 * secrets), plus — so a secret is hidden even when the caller passes none — the values of headers whose names look
 * sensitive (`Authorization`, `X-Api-Key`, …; for `Bearer xyz` also `xyz` alone), the password of `user:pass@` in
 * the endpoint URLs (also in the Basic form axios sends it in, which servers like to echo), and `user:pass@` in any
 * URL of the text.
 */
export function createMessageRedactor(
  headers: Record<string, string>,
  urls: readonly string[],
  redact?: Redactor,
): Redactor {
  const secrets = new Set<string>();
  for (const url of urls) for (const secret of urlCredentialSecrets(url)) secrets.add(secret);
  for (const [name, value] of Object.entries(headers)) {
    if (!SENSITIVE_HEADER.test(name)) continue;
    if (value.length >= MIN_SECRET_LENGTH) secrets.add(value);
    const credential = /^\s*\S+\s+(\S.*)$/.exec(value)?.[1];
    if (credential !== undefined && credential.length >= MIN_SECRET_LENGTH) secrets.add(credential);
  }
  // Longest first, so a full `Bearer xyz` is replaced before its `xyz` part.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = redact ? redact(text) : text;
    for (const secret of ordered) out = out.split(secret).join('***');
    return stripUrlCredentials(out);
  };
}

/** The password of `scheme://user:pass@host`, and `user:pass` base64-encoded as in a Basic Authorization header. */
function urlCredentialSecrets(url: string): string[] {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^\s/?#@]*)@/i.exec(url)?.[1];
  if (!userinfo) return [];
  const decoded = safeDecode(userinfo);
  const password = decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : '';
  const found = [Buffer.from(decoded, 'utf8').toString('base64')];
  if (password.length >= MIN_SECRET_LENGTH) found.push(password, userinfo.slice(userinfo.indexOf(':') + 1));
  return found;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
