import { createHttpOfflineAdapter } from '../../../harness/adapters/offline/http-adapter';
import type { FeatureAdapter } from '../../../harness/adapters/feature-adapter';
import { resolveConfig } from '../../../harness/config/resolve-config';
import type { HttpOfflineConfig } from '../../../harness/config/user-config';
import { ConfigError } from '../../../harness/errors/config-error';
import { OfflineError } from '../../../harness/errors/offline-error';
import { sendJson, startTestServer, type TestServer } from '../serving/test-server';

const offlineOptions = (offline: HttpOfflineConfig) => {
  const config = resolveConfig({ source: { path: 't.csv', key: 'id' }, offline, serving: { url: 'http://127.0.0.1:1/f' } }, { rootDir: '/repo', env: { TOKEN: 's3cret' } });
  if (config.offline.kind !== 'http') throw new Error('expected the http offline kind');
  return { ...config.offline.options, backoff: { initialMs: 1, maxMs: 5 } };
};

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ key: String(i), fields: { id: i, x: i } }));

describe('offline HTTP adapter (a batch endpoint)', () => {
  let server: TestServer | null = null;
  let adapter: FeatureAdapter | null = null;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
    adapter = null;
    server = null;
  });

  it('posts rows in batches with the configured headers and reads one vector per row', async () => {
    server = await startTestServer((req, res) => {
      const { rows: batch } = JSON.parse(req.body) as { rows: Array<{ x: number }> };
      sendJson(res, 200, { features: batch.map((r) => ({ x2: r.x * 2 })) });
    });
    adapter = createHttpOfflineAdapter(offlineOptions({ url: `${server.url}/compute`, batchSize: 4, headers: { Authorization: 'Bearer ${env.TOKEN}' } }));
    expect(adapter.side).toBe('offline');
    const results = await adapter.compute(rows(10));
    expect(results).toEqual(rows(10).map((_, i) => ({ kind: 'ok', features: { x2: i * 2 } })));
    expect(server.requests.map((r) => (JSON.parse(r.body) as { rows: unknown[] }).rows.length).sort()).toEqual([2, 4, 4]);
    expect(server.requests[0]!.headers['authorization']).toBe('Bearer s3cret');
  });

  it("names offline's own setting when its response mapping reads none of the answers", async () => {
    server = await startTestServer((req, res) => {
      const body = JSON.parse(req.body) as { rows?: Array<{ x: number }> } & { x?: number };
      // Answers { data: [...] }; the config reads the default `features`.
      sendJson(res, 200, body.rows ? { data: body.rows.map((r) => ({ x2: r.x * 2 })) } : { data: { x2: body.x! * 2 } });
    });
    adapter = createHttpOfflineAdapter(offlineOptions({ url: `${server.url}/compute`, batchSize: 4 }));
    const error = (await adapter.compute(rows(40)).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/^offline\.response does not read the endpoint's answers/);
  });

  it('isolates the row that fails its batch (HTTP 400): the other rows of the batch are still computed', async () => {
    server = await startTestServer((req, res) => {
      const { rows: batch } = JSON.parse(req.body) as { rows: Array<{ x: number }> };
      if (batch.some((r) => r.x === 3)) return sendJson(res, 400, { error: 'x=3 breaks the pipeline' });
      sendJson(res, 200, { result: { vectors: batch.map((r) => ({ y: -r.x })) } });
    });
    adapter = createHttpOfflineAdapter(offlineOptions({ url: server.url, batchSize: 5, response: { path: 'result.vectors' } }));
    const results = await adapter.compute(rows(5));
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'error', 'ok']);
    expect(results[3]).toMatchObject({ status: 400, message: expect.stringContaining('x=3 breaks the pipeline') });
  });

  it('calls an endpoint that fails every row broken on 3 rows, never on fewer or on rows chosen by key', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 400, { error: 'no plan' }));
    adapter = createHttpOfflineAdapter(offlineOptions({ url: server.url, retries: 0, batchSize: 5 }));
    await adapter.warmUp!(rows(2));
    expect((await adapter.compute(rows(2))).map((r) => r.kind)).toEqual(['error', 'error']);
    await expect(adapter.warmUp!(rows(3))).rejects.toThrow(/^offline endpoint fails on every row it is given \(3 tried\)/);
    await adapter.close();
    adapter = createHttpOfflineAdapter(offlineOptions({ url: server.url, retries: 0, batchSize: 5 }), { chosenRows: true });
    await adapter.warmUp!(rows(3));
  });

  it('fails the run with an OfflineError when the endpoint is down as a whole, already in warm-up', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 503, { error: 'overloaded' }));
    adapter = createHttpOfflineAdapter({ ...offlineOptions({ url: server.url, retries: 0, batchSize: 1 }), maxConsecutiveFailures: 2 });
    await expect(adapter.warmUp!(rows(3))).rejects.toThrow(OfflineError);
    await expect(adapter.compute(rows(3))).rejects.toThrow(/offline endpoint failed as a whole: 2 consecutive requests failed/);
  });
});
