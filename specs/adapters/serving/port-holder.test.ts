import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalServer, type LocalServer, type StartOptions } from '../../../harness/adapters/serving';
import { ServingAuthError, ServingStartError } from '../../../harness/errors/serving-error';
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
  /** A server of this (older) process on `port` (0: any), answering who it is with `status`. */
  const squat = async (port = 0, status = 200): Promise<number> => {
    const server = createServer((_req, res) => {
      res.statusCode = status;
      res.end(JSON.stringify({ who: 'someone else' }));
    });
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

  onLinux('takes answers from a process the serving command started, in a process group of its own', async () => {
    const server = await startLocalServer(options({ command: [process.execPath, 'launcher.js'] }));
    started.push(server);
    const body = (await (await fetch(server.resolveUrl('http://127.0.0.1:${port}/healthz'))).json()) as { who: string };
    expect(body.who).toBe('the started server');
  });

  /**
   * A serving command whose automatic port this (older) process takes before it listens, the first `times` times it is
   * started (each start's port is a line of a file: `ports()`). Either way it then runs server.js, which listens after
   * env `LISTEN_AFTER_MS` and exits 1 when the port is taken. The program on its port answers `status`.
   */
  let scripts = 0;
  const unlucky = async (times: number, status = 200): Promise<{ script: string; ports: () => number[] }> => {
    const n = ++scripts;
    const control = createServer((req, res) => {
      const port = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('port'));
      void squat(port, status).then(() => res.end('taken'));
    });
    servers.push(control);
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    const takeUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}/take`;
    const runs = path.join(dir, `runs-${n}`);
    writeFileSync(
      path.join(dir, `unlucky-${n}.js`),
      `const fs = require('fs');
       fs.appendFileSync(${JSON.stringify(runs)}, process.env.PORT + '\\n');
       if (fs.readFileSync(${JSON.stringify(runs)}, 'utf8').trim().split('\\n').length <= ${times}) {
         fetch(${JSON.stringify(takeUrl)} + '?port=' + process.env.PORT).then(() => require('./server.js'));
       } else require('./server.js');`,
    );
    return { script: `unlucky-${n}.js`, ports: () => (existsSync(runs) ? readFileSync(runs, 'utf8').trim().split('\n').map(Number) : []) };
  };

  onLinux('chooses another automatic port when another program takes the first one before the server binds it', async () => {
    const { script, ports } = await unlucky(1);
    const server = await startLocalServer(options({ command: [process.execPath, script] }));
    started.push(server);
    expect(ports()).toHaveLength(2);
    expect(server.port).toBe(ports()[1]);
    expect(ports()[0]).not.toBe(ports()[1]);
    const body = (await (await fetch(server.resolveUrl('http://127.0.0.1:${port}/healthz'))).json()) as { who: string };
    expect(body.who).toBe('the started server');
  });

  onLinux('does not take a 401 from another program on its automatic port for refused credentials', async () => {
    // The server tries to bind only after the other program has refused a few probes.
    const { script, ports } = await unlucky(1, 401);
    const server = await startLocalServer(options({ command: [process.execPath, script], env: { LISTEN_AFTER_MS: '500' } }), {
      headers: { Authorization: 'Bearer t0ken' },
    }).catch((e: unknown) => {
      expect(e).not.toBeInstanceOf(ServingAuthError);
      throw e;
    });
    started.push(server);
    expect(ports()).toHaveLength(2);
    expect(server.port).toBe(ports()[1]);
  });

  onLinux('gives up after 3 automatic ports, with the last server’s own words', async () => {
    const { script, ports } = await unlucky(3);
    const error: unknown = await startLocalServer(options({ command: [process.execPath, script] })).then(
      (server) => (started.push(server), new Error('ready on answers from another program')),
      (e: unknown) => e,
    );
    expect(ports()).toHaveLength(3);
    expect(error).toBeInstanceOf(ServingStartError);
    expect((error as ServingStartError).message).toMatch(/^serving command exited with code 1 before it became ready at http:\/\/127\.0\.0\.1:\d+\/healthz/);
    expect((error as ServingStartError).outputTail).toContain('cannot listen: EADDRINUSE');
  });

  onLinux('names the program holding its port when the wait times out', async () => {
    const { script } = await unlucky(1);
    // The server would listen only after the wait: every answer on its port is the other program's.
    const error: unknown = await startLocalServer(options({ command: [process.execPath, script], readyTimeoutMs: 1500, env: { LISTEN_AFTER_MS: '60000' } })).then(
      (server) => (started.push(server), new Error('ready on answers from another program')),
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(new RegExp(`within 1500 ms \\(last probe: HTTP 200, port \\d+ is held by pid ${process.pid} \\(.+\\), which the serving command did not start\\)`));
  });

  onLinux('takes a long-running holder of its port for its own proxy after a grace period, while the command keeps running', async () => {
    // As rootless Docker's rootlesskit or a pm2 daemon binds ports for processes it did not start.
    const { script, ports } = await unlucky(1);
    const t0 = performance.now();
    const server = await startLocalServer(options({ command: [process.execPath, script], env: { LISTEN_AFTER_MS: '60000' } }));
    started.push(server);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(2000);
    expect(ports()).toHaveLength(1);
    const body = (await (await fetch(server.resolveUrl('http://127.0.0.1:${port}/healthz'))).json()) as { who: string };
    expect(body.who).toBe('someone else');
  });

  onLinux('takes answers from whoever holds a fixed port or another port than its own: the command may not start them', async () => {
    const port = await squat();
    const fixed = await startLocalServer(options({ command: [process.execPath, '-e', 'setInterval(() => {}, 1000)'], port }));
    started.push(fixed);
    expect(fixed.port).toBe(port);
    const elsewhere = await startLocalServer(options({ command: [process.execPath, '-e', 'setInterval(() => {}, 1000)'], readyUrl: `http://127.0.0.1:${port}/healthz` }));
    started.push(elsewhere);
  });

});
