/**
 * What an HTTP status says about the row whose request got it. Pure: the serving adapter's retry, breaker and batch
 * fallback, and the checks that tell a row's rejection from infrastructure, all read statuses through here, so a
 * status means one thing everywhere.
 */

/**
 * The 4xx every row would get alike, whatever its values: 401, 403 and 407 (credentials), 404 and 405 (the URL or
 * method is wrong for this server), 408 and 429 (the server asks us to come back later). None of them is a verdict on
 * the row.
 */
const ENDPOINT_WIDE_4XX: ReadonlySet<number> = new Set([401, 403, 404, 405, 407, 408, 429]);

/** Whether a 4xx status is about the endpoint or the credentials rather than the row (see {@link isRowVerdictStatus}). */
export function isEndpointWide4xx(status: number): boolean {
  return ENDPOINT_WIDE_4XX.has(status);
}

/**
 * Whether serving's answer is its verdict on the row's input: a 4xx other than the endpoint-wide ones (400, 409, 413,
 * 415, 422, …). Generated edge-case rows are meant to provoke these, and they prove the server is up.
 */
export function isRowVerdictStatus(status: number): boolean {
  return status >= 400 && status < 500 && !ENDPOINT_WIDE_4XX.has(status);
}
