import { createServingAdapter, type ServingAdapter } from '../../../harness/adapters/serving';
import { makeRows, sendJson, servingOptions, startTestServer, type TestServer } from './test-server';

describe('serving adapter limits', () => {
  let server: TestServer | null = null;
  let adapter: ServingAdapter | null = null;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
    adapter = null;
    server = null;
  });

  const slowEcho = (delayMs: number) => async () =>
    startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { x: number };
      setTimeout(() => sendJson(res, 200, { features: { x: row.x } }), delayMs);
    });

  it('never has more than `concurrency` requests in flight', async () => {
    server = await slowEcho(5)();
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 3 }));
    const results = await adapter.compute(makeRows(40));
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(server.maxInFlight).toBeLessThanOrEqual(3);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });

  it('shares `concurrency` between concurrent compute calls', async () => {
    server = await slowEcho(5)();
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 2 }));
    const [a, b] = await Promise.all([adapter.compute(makeRows(15)), adapter.compute(makeRows(15))]);
    expect([...a, ...b].every((r) => r.kind === 'ok')).toBe(true);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('counts retries against the concurrency limit too', async () => {
    let calls = 0;
    server = await startTestServer((req, res) => {
      calls++;
      const row = JSON.parse(req.body) as { x: number };
      setTimeout(() => (calls % 2 ? sendJson(res, 503, {}) : sendJson(res, 200, { features: { x: row.x } })), 3);
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 2, retries: 5 }));
    await adapter.compute(makeRows(20));
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('spaces request starts to `ratePerSecond`', async () => {
    const arrivals: number[] = [];
    server = await startTestServer((_req, res) => {
      arrivals.push(performance.now());
      sendJson(res, 200, { features: { a: 1 } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 8, ratePerSecond: 50 }));
    await adapter.compute(makeRows(12));
    // 50/s means starts ≥ 20 ms apart, so 12 requests span at least 11 intervals. Checked on what the server
    // observed (a lower bound only; a slow machine can only make the gaps larger). Jitter of the timers and the
    // network is allowed for by a loose margin.
    expect(arrivals).toHaveLength(12);
    expect(arrivals[11]! - arrivals[0]!).toBeGreaterThanOrEqual(11 * 20 * 0.8);
    const perWindow = new Map<number, number>();
    for (const t of arrivals) perWindow.set(Math.floor((t - arrivals[0]!) / 100), (perWindow.get(Math.floor((t - arrivals[0]!) / 100)) ?? 0) + 1);
    for (const count of perWindow.values()) expect(count).toBeLessThanOrEqual(5 + 2);
  });

  it('pulls a large input through workers instead of starting every row at once', async () => {
    server = await startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { x: number };
      sendJson(res, 200, { features: { x: row.x } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 8 }));
    const rows = makeRows(3000);
    let delivered = 0;
    const results = await adapter.compute(rows, { onResult: () => delivered++ });
    expect(delivered).toBe(3000);
    expect(results.every((r, i) => r.kind === 'ok' && r.features['x'] === i)).toBe(true);
    expect(server.maxInFlight).toBeLessThanOrEqual(8);
  });
});
