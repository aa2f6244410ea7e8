import { existsSync, readdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, TempRepo } from './cli-harness';

/**
 * The error contract through the real CLI for the offline module, the local server's command, the report
 * directory, and rows JSON cannot encode: exit code, the exact one line on stderr, nothing written.
 */

let repo: TempRepo;
let server: http.Server;
let url: string;
let requests = 0;

beforeAll(async () => {
  repo = new TempRepo();
  repo.write('data.csv', 'id,x\na,1\nb,2\nc,3\nd,4\n');
  repo.write('throws-on-rows.ts', "export function computeFeatures(rows: any[]) { return rows.map((r) => r.missing.field); }\n");
  repo.write('syntax.ts', 'export function computeFeatures(rows: any[]) {\n  return rows.map((r) => ({ a: 1 }];\n}\n');
  repo.write('noisy-server.js', "console.log('Server listening (a line a server prints on start)');\nsetInterval(() => {}, 1000);\n");
  repo.write('blocked', 'a file where the report directory should be');
  // Deeply nested input: JSON.stringify overflows the stack on it. It comes first, so the warm-up meets it.
  let deep = '1';
  for (let i = 0; i < 20_000; i++) deep = `{"a":${deep}}`;
  repo.write('deep.jsonl', [`{"id":"deep","x":${deep}}`, ...['a', 'b', 'c', 'd'].map((k, i) => `{"id":"${k}","x":${i}}`)].join('\n') + '\n');
  repo.write('echo.js', "require('readline').createInterface({ input: process.stdin }).on('line', (l) => console.log(JSON.stringify({ x: typeof JSON.parse(l).x })));\n");
  server = http.createServer((req, res) => {
    if (req.method === 'GET') return void res.end('ok'); // readiness
    requests++;
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ features: { x: typeof (JSON.parse(body) as { x: unknown }).x } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features`;
});
afterAll(async () => {
  repo.remove();
  await new Promise((resolve) => server.close(resolve));
});

let configs = 0;
function config(sections: Record<string, unknown>): string {
  const name = `config-${++configs}.json`;
  repo.write(name, JSON.stringify({ source: { path: 'data.csv', key: 'id' }, serving: { url, retries: 0 }, ...sections }));
  return name;
}

const run = (name: string, ...args: string[]) => runCli(['run', '--config', name, '--checks', 'parity', '--no-remember', ...args], { cwd: repo.dir });

describe('the error contract', () => {
  it('an offline module that throws on each of the first rows is broken as a whole: exit 2 before serving is asked', async () => {
    const before = requests;
    const result = await run(config({ offline: { module: 'throws-on-rows.ts' } }));
    expect(result.stderr).toBe(
      "skew: offline module throws-on-rows.ts#computeFeatures fails on every row it is given (3 rows tried alone): threw: Cannot read properties of undefined (reading 'field')\n",
    );
    expect(result.code).toBe(2);
    expect(requests).toBe(before);
  });

  it('an offline module with a syntax error is named at file:line:column; a missing one names offline.module', async () => {
    const syntax = await run(config({ offline: { module: 'syntax.ts' } }));
    expect(syntax.stderr).toBe(`skew: offline module ${repo.path('syntax.ts')}:2:35: syntax error: Unexpected token, expected ","\n`);
    expect(syntax.code).toBe(2);
    const missing = await run(config({ offline: { module: 'nowhere.ts' } }));
    expect(missing.stderr).toBe(`skew: offline module ${repo.path('nowhere.ts')}: file not found; check offline.module\n`);
    expect(missing.code).toBe(2);
  });

  it('a serving.start command that does not exist names the setting; the server prints nothing to stderr without --debug', async () => {
    const misspelt = await run(config({ offline: { columns: ['x'] }, serving: { url, start: { command: ['nodee', 'server.js'], readyUrl: url, port: 'auto' } } }));
    expect(misspelt.stderr).toMatch(/^skew: could not start "nodee": command not found \(ENOENT; [^\n]*\); check serving\.start\.command\n$/);
    expect(misspelt.code).toBe(2);
    // A server that prints a line, and an offline command that does not exist: only the one line of the error.
    const noisy = await run(
      config({ offline: { command: ['no-such-pipeline-cmd'] }, serving: { url, start: { command: ['node', 'noisy-server.js'], readyUrl: url, port: 'auto' } } }),
    );
    expect(noisy.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(noisy.stderr).toMatch(/^skew: .*no-such-pipeline-cmd.*; check offline\.command\n$/);
    expect(noisy.code).toBe(2);
  });

  it('a report directory that is a file is refused before the run: exit 2, nothing on stdout', async () => {
    const before = requests;
    const result = await run(config({ offline: { columns: ['x'] } }), '--reporter', 'terminal,json', '--report-dir', 'blocked');
    expect(result.stderr).toBe(`skew: cannot write the json report ${repo.path('blocked/skew-report.json')}: ${repo.path('blocked')} is a file, not a directory; check report.dir (or --report-dir)\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(requests).toBe(before);
  });

  it('a row JSON cannot encode, first in the sample, is that row’s error — never a crash', async () => {
    const name = config({ source: { path: 'deep.jsonl', key: 'id' }, sample: { method: 'all' }, offline: { command: ['node', 'echo.js'] }, report: { dir: 'out' } });
    const before = readdirSync(repo.dir).length;
    const result = await run(name);
    expect(result.stderr).not.toMatch(/RangeError|\n\s+at /);
    expect([0, 3]).toContain(result.code);
    expect(existsSync(repo.path('out/skew-report.json'))).toBe(true);
    expect(readdirSync(repo.dir).length).toBe(before + 1);
  });
});
