import { createServingAdapter, type ServingAdapter } from '../../../harness/adapters/serving';
import type { SideResult } from '../../../harness/core/row';
import { closedPort, makeRows, sendJson, servingOptions, startTestServer, type TestServer } from './test-server';

describe('createServingAdapter against a real HTTP server', () => {
  let server: TestServer | null = null;
  let adapter: ServingAdapter | null = null;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
    adapter = null;
    server = null;
  });

  it('sends the row fields as JSON and reads body.features (default mappers)', async () => {
    server = await startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { id: string; x: number };
      sendJson(res, 200, { features: { id: row.id, double: row.x * 2 } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/features` }));
    const seen: Array<[number, SideResult]> = [];
    const results = await adapter.compute(makeRows(5), { onResult: (i, r) => seen.push([i, r]) });

    expect(results).toEqual(makeRows(5).map((_, i) => ({ kind: 'ok', features: { id: `r${i}`, double: i * 2 } })));
    expect(seen.map(([i]) => i).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/features' });
    expect(server.requests[0]!.headers['content-type']).toBe('application/json');
    expect(adapter.side).toBe('online');
    expect(adapter.description).toBe(`POST ${server.url}/features`);
    expect(adapter.stats).toMatchObject({ requests: 5, retries: 0, statuses: { '200': 5 } });
    expect(adapter.stats.latencyMs?.count).toBe(5);
  });

  it('uses custom request and response mappers', async () => {
    server = await startTestServer((req, res) => {
      const body = JSON.parse(req.body) as { inputs: { x: number } };
      sendJson(res, 200, { outputs: [{ name: 'y', value: body.inputs.x + 1 }] });
    });
    adapter = createServingAdapter(
      servingOptions({
        url: `${server.url}/v2/infer`,
        headers: { 'X-Model': 'm1' },
        request: (row) => ({ inputs: { x: row['x'] } }),
        response: (body) => {
          const outputs = (body as { outputs: Array<{ name: string; value: unknown }> }).outputs;
          return Object.fromEntries(outputs.map((o) => [o.name, o.value]));
        },
      }),
    );
    const results = await adapter.compute(makeRows(2));
    expect(results).toEqual([
      { kind: 'ok', features: { y: 1 } },
      { kind: 'ok', features: { y: 2 } },
    ]);
    expect(server.requests[0]!.headers['x-model']).toBe('m1');
  });

  it('retries a 503 and succeeds, counting the attempts', async () => {
    let calls = 0;
    server = await startTestServer((_req, res) => {
      calls++;
      if (calls <= 2) sendJson(res, 503, { error: 'warming up' });
      else sendJson(res, 200, { features: { a: 1 } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 1 }));
    const results = await adapter.compute(makeRows(1));
    expect(results).toEqual([{ kind: 'ok', features: { a: 1 } }]);
    expect(adapter.stats).toMatchObject({ requests: 3, retries: 2, statuses: { '503': 2, '200': 1 } });
  });

  it('turns a 503 that never ends into an error with status and attempts — never a match', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 503, { error: 'overloaded' }));
    const url = `${server.url}/features`;
    adapter = createServingAdapter(servingOptions({ url, retries: 3 }));
    const [result] = await adapter.compute(makeRows(1));
    expect(result).toEqual({
      kind: 'error',
      status: 503,
      message: `HTTP 503 from POST ${url} after 4 attempts: {"error":"overloaded"}`,
    });
    expect(server.requests).toHaveLength(4);
  });

  it('honours Retry-After on 429', async () => {
    const times: number[] = [];
    server = await startTestServer((_req, res) => {
      times.push(performance.now());
      if (times.length === 1) sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '1' });
      else sendJson(res, 200, { features: { a: 1 } });
    });
    // Backoff alone would wait at most 20 ms; Retry-After: 1 (capped at 4 × maxMs = 1200 ms) asks for a full second.
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, backoff: { initialMs: 5, maxMs: 300 } }));
    const results = await adapter.compute(makeRows(1));
    expect(results[0]).toEqual({ kind: 'ok', features: { a: 1 } });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('times out on a server that never answers', async () => {
    server = await startTestServer(() => {
      /* never answers */
    });
    const url = `${server.url}/slow`;
    adapter = createServingAdapter(servingOptions({ url, timeoutMs: 100, retries: 1 }));
    const [result] = await adapter.compute(makeRows(1));
    expect(result).toEqual({ kind: 'error', message: `Request timed out after 100 ms: POST ${url} after 2 attempts` });
    expect(adapter.stats.failures).toEqual({ timeout: 2 });
  });

  it('retries a reset connection, then reports it', async () => {
    server = await startTestServer((_req, res, req) => {
      void res;
      req.socket.destroy();
    });
    const url = `${server.url}/reset`;
    adapter = createServingAdapter(servingOptions({ url, retries: 2 }));
    const [result] = await adapter.compute(makeRows(1));
    expect(result).toEqual({ kind: 'error', dropped: true, message: `Connection reset by the server: POST ${url} after 3 attempts` });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 404, { error: 'no such model' }));
    const url = `${server.url}/nope`;
    adapter = createServingAdapter(servingOptions({ url, retries: 3 }));
    const [result] = await adapter.compute(makeRows(1));
    expect(result).toEqual({ kind: 'error', status: 404, message: `HTTP 404 from POST ${url}: {"error":"no such model"}` });
    expect(server.requests).toHaveLength(1);
  });

  it('reports invalid JSON and a missing "features" object clearly, without retrying', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/html') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>oops</html>');
      } else sendJson(res, 200, { a: 1, b: 2 });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/html` }));
    const [html] = await adapter.compute(makeRows(1));
    expect(html).toMatchObject({ kind: 'error', status: 200 });
    expect((html as { message: string }).message).toMatch(
      new RegExp(`^Invalid JSON in HTTP 200 response from POST ${server.url}/html: .+ \\(body starts: <html>oops</html>\\)$`),
    );
    await adapter.close();

    adapter = createServingAdapter(servingOptions({ url: `${server.url}/keys` }));
    const [keys] = await adapter.compute(makeRows(1));
    expect(keys).toEqual({
      kind: 'error',
      status: 200,
      message: `Unexpected response from POST ${server.url}/keys: response has no "features" object (got keys: a, b)`,
    });
    expect(server.requests).toHaveLength(2);
  });

  it('reports a closed port as connection refused', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/features`;
    adapter = createServingAdapter(servingOptions({ url, retries: 1 }));
    const [result] = await adapter.compute(makeRows(1));
    expect(result).toEqual({ kind: 'error', message: `Connection refused: POST ${url} after 2 attempts` });
  });

  it('returns nothing for no rows, and refuses work after close()', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { features: {} }));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f` }));
    expect(await adapter.compute([])).toEqual([]);
    await adapter.close();
    await adapter.close();
    await expect(adapter.compute(makeRows(1))).rejects.toThrow('serving adapter used after close()');
    expect(server.requests).toHaveLength(0);
  });

  it("reports an error thrown by a custom request mapper as that row's error, without sending it", async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { features: {} }));
    const url = `${server.url}/f`;
    adapter = createServingAdapter(
      servingOptions({
        url,
        request: (row) => {
          if (row['x'] === 1) throw new Error('x must not be 1');
          return row;
        },
      }),
    );
    const results = await adapter.compute(makeRows(2));
    expect(results[0]).toEqual({ kind: 'ok', features: {} });
    expect(results[1]).toEqual({ kind: 'error', message: `Could not build the request body for POST ${url}: x must not be 1` });
    expect(server.requests).toHaveLength(1);
  });

  it('returns results in row order even when responses arrive out of order', async () => {
    server = await startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { x: number };
      setTimeout(() => sendJson(res, 200, { features: { x: row.x } }), (5 - row.x) * 60);
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 5 }));
    const order: number[] = [];
    const results = await adapter.compute(makeRows(5), { onResult: (i) => order.push(i) });
    expect(results.map((r) => (r.kind === 'ok' ? r.features['x'] : null))).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([4, 3, 2, 1, 0]);
  });
});
