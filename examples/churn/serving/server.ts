/**
 * The churn model's serving endpoint (features only; the model itself is out of scope):
 *
 *   PORT=8080 EXAMPLE_BUGS=none node_modules/.bin/jiti examples/churn/serving/server.ts
 *
 * Listens on 127.0.0.1:`PORT` (default 8080; `0` picks a free port) and prints
 * `listening on http://127.0.0.1:<port>` once ready. `EXAMPLE_BUGS` switches skews on (see `online-bugs.ts`;
 * default `clock,nulls,vocab,rounding`, `none` for a clean server). `SKEW_EXAMPLE_LOG=path` appends every served
 * row and its features to a JSON Lines serving log for `skew logs` (see `request-log.ts`). Stops cleanly on SIGTERM
 * and SIGINT (the log flushed first).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createFeatureHandler } from './feature-handler';
import { openRequestLog } from './request-log';
import { parseOnlineBugs } from './online-bugs';
import { createOnlineFeatures, type ServingStats } from './online-features';

function main(): void {
  const port = Number(process.env.PORT || 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`PORT must be an integer 0-65535, got "${process.env.PORT}"`);
  const bugs = parseOnlineBugs(process.env.EXAMPLE_BUGS);
  const stats = JSON.parse(readFileSync(join(__dirname, '..', 'pipeline', 'artifacts.json'), 'utf8')) as ServingStats;
  const log = process.env.SKEW_EXAMPLE_LOG ? openRequestLog(process.env.SKEW_EXAMPLE_LOG) : null;
  const server = createServer(createFeatureHandler(createOnlineFeatures(stats, { bugs }), log ? (row, features) => log.write(row, features) : undefined));
  // Longer than typical client keep-alive pools, so the harness's agent reuses sockets instead of racing closes.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  server.on('error', (error) => fail(`cannot listen on 127.0.0.1:${port}: ${error.message}`));
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    process.stdout.write(`listening on http://127.0.0.1:${actual}\n`);
  });

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(130); // a second signal: the user means it
    stopping = true;
    // In-flight requests finish; idle keep-alive sockets are closed now, busy ones after a grace period.
    server.close(() => {
      if (log) void log.close().finally(() => process.exit(0));
      else process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function fail(message: string): never {
  process.stderr.write(`churn serving: ${message}\n`);
  process.exit(1);
}

try {
  main();
} catch (error) {
  // Start-up problems (an unknown bug name, unreadable artifacts) are one line on stderr, not a stack trace.
  fail(error instanceof Error ? error.message : String(error));
}
