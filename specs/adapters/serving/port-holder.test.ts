import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type LocalServer, type StartOptions } from '../../../harness/adapters/serving';
import { ServingStartError } from '../../../harness/errors/serving-error';
import { startOptions } from './test-server';

// Serves /healthz on env PORT after `LISTEN_AFTER_MS`; exits 1 (as servers do) when the port is taken.
const SERVER_JS = `
const http = require('http');
const server = http.createServer((req, res) => res.end(JSON.stringify({ who: 'the started server' })));
server.on('error', (error) => { console.error('cannot listen: ' + error.code); process.exit(1); });
setTimeout(() => server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + process.env.PORT)), Number(process.env.LISTEN_AFTER_MS || 0));
`;

// A launcher that leaves the listening to a process of its own group (as docker run leaves it to docker-proxy).
const LAUNCHER_JS = `
const { spawn } = require('child_process');
const child = spawn(process.execPath, ['server.js'], { detached: true, stdio: 'inherit' });
process.on('SIGTERM', () => { child.kill('SIGKILL'); process.exit(0); });
setInterval(() => {}, 1000);
`;

const onLinux = process.platform === 'linux' ? it : it.skip;

describe('startLocalServer: answers from a program the serving command did not start', () => {
  let dir: string;
  const started: LocalServer[] = [];
  const servers: Server[] = [];
  const options = (overrides: Partial<StartOptions>): StartOptions => startOptions(dir, overrides);
  /** A server of this (older) process on `port` (0: any), answering who it is. */
  const squat = async (port = 0): Promise<number> => {
    const server = createServer((_req, res) => res.end(JSON.stringify({ who: 'someone else' })));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'skew-port-holder-'));
    writeFileSync(path.join(dir, 'server.js'), SERVER_JS);
    writeFileSync(path.join(dir, 'launcher.js'), LAUNCHER_JS);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  onLinux('is not ready while another program answers on its fixed port, and reports why its server exited', async () => {
    const port = await squat();
    const error: unknown = await startLocalServer(options({ port, env: { LISTEN_AFTER_MS: '300' } })).then(
      (server) => (started.push(server), new Error('ready on answers from another program')),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServingStartError);
    expect((error as ServingStartError).message).toMatch(/^serving command exited with code 1 before it became ready at http:\/\/127\.0\.0\.1:\d+\/healthz/);
    expect((error as ServingStartError).outputTail).toContain('cannot listen: EADDRINUSE');
  });

  onLinux('names the other program when the wait times out', async () => {
    const port = await squat();
    // The server never listens within the wait: every answer is the other program's.
    const error: unknown = await startLocalServer(options({ port, readyTimeoutMs: 600, env: { LISTEN_AFTER_MS: '60000' } })).then(
      (server) => (started.push(server), new Error('ready on answers from another program')),
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(new RegExp(`within 600 ms \\(last probe: HTTP 200, port ${port} is held by pid ${process.pid} \\(.+\\), which the serving command did not start\\)`));
  });

  onLinux('takes answers from a process the serving command started, in a process group of its own', async () => {
    const server = await startLocalServer(options({ command: [process.execPath, 'launcher.js'] }));
    started.push(server);
    const body = (await (await fetch(server.resolveUrl('http://127.0.0.1:${port}/healthz'))).json()) as { who: string };
    expect(body.who).toBe('the started server');
  });

  onLinux('chooses another automatic port when another program takes the first one before the server binds it', async () => {
    // The first time, the server hands its port to this (older) process, which takes it before the server listens.
    const marker = path.join(dir, 'first-port');
    const control = createServer((req, res) => {
      const port = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('port'));
      void squat(port).then(() => res.end('taken'));
    });
    servers.push(control);
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}/take`;
    writeFileSync(
      path.join(dir, 'unlucky.js'),
      `const fs = require('fs');
       if (!fs.existsSync(${JSON.stringify(marker)})) {
         fs.writeFileSync(${JSON.stringify(marker)}, process.env.PORT);
         fetch(${JSON.stringify(controlUrl)} + '?port=' + process.env.PORT).then(() => require('./server.js'));
       } else require('./server.js');`,
    );
    const server = await startLocalServer(options({ command: [process.execPath, 'unlucky.js'] }));
    started.push(server);
    expect(existsSync(marker)).toBe(true);
    expect(server.port).not.toBe(Number(readFileSync(marker, 'utf8')));
    const body = (await (await fetch(server.resolveUrl('http://127.0.0.1:${port}/healthz'))).json()) as { who: string };
    expect(body.who).toBe('the started server');
  });
});
