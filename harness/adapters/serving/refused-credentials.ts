/**
 * Whether an HTTP status refuses the credentials a request carried: 401 (not authenticated), 403 (not allowed),
 * 407 (a proxy wants its own). Waiting or retrying does not change such an answer; only `serving.headers` (or the
 * environment variables they read) can, so before serving has ever answered it ends the run as a configuration
 * to fix (exit 2), whether a row's request or a readiness probe got it.
 */
export function isRefusedCredentialsStatus(status: number): boolean {
  return status === 401 || status === 403 || status === 407;
}
