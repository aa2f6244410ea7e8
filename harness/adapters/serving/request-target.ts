/** Where a request goes, split the way undici takes it, with credentials in the URL turned into a header. */
export interface RequestTarget {
  /** `http://host:port`, without credentials. */
  origin: string;
  /** Path and query, starting with `/`. */
  path: string;
  /** `Basic …` from `user:pass@` in the URL (percent-decoded first, as axios does), or `undefined`. */
  authorization: string | undefined;
}

/**
 * Splits an absolute http(s) URL into a {@link RequestTarget}. Throws a `TypeError` with code `ERR_INVALID_URL` for
 * a URL that does not parse.
 */
export function parseRequestTarget(url: string): RequestTarget {
  const parsed = new URL(url);
  const hasCredentials = parsed.username !== '' || parsed.password !== '';
  return {
    origin: parsed.origin,
    path: `${parsed.pathname}${parsed.search}`,
    authorization: hasCredentials ? basicAuthorization(decodeSafely(parsed.username), decodeSafely(parsed.password)) : undefined,
  };
}

/** `Basic base64(user:password)`. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether `url` points at this machine (`localhost`, `127.x.x.x`, `[::1]`); `{column}` placeholders are allowed. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url.replace(/\{[^{}\s]+\}/g, 'x')).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
  } catch {
    return false;
  }
}
