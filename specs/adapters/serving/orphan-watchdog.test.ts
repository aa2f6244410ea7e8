import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessGroupAlive } from '../../../harness/adapters/serving/process-group';

/**
 * A local server must not outlive the process that started it, however that process dies: a Ctrl-C reaching a jest
 * worker that handles nothing, a closed terminal, SIGKILL. These tests start a real server from a real owner
 * process (the built library), kill the owner, and check the server's whole process group is gone.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SERVING = path.join(ROOT, 'dist', 'harness', 'adapters', 'serving');

// The server forks a worker into its group, so the test proves the group, not just the leader, is stopped.
const SERVER_JS = `
const http = require('http');
require('fs').writeFileSync(process.env.PID_FILE, String(process.pid));
require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
http.createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1');
`;

// The owner starts the server, prints its process group, and waits: it installs no signal handler of its own.
const OWNER_JS = `
const { startLocalServer } = require(${JSON.stringify(SERVING)});
const pidFile = require('path').join(__dirname, 'server-' + process.pid + '.pid');
startLocalServer({ command: [process.execPath, 'server.js'], cwd: __dirname, env: { PID_FILE: pidFile }, port: 'auto',
  readyUrl: 'http://127.0.0.1:\${port}/', readyTimeoutMs: 20000, stopTimeoutMs: 1000 })
  .then(async (server) => {
    console.log('pgid ' + require('fs').readFileSync(pidFile, 'utf8'));
    if (process.argv[2] === 'stop') { await server.stop(); console.log('stopped'); }
    setInterval(() => {}, 1000);
  });
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'skew-watchdog-'));
  writeFileSync(path.join(dir, 'server.js'), SERVER_JS);
  writeFileSync(path.join(dir, 'owner.js'), OWNER_JS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 25));
}

function startOwner(...args: string[]): { child: ChildProcess; output: () => string } {
  // Its own group, as a terminal's foreground job: a signal to the group reaches the owner and nothing of ours.
  const child = spawn(process.execPath, [path.join(dir, 'owner.js'), ...args], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  owners.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function serverGroupOf(owner: { output: () => string }): Promise<number> {
  await waitUntil(() => /pgid \d+/.test(owner.output()));
  return Number(/pgid (\d+)/.exec(owner.output())![1]);
}

/** Watchdog shells still running for a group (zombies excluded). */
function watchdogsOf(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return argv[0] === '/bin/sh' && argv.includes(String(pgid)) && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
      } catch {
        return false;
      }
    })
    .map(Number);
}

const owners: ChildProcess[] = [];
afterEach(() => {
  // A failed expectation must not leave an owner (and so, before the fix, its server) running.
  for (const owner of owners.splice(0)) {
    try {
      process.kill(-owner.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('a local server whose owner dies', () => {
  it('is stopped, with its workers, whether the owner dies of SIGINT, SIGHUP or SIGKILL', async () => {
    await Promise.all(
      (['SIGINT', 'SIGHUP', 'SIGKILL'] as const).map(async (signal) => {
        const owner = startOwner();
        const pgid = await serverGroupOf(owner);
        expect(isProcessGroupAlive(pgid)).toBe(true);
        const ownerExited = new Promise((resolve) => owner.child.once('exit', resolve));
        process.kill(-owner.child.pid!, signal); // the owner's group, as a terminal sends Ctrl-C or a hang-up
        await ownerExited;
        await waitUntil(() => !isProcessGroupAlive(pgid));
        await waitUntil(() => watchdogsOf(pgid).length === 0);
      }),
    );
  });

  it('is not signalled after a normal stop, and its watchdog exits', async () => {
    const owner = startOwner('stop');
    const pgid = await serverGroupOf(owner);
    await waitUntil(() => owner.output().includes('stopped'));
    expect(isProcessGroupAlive(pgid)).toBe(false);
    await waitUntil(() => watchdogsOf(pgid).length === 0);
    // The owner is still running: the watchdog left because it was released, not because its owner died.
    expect(owner.child.exitCode).toBeNull();
  });
});
