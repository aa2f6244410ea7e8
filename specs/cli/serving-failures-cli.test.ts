import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, TempRepo } from './cli-harness';

/**
 * Misbehaving servers, through the real CLI: a server that trickles its answer, answers too much, redirects, sends
 * bytes that are not UTF-8, and a local server (`serving.start`) that exits mid-run. One temp repo; each case is one
 * CLI run against a real HTTP server on 127.0.0.1 (in this process, or started by the CLI).
 */

const MIB = 1024 * 1024;
const HUGE = Buffer.from(JSON.stringify({ features: { x2: 0, blob: 'z'.repeat(5 * MIB) } }));
const LARGE = Buffer.from(JSON.stringify({ features: { x2: 0, blob: 'y'.repeat(600_000) } }));

/** The serving side: what it does depends on the path (`--url` picks the misbehaviour per run). */
function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const row = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; x: number };
    switch (req.url) {
      case '/trickle': {
        // Headers at once, then a byte every 50 ms, for ever: an idle-socket timeout never fires.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case '/huge':
        // Two rows answer 5 MiB (over the 1 MiB limit); the others a 600 kB feature under it, which differs offline.
        res.setHeader('content-type', 'application/json');
        res.end(row.x < 2 ? HUGE : LARGE);
        return;
      case '/redirect':
        res.writeHead(302, { location: 'http://svc-user:hunter2secret@features.elsewhere.example/v2/features' });
        res.end();
        return;
      case '/latin1':
        // "Malmö" in Latin-1: byte 0xF6, at offset 32 of this body, is not UTF-8.
        res.setHeader('content-type', 'application/json');
        res.end(Buffer.concat([Buffer.from('{"features":{"x2":0,"city":"Malm'), Buffer.from([0xf6]), Buffer.from('"}}')]));
        return;
      default:
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ features: { x2: row.x * 2, blob: 'x' } }));
    }
  });
}

/** A local serving process that answers two requests and then exits with code 7 while handling the third. */
const CRASHING_SERVER = `
const http = require('node:http');
let handled = 0;
http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  req.resume();
  req.on('end', () => {
    handled++;
    if (handled === 3) {
      console.error('fatal: out of memory in feature cache (simulated)');
      process.exit(7);
    }
    const body = JSON.stringify({ features: { x2: 0, blob: 'x' } });
    res.setHeader('content-type', 'application/json');
    res.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening on ' + process.env.PORT));
`;

describe('serving failures (black box)', () => {
  let repo: TempRepo;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    repo = new TempRepo();
    repo.write('train.csv', ['id,x', ...Array.from({ length: 6 }, (_, i) => `k${i},${i}`)].join('\n'));
    repo.write('features.mjs', "export const computeFeatures = (rows) => rows.map((r) => ({ x2: r.x * 2, blob: 'x' }));");
    const common = `source: { path: 'train.csv', key: 'id' },
        sample: { method: 'all' },
        offline: { module: 'features.mjs' },
        checks: { determinism: false, generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false },
        report: { reporters: ['terminal', 'json', 'markdown', 'html'] },
        failures: { remember: false },`;
    repo.write(
      'skew.config.js',
      `module.exports = {
        ${common}
        serving: { url: '${base}/ok', retries: 0, maxResponseBytes: ${MIB}, concurrency: 6 },
        // A short deadline only where the test needs one: elsewhere a busy machine must not turn rows into timeouts.
        targets: { trickle: { serving: { timeoutMs: 300 } } },
      };`,
    );
    repo.write('crash-server.js', CRASHING_SERVER);
    repo.write(
      'crash.config.js',
      `module.exports = {
        ${common}
        serving: {
          url: 'http://127.0.0.1:\${port}/features', retries: 0, concurrency: 1,
          start: { command: ['node', 'crash-server.js'], readyUrl: 'http://127.0.0.1:\${port}/healthz', port: 'auto' },
        },
      };`,
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    repo.remove();
  });

  const run = (name: string, args: string[]) => runCli(['run', '--report-dir', name, ...args], { cwd: repo.dir });
  const readReport = (dir: string) => JSON.parse(readFileSync(repo.path(`${dir}/skew-report.json`), 'utf8')) as {
    verdict: { exitCode: number };
    checks: Array<{ errors: Array<{ key: string; message: string }>; fields: Array<{ field: string; examples: Array<{ online: unknown }> }> }>;
  };
  const rowErrors = (dir: string) => readReport(dir).checks[0]!.errors.map((e) => e.message);

  it('cuts off a server that trickles its answer at serving.timeoutMs, reported as a timeout of every row', async () => {
    const result = await run('trickle', ['--url', `${base}/trickle`, '--target', 'trickle']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(3);
    expect(rowErrors('trickle')).toEqual(Array(6).fill(`Request timed out after 300 ms: POST ${base}/trickle`));
  });

  it('refuses responses over serving.maxResponseBytes per row, and keeps every report small however big the values', async () => {
    const result = await run('huge', ['--url', `${base}/huge`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1); // the 600 kB feature differs: skew wins over the two rows in error
    const report = readReport('huge');
    expect(report.checks[0]!.errors).toEqual([
      { key: 'k0', side: 'online', message: `Response larger than serving.maxResponseBytes (1 MiB = 1048576 bytes), not read further: POST ${base}/huge` },
      { key: 'k1', side: 'online', message: `Response larger than serving.maxResponseBytes (1 MiB = 1048576 bytes), not read further: POST ${base}/huge` },
    ]);
    const example = report.checks[0]!.fields.find((f) => f.field === 'blob')!.examples[0]!.online as string;
    expect(example).toMatch(/^y{1024}… \[truncated: string of 600000 characters\]$/);
    // Four 600 kB mismatches in four reports: without the cap each report would be well over 2 MB.
    for (const file of readdirSync(repo.path('huge'))) expect(statSync(repo.path(`huge/${file}`)).size).toBeLessThan(200_000);
  });

  it('stops with exit 2 on a redirect, naming where it pointed (credentials hidden) and serving.url', async () => {
    const result = await run('redirect', ['--url', `${base}/redirect`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `skew: serving.url answers with a redirect: HTTP 302 from POST ${base}/redirect: redirects to http://features.elsewhere.example/v2/features; redirects are not followed — set serving.url to the URL that answers\n`,
    );
    expect(existsSync(repo.path('redirect'))).toBe(false);
  });

  it('reports a response that is not UTF-8 as a serving error of its row, with the byte offset', async () => {
    const result = await run('latin1', ['--url', `${base}/latin1`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(3);
    expect(rowErrors('latin1')).toEqual(Array(6).fill(`Invalid HTTP 200 response from POST ${base}/latin1: response is not valid UTF-8 (byte offset 32)`));
    expect(readFileSync(repo.path('latin1/skew-report.json'), 'utf8')).not.toContain('\uFFFD');
  });

  it('stops with exit 3 when the local server exits mid-run, naming its exit code and showing its last output', async () => {
    const result = await run('crash', ['--config', 'crash.config.js']);
    expect(result.code).toBe(3);
    const port = /listening on (\d+)/.exec(result.stderr)?.[1];
    expect(result.stderr).toBe(
      [
        // The server's output once, as the error's tail (streamed live only with --debug).
        'skew: the serving process exited with code 7 during the run: node crash-server.js',
        '--- server output (last lines) ---',
        `listening on ${port}`,
        'fatal: out of memory in feature cache (simulated)',
        '',
      ].join('\n'),
    );
    expect(existsSync(repo.path('crash'))).toBe(false);
  });
});
