/** Response headers: lower-case names; a header sent twice is an array. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * Every header of a response, from undici's raw list (names and values alternating): names lower-cased, values read
 * as Latin-1 (as undici and Node read them), a header sent twice an array in the order it came.
 */
export function parseResponseHeaders(rawHeaders: readonly Buffer[]): ResponseHeaders {
  const headers: ResponseHeaders = Object.create(null) as ResponseHeaders;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toString('latin1').toLowerCase();
    const value = rawHeaders[i + 1]!.toString('latin1');
    const seen = headers[name];
    headers[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return { ...headers };
}

/**
 * The value of one header, `name` in lower case; `undefined` when it is absent or sent more than once (two
 * `Retry-After` values mean nothing we can act on). Names of another length are passed over without decoding them.
 */
export function singleHeader(rawHeaders: readonly Buffer[], name: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const candidate = rawHeaders[i]!;
    if (candidate.length !== name.length || candidate.toString('latin1').toLowerCase() !== name) continue;
    if (found !== undefined) return undefined;
    found = rawHeaders[i + 1]!.toString('latin1');
  }
  return found;
}
