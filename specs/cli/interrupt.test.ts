import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { runCli, SKEW_BIN, TempRepo } from './cli-harness';

/** A serving process that records its PID, answers readiness, and never answers feature requests. */
const STUCK_SERVER = `
const http = require('http');
const fs = require('fs');
fs.writeFileSync('server.pid', String(process.pid));
http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  fs.appendFileSync('requests.log', 'x');
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // The sandbox's PID 1 may not reap orphans: a zombie is as good as gone.
    return !/^\S+ \S+ Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^\d+ \(.*\) /, '0 x '));
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 50));
}

describe('skew run interrupted with Ctrl-C', () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = new TempRepo();
    repo.write('train.csv', 'id,x\na,1\nb,2\nc,3\n');
    repo.write('server.js', STUCK_SERVER);
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'id' },
        offline: { columns: ['x'] },
        serving: {
          url: 'http://127.0.0.1:\${port}/features', timeoutMs: 60000,
          start: { command: ['node', 'server.js'], readyUrl: 'http://127.0.0.1:\${port}/healthz', port: 'auto' },
        },
      };`,
    );
  });
  afterEach(() => repo.remove());

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('on %s: exits 130, stops the local server and writes no report', async (signal) => {
    const child = spawn(process.execPath, [SKEW_BIN, 'run'], { cwd: repo.dir, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    await waitFor(() => existsSync(repo.path('requests.log')));
    const serverPid = Number(readFileSync(repo.path('server.pid'), 'utf8'));
    expect(alive(serverPid)).toBe(true);

    child.kill(signal);
    expect(await exited).toBe(130);
    // One line, naming the signal (the server's own output is not streamed without --debug).
    expect(stderr).toBe(`skew: interrupted by ${signal}: stopping (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to force)\n`);
    expect(alive(serverPid)).toBe(false);
    expect(existsSync(repo.path('reports'))).toBe(false);
  });
});

describe('skew with a word that is no command', () => {
  it.each([
    ['rnu', 'unknown command "rnu" (did you mean "run"?); commands: run, golden, report, trend, drift, logs, init, merge (see skew --help)'],
    ['frobnicate', 'unknown command "frobnicate"; commands: run, golden, report, trend, drift, logs, init, merge (see skew --help)'],
  ])('%s: exit 2 with one line, and no run, report or memory', async (word, message) => {
    const repo = new TempRepo();
    try {
      repo.write('train.csv', 'id,x\na,1\n');
      repo.write('skew.config.js', `module.exports = { source: { path: 'train.csv', key: 'id' }, offline: { columns: ['x'] }, serving: { url: 'http://127.0.0.1:9/f' } };`);
      const result = await runCli([word], { cwd: repo.dir });
      expect(result).toEqual({ code: 2, stdout: '', stderr: `skew: ${message}\n` });
      expect(existsSync(repo.path('reports'))).toBe(false);
      expect(existsSync(repo.path('.skew'))).toBe(false);
    } finally {
      repo.remove();
    }
  });
});
