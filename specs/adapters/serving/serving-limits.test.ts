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
    const start = performance.now();
    await adapter.compute(makeRows(12));
    // 50/s: the k-th request may start no earlier than k × 20 ms after compute() was called, so the k-th arrival the
    // server saw is at least that late. Only lower bounds: a loaded machine can delay requests, never hurry them.
    // (5 ms of slack for timer granularity.)
    expect(arrivals).toHaveLength(12);
    const sorted = [...arrivals].sort((a, b) => a - b);
    sorted.forEach((t, k) => expect(t - start).toBeGreaterThanOrEqual(k * 20 - 5));
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
