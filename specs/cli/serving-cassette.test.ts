import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, TempRepo } from './cli-harness';

/**
 * Recorded serving, through the real CLI: a run against a real server on 127.0.0.1 records a cassette; with the server
 * gone, a replay gives the same verdict and the same JSON report (but for timings and request statistics). Secrets
 * never reach the files; a request the cassette cannot answer ends the run naming the row.
 */

const TOKEN = 'tok-9f8e7d6c5b4a';
const API_KEY = 'key-0a1b2c3d4e5f';
const PASSWORD = 's3cretpass';

describe('serving cassettes (black box)', () => {
  let repo: TempRepo;
  let server: Server;
  let port = 0;
  // Per-server-life state: how often each row was asked (a nondeterministic field), whether k4 was refused once.
  let visits = new Map<string, number>();
  let refusedOnce = false;
  const headersSeen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        headersSeen.push(String(req.headers['x-api-token']));
        const row = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; x: number };
        if (row.id === 'k4' && !refusedOnce) {
          refusedOnce = true;
          res.writeHead(503).end('busy');
          return;
        }
        if (row.id === 'k5') {
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`cannot score ${row.id} (token ${TOKEN})`);
          return;
        }
        const seen = (visits.get(row.id) ?? 0) + 1;
        visits.set(row.id, seen);
        res.setHeader('content-type', 'application/json');
        res.setHeader('date', new Date().toUTCString());
        res.end(JSON.stringify({ features: { x2: row.id === 'k2' ? row.x * 2 + 1 : row.x * 2, visits: seen } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    repo = new TempRepo();
    repo.write('train.csv', ['id,x', ...Array.from({ length: 6 }, (_, i) => `k${i},${i}`)].join('\n'));
    repo.write('features.mjs', 'export const computeFeatures = (rows) => rows.map((r) => ({ x2: r.x * 2, visits: 1 }));');
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'id' },
        sample: { method: 'all' },
        offline: { module: 'features.mjs' },
        serving: {
          url: 'http://svc:${PASSWORD}@127.0.0.1:${port}/features?api_key=\${env.API_KEY}',
          headers: { 'X-Api-Token': 'Bearer \${env.TOKEN}' },
          retries: 1, backoff: { initialMs: 1, maxMs: 1 }, concurrency: 3,
        },
        checks: { generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false, determinism: { rows: 3 } },
        budget: { errorRate: 0.5 },
        report: { reporters: ['json'] },
        failures: { remember: false },
        targets: {
          // The request body changed since the recording: the cassette has no answer for it.
          wrapped: { serving: { request: { wrap: 'inputs' }, concurrency: 1 } },
          // A local server that could never start: a replay does not start it.
          local: { serving: { url: 'http://127.0.0.1:\${port}/features?api_key=\${env.API_KEY}', start: { command: ['node', 'no-such-server.js'], readyUrl: 'http://127.0.0.1:\${port}/healthz', port: 'auto' } } },
        },
      };`,
    );
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
    repo.remove();
  });

  const env = { TOKEN, API_KEY };
  const run = (args: string[]) => runCli(['run', ...args], { cwd: repo.dir, env });
  const report = (dir: string) => JSON.parse(readFileSync(repo.path(`${dir}/skew-report.json`), 'utf8')) as Record<string, unknown>;
  const cassetteFiles = (dir: string) => Object.fromEntries(readdirSync(repo.path(dir)).sort().map((name) => [name, readFileSync(repo.path(`${dir}/${name}`), 'utf8')]));
  // What differs between two runs of the same answers: clocks, what the network did (nothing, on a replay), and the
  // reproduce lines of a replay, which replay too.
  const comparable = (value: Record<string, unknown>): unknown =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) =>
      /(Ms|At)$/.test(key) || key === 'sides' ? undefined : key === 'reproduce' && typeof v === 'string' ? v.replace(/ --replay-serving \S+/, '') : v,
    );

  it('records a run, replays it with the server gone, and refuses a request it has no answer for', async () => {
    const recorded = await run(['--record-serving', 'cassette', '--report-dir', 'out']);
    // The report directory is part of the config hash: the replay writes to the same one.
    const recordedReport = report('out');
    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(1);
    expect(headersSeen).toContain(`Bearer ${TOKEN}`);

    const files = cassetteFiles('cassette');
    expect(Object.keys(files)).toEqual(['post-features.jsonl']);
    const text = files['post-features.jsonl']!;
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ cassette: 1, endpoint: 'POST /features' });
    for (const secret of [TOKEN, API_KEY, PASSWORD, Buffer.from(`svc:${PASSWORD}`).toString('base64'), 'Bearer', '127.0.0.1', String(port)]) {
      expect(text).not.toContain(secret);
    }
    const records = lines.slice(1).map((line) => JSON.parse(line) as { request: { target: string; body: { id: string } }; n: number; answer: { attempts: number; status: number; body: string } });
    expect(records.every((r) => r.request.target === '/features?api_key=***')).toBe(true);
    // k4: refused once, then answered: only the final answer, with its attempt count. k5: its final 500, redacted.
    expect(records.filter((r) => r.request.body.id === 'k4').map((r) => [r.answer.status, r.answer.attempts])[0]).toEqual([200, 2]);
    expect(records.find((r) => r.request.body.id === 'k5')!.answer).toEqual({ attempts: 2, status: 500, body: 'cannot score k5 (token ***)' });
    // The visit counter differs per ask: determinism's rows have every answer, in order; the others one.
    const answersPerRow = new Map<string, number[]>();
    for (const r of records) answersPerRow.set(r.request.body.id, [...(answersPerRow.get(r.request.body.id) ?? []), r.n]);
    expect([...answersPerRow.values()].filter((ns) => ns.length === 3)).toHaveLength(3); // determinism's 3 rows
    expect(answersPerRow.get('k5')).toEqual([0]); // the same 500 every time: stored once
    // Lines are sorted: the same answers recorded again give the same bytes.
    visits = new Map();
    refusedOnce = false;
    expect((await run(['--record-serving', 'again', '--report-dir', 'rec2'])).code).toBe(1);
    expect(cassetteFiles('again')).toEqual(files);

    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const asked = headersSeen.length;
    // A pull request has no staging token: a replay sends no header, so it does not need it.
    const replayed = await runCli(['run', '--replay-serving', 'cassette', '--report-dir', 'out'], { cwd: repo.dir, env: { API_KEY } });
    expect(replayed.stderr).toBe('');
    expect(replayed.code).toBe(1);
    expect(headersSeen).toHaveLength(asked);
    expect(comparable(report('out'))).toEqual(comparable(recordedReport));
    expect(report('out')['reproduce']).toBe('npx skew run --config skew.config.js --seed 1 --sample all --replay-serving cassette');

    // Replaying a config that starts a local server does not start it, and says so once.
    const local = await run(['--replay-serving', 'cassette', '--report-dir', 'local', '--target', 'local']);
    expect(local.stderr).toBe('skew: replaying serving from cassette: serving.start is not run, nothing is sent\n');
    expect(local.code).toBe(1);

    const stale = await run(['--replay-serving', 'cassette', '--report-dir', 'stale', '--target', 'wrapped']);
    expect(stale.stderr).toBe('skew: serving cassette cassette has no answer for row k0 (POST /features); record it again with --record-serving cassette\n');
    expect(stale.code).toBe(2);

    const missing = await run(['--replay-serving', 'nowhere', '--report-dir', 'missing']);
    expect(missing.stderr).toBe('skew: serving cassette nowhere does not exist; record it with --record-serving nowhere\n');
    expect(missing.code).toBe(2);
  });
});
