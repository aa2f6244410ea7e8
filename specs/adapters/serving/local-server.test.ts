import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, stopAllLocalServers, type LocalServer } from '../../../harness/adapters/serving';
import type { StartOptions } from '../../../harness/adapters/serving';
import { ServingExitedError, ServingStartError } from '../../../harness/errors/serving-error';
import { startOptions } from './test-server';

// A tiny serving process: answers /healthz (after `READY_AFTER_MS`) and /features on env PORT; a path under /v2, 404.
const SERVER_JS = `
const http = require('http');
const readyAt = Date.now() + Number(process.env.READY_AFTER_MS || 0);
const server = http.createServer((req, res) => {
  if (req.url === '/healthz') { res.statusCode = Date.now() >= readyAt ? 200 : 503; return res.end('ok'); }
  if (req.url.startsWith('/v2/')) { res.statusCode = 404; return res.end('no such model'); }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ features: { port: Number(process.env.PORT), greeting: process.env.GREETING } }));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + process.env.PORT));
`;

// Forks a grandchild in the same process group, records both PIDs, then serves.
const FAMILY_JS = `
const { spawn } = require('child_process');
const fs = require('fs');
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
fs.writeFileSync(process.env.PIDS_FILE, JSON.stringify({ child: process.pid, grandchild: grandchild.pid }));
${SERVER_JS}
`;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed orphan stays a zombie until init reaps it, and this sandbox's init never does: a zombie is not running.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('startLocalServer', () => {
  let dir: string;
  const started: LocalServer[] = [];
  const options = (overrides: Partial<StartOptions>): StartOptions => startOptions(dir, overrides);
  const start = async (overrides: Partial<StartOptions>): Promise<LocalServer> => {
    const server = await startLocalServer(options(overrides));
    started.push(server);
    return server;
  };
  const startError = async (overrides: Partial<StartOptions>): Promise<ServingStartError> => {
    const error: unknown = await startLocalServer(options(overrides)).then(
      () => new Error('started, but should have failed'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServingStartError);
    return error as ServingStartError;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'skew-local-server-'));
    writeFileSync(path.join(dir, 'server.js'), SERVER_JS);
    writeFileSync(path.join(dir, 'family.js'), FAMILY_JS);
    writeFileSync(path.join(dir, 'never-ready.js'), `console.log('booting, loading model'); setInterval(() => {}, 1000);`);
    writeFileSync(path.join(dir, 'crash.js'), `console.log('loading model'); console.error('fatal: model.bin not found'); process.exit(3);`);
    writeFileSync(path.join(dir, 'dies-on-request.js'), SERVER_JS.replace("res.setHeader('content-type'", "if (req.url === '/die') { console.error('segfault in handler (simulated)'); process.kill(process.pid, 'SIGKILL'); } res.setHeader('content-type'"));
    writeFileSync(path.join(dir, 'leaky.js'), `console.log('token is ' + process.env.TOKEN); process.exit(1);`);
    writeFileSync(path.join(dir, 'stubborn.js'), `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); ${SERVER_JS}`);
    mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
    const bin = path.join(dir, 'node_modules', '.bin', 'my-model-server');
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${path.join(dir, 'server.js')}"\n`);
    chmodSync(bin, 0o755);
    writeFileSync(path.join(dir, 'node_modules', '.bin', 'not-executable'), '#!/bin/sh\necho hi\n');
    chmodSync(path.join(dir, 'node_modules', '.bin', 'not-executable'), 0o644);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts a real process on an automatic port and waits until it is ready', async () => {
    const lines: string[] = [];
    const server = await startLocalServer(options({ env: { GREETING: 'hi', READY_AFTER_MS: '300' } }), {
      log: (line) => lines.push(line),
    });
    started.push(server);
    expect(server.port).toEqual(expect.any(Number));
    const url = server.resolveUrl('http://127.0.0.1:${port}/features');
    expect(url).toBe(`http://127.0.0.1:${server.port}/features`);
    const body = (await (await fetch(url)).json()) as { features: { port: number; greeting: string } };
    expect(body.features).toEqual({ port: server.port, greeting: 'hi' });
    expect(server.outputTail()).toContain(`listening on ${server.port}`);
    expect(lines).toContain(`listening on ${server.port}`);
  });

  it('finds commands in node_modules/.bin like npm scripts do', async () => {
    const server = await start({ command: ['my-model-server'] });
    expect((await fetch(server.resolveUrl('http://127.0.0.1:${port}/healthz'))).status).toBe(200);
  });

  it('fails after the deadline with the output tail when the server never becomes ready', async () => {
    const error = await startError({ command: [process.execPath, 'never-ready.js'], readyTimeoutMs: 400 });
    expect(error.message).toMatch(
      /^serving did not become ready at http:\/\/127\.0\.0\.1:\d+\/healthz within 400 ms \(last probe: ECONNREFUSED\): /,
    );
    expect(error.outputTail).toBe('booting, loading model');
    expect(error.message).toContain('--- server output (last lines) ---\nbooting, loading model');
    expect(error.spawnFailed).toBe(false);
  });

  it('a ready URL answered 404 until the deadline points at serving.start.readyUrl: the server is up, the URL is wrong', async () => {
    const error = await startError({ readyUrl: 'http://127.0.0.1:${port}/v2/models/fraud-v3/ready', readyTimeoutMs: 3000 });
    expect(error.message).toMatch(
      /^serving did not become ready at http:\/\/127\.0\.0\.1:\d+\/v2\/models\/fraud-v3\/ready within 3000 ms \(last probe: HTTP 404\); the server answers, but not at this URL: check serving\.start\.readyUrl /,
    );
  });

  it('redacts secrets in the output tail and in logged lines', async () => {
    const lines: string[] = [];
    const redact = (text: string): string => text.split('s3cret-token').join('${env.TOKEN}');
    const error: unknown = await startLocalServer(options({ command: [process.execPath, 'leaky.js'], env: { TOKEN: 's3cret-token' } }), {
      redact,
      log: (line) => lines.push(line),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServingStartError);
    expect((error as ServingStartError).outputTail).toBe('token is ${env.TOKEN}');
    expect((error as ServingStartError).message).not.toContain('s3cret-token');
    expect(lines).toEqual(['token is ${env.TOKEN}']);
  });

  it('fails with the exit code and output when the process exits early', async () => {
    const error = await startError({ command: [process.execPath, 'crash.js'] });
    expect(error.message).toMatch(/^serving command exited with code 3 before it became ready at http:\/\/127\.0\.0\.1:\d+\/healthz: /);
    expect(error.outputTail).toContain('loading model');
    expect(error.outputTail).toContain('fatal: model.bin not found');
  });

  it('signals `exited` when the process dies after it became ready, naming the signal, with its output', async () => {
    const server = await start({ command: [process.execPath, 'dies-on-request.js'] });
    expect(server.exited.aborted).toBe(false);
    await fetch(server.resolveUrl('http://127.0.0.1:${port}/die')).catch(() => undefined);
    // The exit may already be known when the request settles (the abort event fired before anyone listened).
    if (!server.exited.aborted) await new Promise((resolve) => server.exited.addEventListener('abort', resolve, { once: true }));
    const reason: unknown = server.exited.reason;
    expect(reason).toBeInstanceOf(ServingExitedError);
    expect((reason as ServingExitedError).message).toBe(
      `the serving process was killed by SIGKILL during the run: ${process.execPath} dies-on-request.js\n--- server output (last lines) ---\nlistening on ${server.port}\nsegfault in handler (simulated)`,
    );
    expect((reason as ServingExitedError).signal).toBe('SIGKILL');
  });

  it('does not signal `exited` when the process is stopped', async () => {
    const server = await start({});
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 300)); // longer than the output drain, after which it would fire
    expect(server.exited.aborted).toBe(false);
  });

  it('reports a missing command as spawnFailed, naming it', async () => {
    const error = await startError({ command: ['no-such-serving-command-xyz', '--port', '1'] });
    expect(error.spawnFailed).toBe(true);
    expect(error.code).toBe('SERVING_START');
    expect(error.message).toContain('could not start "no-such-serving-command-xyz": command not found (ENOENT');
  });

  it('reports a command that is not executable as spawnFailed', async () => {
    const error = await startError({ command: ['not-executable'] });
    expect(error.spawnFailed).toBe(true);
    expect(error.message).toContain('could not start "not-executable": permission denied (EACCES)');
  });

  it('stop() kills the whole process group, grandchildren included, and is idempotent', async () => {
    const pidsFile = path.join(dir, 'pids.json');
    const server = await start({ command: [process.execPath, 'family.js'], env: { PIDS_FILE: pidsFile } });
    const pids = JSON.parse(readFileSync(pidsFile, 'utf8')) as { child: number; grandchild: number };
    expect(isRunning(pids.child)).toBe(true);
    expect(isRunning(pids.grandchild)).toBe(true);

    await Promise.all([server.stop(), server.stop()]);
    expect(isRunning(pids.child)).toBe(false);
    expect(isRunning(pids.grandchild)).toBe(false);
    await server.stop();
  });

  it('escalates to SIGKILL when the server ignores SIGTERM', async () => {
    const server = await start({ command: [process.execPath, 'stubborn.js'], stopTimeoutMs: 200 });
    const port = server.port;
    await server.stop();
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('stops the process and rejects with the abort reason when the start is aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('interrupted');
    setTimeout(() => controller.abort(reason), 100);
    await expect(
      startLocalServer(options({ command: [process.execPath, 'never-ready.js'] }), { signal: controller.signal }),
    ).rejects.toBe(reason);
  });

  it('stopAllLocalServers() stops every server still running', async () => {
    const a = await start({});
    const b = await start({});
    await stopAllLocalServers();
    await expect(fetch(`http://127.0.0.1:${a.port}/healthz`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${b.port}/healthz`)).rejects.toThrow();
  });

  it('uses a fixed port and refuses ${port} when there is none', async () => {
    const server = await start({ env: { READY_AFTER_MS: '0' } });
    const fixed = server.port!;
    await server.stop();
    const again = await start({ port: fixed });
    expect(again.port).toBe(fixed);
    await expect(startLocalServer(options({ port: null }))).rejects.toThrow('serving.start.port is null, but');
  });
});
