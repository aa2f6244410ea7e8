import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { ConfigError } from '../../errors/config-error';
import type { Redactor } from '../../core/row';
import { ServingAuthError, ServingExitedError, ServingStartError } from '../../errors/serving-error';
import { sleep } from './abortable-sleep';
import { findFreePort } from './free-port';
import { prependNodeBins } from '../node-bin-path';
import { createOutputTail } from './output-tail';
import { isProcessGroupAlive, signalProcessGroup } from './process-group';
import { trackForCleanup } from './server-cleanup';
import { withConfigPath } from '../../errors/with-config-path';
import { watchForOrphans } from './orphan-watchdog';
import type { StartOptions } from './serving-options';
import { createMessageRedactor } from './message-redactor';
import { describeEndpoint, formatRefusedCredentials, formatStatusFailure, stripUrlCredentials } from './serving-messages';
import { waitUntilReady } from './wait-until-ready';
import { foreignPortHolder, startTicksOf } from './port-holder';
import { isLoopbackUrl } from './request-target';

/** A serving process started for the run. */
export interface LocalServer {
  /** The port it was given (env `PORT`), or `null` when `port` was null. */
  readonly port: number | null;
  /** Replaces `${port}` in a URL template (`http://127.0.0.1:${port}/features`). */
  resolveUrl(template: string): string;
  /**
   * Stops the whole process group: SIGTERM, up to `stopTimeoutMs` for it to exit, then SIGKILL. Idempotent, never
   * rejects, safe to call from a signal handler.
   */
  stop(): Promise<void>;
  /** The last ~50 lines of its stdout and stderr. */
  outputTail(): string;
  /**
   * Aborted when the process exits by itself after it became ready (never after `stop()`), once its last output
   * has arrived; the reason is a {@link ServingExitedError} naming the exit code or signal, with the output tail.
   */
  readonly exited: AbortSignal;
}

/** What `startLocalServer` takes from its caller besides options. */
export interface StartContext {
  /** Aborts the start: the process is stopped and the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Receives each line the server prints (for `--verbose` / debug output), redacted. */
  log?: (line: string) => void;
  /** Hides secrets in error messages, the output tail and logged lines (servers like to print their env). */
  redact?: Redactor;
  /**
   * `serving.headers`, resolved: sent with every readiness probe, since a server that wants credentials on every path
   * wants them on its readiness URL too. Their secret values are hidden like `redact`'s wherever this prints (a
   * server may log the headers it got). Default none.
   */
  headers?: Readonly<Record<string, string>>;
}

const TAIL_LINES = 50;
// After the process exits, its last output may still be in the pipe: give it this long to arrive.
const OUTPUT_DRAIN_MS = 200;

/**
 * Starts the local serving process and waits until `readyUrl` answers 2xx; the probes send `context.headers`.
 *
 * The command runs without a shell (argv array), in `cwd`, with `env` over `process.env`, `node_modules/.bin`
 * folders on PATH, and `PORT` set when `port` is `'auto'` (a free port on 127.0.0.1) or a number. It is spawned
 * `detached`, leading its own process group, so `stop()` also reaches the workers it forks (`npm run` → node,
 * gunicorn → workers). A watchdog (see `orphan-watchdog.ts`) stops that group if this process dies without stopping
 * it — a Ctrl-C reaching a jest worker, a closed terminal, SIGKILL. On any failure the group is stopped before the promise rejects with
 * {@link ServingStartError}: `spawnFailed` when the command cannot run at all, otherwise the exit code or the
 * deadline, with the last lines of output. A probe answered 401, 403 or 407 stops the wait at once and rejects with a
 * {@link ServingAuthError} naming the probe URL, the status and `serving.headers` (the server is up, but refuses the
 * credentials: exit 2, as for refused requests). With `port: 'auto'`, answers on that port from a program that was running
 * before the command started do not count as ready for {@link FOREIGN_GRACE_MS} (Linux, see `port-holder.ts`): it
 * took the port after it was found free, the server fails to bind and exits, and the port is chosen again (at most
 * {@link AUTO_PORT_ATTEMPTS} starts).
 *
 * @example
 * const server = await startLocalServer({ command: ['node', 'serve.js'], cwd, env: {}, port: 'auto',
 *   readyUrl: 'http://127.0.0.1:${port}/healthz', readyTimeoutMs: 10_000, stopTimeoutMs: 3000 });
 * const url = server.resolveUrl('http://127.0.0.1:${port}/features');
 * try { … } finally { await server.stop(); }
 */
export async function startLocalServer(options: StartOptions, context: StartContext = {}): Promise<LocalServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options, context);
    } catch (error) {
      // An automatic port another program took before the server could bind it: choose another one.
      if (!(error instanceof PortTakenMeanwhile)) throw error;
      if (attempt >= AUTO_PORT_ATTEMPTS) throw error.failure;
    }
  }
}

/** Starts with an automatic port this many times at most when another program takes the port meanwhile. */
const AUTO_PORT_ATTEMPTS = 3;

/** The server exited before it was ready while another program held its automatic port: a new port may do. */
class PortTakenMeanwhile extends Error {
  constructor(readonly failure: ServingStartError) {
    super(failure.message);
  }
}

async function startOnce(options: StartOptions, context: StartContext): Promise<LocalServer> {
  const { signal, log } = context;
  const headers = context.headers ?? {};
  signal?.throwIfAborted();
  const [command, ...args] = options.command;
  if (command === undefined || command === '') throw new ConfigError('serving.start.command', 'is empty');
  if (!isDirectory(options.cwd)) {
    throw new ServingStartError(withConfigPath(`could not start "${command}": working directory ${options.cwd} does not exist`, 'serving.start.cwd'), {
      spawnFailed: true,
    });
  }
  const port = options.port === 'auto' ? await findFreePort() : options.port;
  const resolveUrl = (template: string): string => resolvePort(template, port);
  const readyUrl = resolveUrl(options.readyUrl);
  // The serving adapter's redactor: the caller's secrets, plus header values that look sensitive and URL passwords.
  const redact = createMessageRedactor(headers, [readyUrl], context.redact);

  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  env['PATH'] = prependNodeBins(options.cwd, env['PATH']);
  if (port !== null) env['PORT'] = String(port);

  const tail = createOutputTail(TAIL_LINES);
  const child = spawn(command, args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const onOutput = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    for (const line of tail.append(stream, chunk.toString('utf8'))) log?.(redact(line));
  };
  child.stdout?.on('data', onOutput('stdout'));
  child.stderr?.on('data', onOutput('stderr'));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }));
  });
  const spawnError = new Promise<NodeJS.ErrnoException>((resolve) => child.once('error', resolve));

  const stop = createStopper(child, options.stopTimeoutMs, exited);
  const watchdog = child.pid === undefined ? null : watchForOrphans(child.pid, options.stopTimeoutMs);
  const killNow = (): void => {
    try {
      if (child.pid !== undefined) signalProcessGroup(child.pid, 'SIGKILL');
    } catch {
      // Runs inside process.on('exit'): nothing useful can be done about a failure here.
    }
  };
  // However it is stopped (here, or by stopAllLocalServers), a stopped server is forgotten, so the exit hook never
  // signals a process group id that may since have been reused.
  let forget = (): void => {};
  let stopping = false;
  const stopServer = (): Promise<void> => {
    stopping = true;
    return stop().finally(() => {
      watchdog?.release();
      forget();
    });
  };
  forget = trackForCleanup({ stop: stopServer, killNow });
  const exitedDuringRun = new AbortController();
  const outputTail = (): string => redact(tail.text());
  const server: LocalServer = { port, resolveUrl, stop: stopServer, outputTail, exited: exitedDuringRun.signal };
  const drained = new Promise((resolve) => child.once('close', resolve));

  // Readiness races the process: whichever ends first decides. Probing stops as soon as the process is gone.
  const probing = new AbortController();
  const onAbort = (): void => probing.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // Only the automatic port is checked: a ready URL elsewhere may well be a server the command does not start.
  const holderNow = options.port === 'auto' ? foreignHolderOf(readyUrl, port, child.pid) : undefined;
  const answeredBySomeoneElse = holderNow && notReadyWhileForeign(holderNow, port!);
  const ended = await Promise.race([
    waitUntilReady({ url: readyUrl, headers, check: options.readyCheck, timeoutMs: options.readyTimeoutMs, signal: probing.signal, answeredBySomeoneElse }),
    exited.then((exit) => ({ kind: 'exited' as const, ...exit })),
    spawnError.then((error) => ({ kind: 'spawn-error' as const, error })),
  ]);
  probing.abort();
  signal?.removeEventListener('abort', onAbort);
  if (ended.kind === 'ready') {
    void exited.then(async (exit) => {
      if (stopping) return;
      await Promise.race([drained, sleep(OUTPUT_DRAIN_MS)]);
      if (stopping) return;
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      const message = `the serving process ${how} during the run: ${redact(options.command.join(' '))}`;
      exitedDuringRun.abort(new ServingExitedError(message, { exitCode: exit.code, signal: exit.signal, outputTail: outputTail() }));
    });
    return server;
  }

  if (ended.kind === 'exited') await Promise.race([drained, sleep(OUTPUT_DRAIN_MS)]);
  await server.stop();
  const where = stripUrlCredentials(readyUrl);
  const commandLine = redact(options.command.join(' '));
  switch (ended.kind) {
    case 'spawn-error':
      throw new ServingStartError(withConfigPath(redact(describeSpawnError(command, options.cwd, ended.error)), 'serving.start.command'), {
        spawnFailed: ['ENOENT', 'EACCES', 'ENOTDIR', 'EPERM'].includes(ended.error.code ?? ''),
        cause: ended.error,
      });
    case 'exited': {
      const how = ended.signal ? `was killed by ${ended.signal}` : `exited with code ${ended.code}`;
      const failure = new ServingStartError(`serving command ${how} before it became ready at ${where}: ${commandLine}`, {
        outputTail: server.outputTail(),
      });
      // Still held by that program now that the server is gone: the server lost its port to it.
      const taken = (holderNow?.() ?? null) !== null;
      throw taken ? new PortTakenMeanwhile(failure) : failure;
    }
    case 'refused': {
      const failure = formatStatusFailure(ended.status, describeEndpoint('GET', readyUrl), 1, ended.body);
      const headersSent = Object.keys(headers).length > 0;
      throw new ServingAuthError(redact(formatRefusedCredentials(failure, { probe: true, headersSent })), ended.status);
    }
    case 'aborted':
      throw signal?.reason ?? new ServingStartError(`serving start was interrupted: ${commandLine}`);
    case 'timeout': {
      const last = ended.lastProbe ? ` (last probe: ${redact(ended.lastProbe)})` : '';
      // A 404 comes from a server that is up: the URL is the likelier fault than the wait.
      const hint = ended.lastProbe?.startsWith('HTTP 404') ? '; the server answers, but not at this URL: check serving.start.readyUrl (a preset derives it from its model name)' : '';
      throw new ServingStartError(
        `serving did not become ready at ${where} within ${options.readyTimeoutMs} ms${last}${hint}: ${commandLine}`,
        { outputTail: server.outputTail() },
      );
    }
  }
}

/** Replaces `${port}`; a URL that needs a port when none was configured is a configuration error. */
function resolvePort(template: string, port: number | null): string {
  if (!template.includes('${port}')) return template;
  if (port === null) {
    throw new ConfigError('serving.start.port', `is null, but ${stripUrlCredentials(template)} uses \${port}`);
  }
  return template.split('${port}').join(String(port));
}

function createStopper(
  child: ChildProcess,
  stopTimeoutMs: number,
  exited: Promise<unknown>,
): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  const waitForGroup = async (pgid: number, timeoutMs: number): Promise<boolean> => {
    const deadline = performance.now() + timeoutMs;
    while (isProcessGroupAlive(pgid)) {
      if (performance.now() >= deadline) return false;
      await sleep(25);
    }
    return true;
  };
  return () => {
    stopping ??= (async () => {
      const pgid = child.pid;
      if (pgid === undefined) return; // never spawned: nothing to stop
      try {
        // Even if the leader already exited, workers it forked may still be running in its group.
        if (signalProcessGroup(pgid, 'SIGTERM') && !(await waitForGroup(pgid, stopTimeoutMs))) {
          signalProcessGroup(pgid, 'SIGKILL');
          await waitForGroup(pgid, 2000);
        }
        await Promise.race([exited, sleep(1000)]);
      } catch {
        // stop() must not reject (it runs in finally blocks and signal handlers); EPERM here means the group is
        // no longer ours.
      } finally {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }
    })();
    return stopping;
  };
}

function describeSpawnError(command: string, cwd: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `could not start "${command}": command not found (ENOENT; looked on PATH and in node_modules/.bin from ${cwd})`;
    case 'EACCES':
    case 'EPERM':
      return `could not start "${command}": permission denied (${error.code}); is it executable?`;
    default:
      return `could not start "${command}": ${error.message}`;
  }
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * For a ready URL on the automatic `port` of this machine, a function telling who holds that port when it is not the
 * serving command — a program that was running before the command started and took the port after it was found free
 * (a parallel job, another test) — or `null` when it is the command's. `undefined` when this cannot be told.
 */
function foreignHolderOf(readyUrl: string, port: number | null, pid: number | undefined): (() => string | null) | undefined {
  if (port === null || pid === undefined || !isLoopbackUrl(readyUrl)) return undefined;
  const url = new URL(readyUrl);
  if ((url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port)) !== port) return undefined;
  const startTicks = startTicksOf(pid);
  if (startTicks === null) return undefined;
  return () => foreignPortHolder(port, { pid, startTicks });
}

/**
 * How long answers from a program that holds the automatic port without having been started by the command are not
 * taken as ready. Long enough for a server that lost its port to it to fail to bind and exit (then another port is
 * chosen); after it, with the command still running, the holder is taken for the command's own proxy — a
 * long-running forwarder such as rootless Docker's rootlesskit or a pm2 daemon binds ports for processes it did not
 * start.
 */
const FOREIGN_GRACE_MS = 2000;

/** The readiness veto of {@link waitUntilReady}: why an answer is not yet the server's, during the grace period. */
function notReadyWhileForeign(holderNow: () => string | null, port: number): () => string | null {
  let firstSeen: number | null = null;
  return () => {
    const holder = holderNow();
    if (holder === null) return null;
    firstSeen ??= performance.now();
    if (performance.now() - firstSeen >= FOREIGN_GRACE_MS) return null;
    return `port ${port} is held by ${holder}, which the serving command did not start`;
  };
}
