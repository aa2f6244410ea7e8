import { createServingAdapter, type ServingAdapter } from '../../../harness/adapters/serving';
import { ConfigError } from '../../../harness/errors/config-error';
import { batchResendWarning, servingStatsInfo } from '../../../harness/runner/serving-stats-info';
import { batchOptions, makeRows, sendJson, servingOptions, startTestServer, type TestServer } from './test-server';

describe('serving adapter: batch endpoint and URL templates', () => {
  let server: TestServer | null = null;
  let adapter: ServingAdapter | null = null;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
    adapter = null;
    server = null;
  });

  it('sends rows in chunks of `size` as { rows } and reads features in order', async () => {
    server = await startTestServer((req, res) => {
      const { rows } = JSON.parse(req.body) as { rows: Array<{ x: number }> };
      sendJson(res, 200, { features: rows.map((r) => ({ y: r.x * 10 })) });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/one`, batch: batchOptions(`${server.url}/batch`, 4) }));
    const results = await adapter.compute(makeRows(10));
    expect(results).toEqual(makeRows(10).map((_, i) => ({ kind: 'ok', features: { y: i * 10 } })));
    expect(server.requests.map((r) => [r.method, r.url, (JSON.parse(r.body) as { rows: unknown[] }).rows.length])).toEqual(
      expect.arrayContaining([
        ['POST', '/batch', 4],
        ['POST', '/batch', 4],
        ['POST', '/batch', 2],
      ]),
    );
    expect(adapter.description).toBe(`POST ${server.url}/batch (batches of 4)`);
  });

  it('streams: with streamResults every result goes to onResult exactly once, the same as returned without it, and compute resolves to []', async () => {
    server = await startTestServer((req, res) => {
      const body = JSON.parse(req.body) as { x?: number; rows?: Array<{ x: number }> };
      const xs = body.rows ? body.rows.map((r) => r.x) : [body.x!];
      if (xs.includes(3)) return sendJson(res, 400, { error: 'x=3 is not allowed' });
      sendJson(res, 200, body.rows ? { features: xs.map((x) => ({ y: x * 10 })) } : { features: { y: xs[0]! * 10 } });
    });
    const options = servingOptions({ url: `${server.url}/one`, retries: 0, concurrency: 3, batch: batchOptions(`${server.url}/batch`, 4) });
    adapter = createServingAdapter(options);
    const returned = await adapter.compute(makeRows(23));
    const handed: Array<[number, unknown]> = [];
    const streamed = await adapter.compute(makeRows(23), { streamResults: true, onResult: (i, r) => handed.push([i, r]) });
    expect(streamed).toEqual([]);
    expect(handed.map(([i]) => i).sort((a, b) => a - b)).toEqual(returned.map((_, i) => i));
    expect(new Map(handed)).toEqual(new Map(returned.map((r, i) => [i, r])));
    expect(returned.map((r) => r.kind)).toEqual(makeRows(23).map((_, i) => (i === 3 ? 'error' : 'ok')));

    // Rows the breaker skips are handed over too, once each.
    await server.close();
    server = null;
    const down = createServingAdapter({ ...options, maxConsecutiveFailures: 2 });
    try {
      const kinds: string[] = [];
      const indexes: number[] = [];
      expect(await down.compute(makeRows(40), { streamResults: true, onResult: (i, r) => (indexes.push(i), (kinds[i] = r.kind)) })).toEqual([]);
      expect(indexes.sort((a, b) => a - b)).toEqual(makeRows(40).map((_, i) => i));
      expect(kinds.filter((k) => k === 'skipped').length + kinds.filter((k) => k === 'error').length).toBe(40);
      expect(kinds.filter((k) => k === 'skipped').length).toBeGreaterThan(0);
    } finally {
      await down.close();
    }
  });

  it('resends the rows of a batch whose response has the wrong length one by one', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/one') return sendJson(res, 200, { features: { y: (JSON.parse(req.body) as { x: number }).x } });
      const { rows } = JSON.parse(req.body) as { rows: unknown[] };
      sendJson(res, 200, { features: rows.slice(1).map(() => ({ y: 1 })) });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/one`, batch: batchOptions(`${server.url}/batch`, 3) }));
    const results = await adapter.compute(makeRows(3));
    expect(results).toEqual([0, 1, 2].map((x) => ({ kind: 'ok', features: { y: x } })));
    expect(server.requests.map((r) => r.url)).toEqual(['/batch', '/one', '/one', '/one']);
    expect(adapter.stats?.batches).toEqual({ sent: 1, resentRowByRow: 1, firstResendReason: expect.stringContaining('has 2 entries for a batch of 3 rows') });
  });

  it('counts batches resent row by row, and a report warns when most were (the batch mapping does not fit the endpoint)', async () => {
    server = await startTestServer((req, res) => {
      const body = JSON.parse(req.body) as { x?: number; rows?: Array<{ x: number }> };
      if (!body.rows) return sendJson(res, 200, { features: { y: body.x } });
      // One bad row fails its batch (what the fallback is for); the rest answer in full.
      if (body.rows.some((r) => r.x === 5)) return sendJson(res, 422, { error: 'x=5' });
      sendJson(res, 200, { features: body.rows.map((r) => ({ y: r.x })) });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/one`, retries: 0, batch: batchOptions(`${server.url}/batch`, 2) }));
    await adapter.compute(makeRows(10));
    expect(adapter.stats?.batches).toEqual({ sent: 5, resentRowByRow: 1, firstResendReason: expect.stringContaining('HTTP 422') });
    expect(batchResendWarning(servingStatsInfo(adapter))).toBeNull();

    // A response mapper that does not fit: every batch fails as a whole, every row is still answered one by one.
    const misread = createServingAdapter(
      servingOptions({
        url: `${server.url}/one`,
        retries: 0,
        batch: { ...batchOptions(`${server.url}/batch`, 2), response: (body: unknown) => (body as { prediction: { rows: unknown[] } }).prediction.rows as never },
      }),
    );
    try {
      const results = await misread.compute(makeRows(8));
      expect(results.filter((r) => r.kind === 'ok')).toHaveLength(8);
      expect(misread.stats?.batches).toMatchObject({ sent: 4, resentRowByRow: 4 });
      expect(batchResendWarning(servingStatsInfo(misread))).toMatch(
        /^serving\.batch: 4 of 4 batches failed as a whole and were resent row by row \(first: Unexpected response from POST .*reading 'rows'.*\); .*check serving\.batch\.request and serving\.batch\.response/,
      );
    } finally {
      await misread.close();
    }
  });

  it('falls back to single rows when a batch fails with 400 or 500, so one bad row fails alone', async () => {
    server = await startTestServer((req, res) => {
      const body = JSON.parse(req.body) as { x?: number; rows?: Array<{ x: number }> };
      const xs = body.rows ? body.rows.map((r) => r.x) : [body.x!];
      if (xs.includes(1)) return sendJson(res, req.url === '/one' ? 400 : 500, { error: 'x=1 is not allowed' });
      sendJson(res, 200, body.rows ? { features: xs.map((x) => ({ y: x })) } : { features: { y: xs[0] } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/one`, retries: 0, batch: batchOptions(`${server.url}/batch`, 2) }));
    const results = await adapter.compute(makeRows(4));
    expect(results.map((r) => r.kind)).toEqual(['ok', 'error', 'ok', 'ok']);
    expect(results[1]).toMatchObject({ status: 400, message: expect.stringContaining(`HTTP 400 from POST ${server.url}/one`) });
  });

  it('fails every row of a batch the endpoint itself failed (503) with the same message, without a row-by-row retry', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 503, { error: 'boom' }));
    adapter = createServingAdapter(
      servingOptions({ url: `${server.url}/one`, retries: 1, backoff: { initialMs: 1, maxMs: 1 }, batch: batchOptions(`${server.url}/batch`, 2) }),
    );
    const results = await adapter.compute(makeRows(3));
    expect(results[0]).toEqual({ kind: 'error', status: 503, message: `HTTP 503 from POST ${server.url}/batch after 2 attempts: {"error":"boom"}` });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(server.requests).toHaveLength(4);
  });

  it('applies the concurrency limit to batch requests', async () => {
    server = await startTestServer((req, res) => {
      const { rows } = JSON.parse(req.body) as { rows: unknown[] };
      setTimeout(() => sendJson(res, 200, { features: rows.map(() => ({})) }), 5);
    });
    adapter = createServingAdapter(
      servingOptions({ url: `${server.url}/one`, concurrency: 2, batch: batchOptions(`${server.url}/batch`, 3) }),
    );
    const results = await adapter.compute(makeRows(30));
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('fills {column} placeholders URL-encoded and sends GET without a body', async () => {
    server = await startTestServer((req, res) => sendJson(res, 200, { features: { path: req.url, body: req.body } }));
    adapter = createServingAdapter(
      servingOptions({ url: `${server.url}/users/{user}/features?day={day}`, method: 'GET' }),
    );
    const results = await adapter.compute([
      { key: 'a', fields: { user: 'a/b c', day: 3 } },
      { key: 'b', fields: { user: 'ünï', day: null } },
    ]);
    expect(results[0]).toEqual({ kind: 'ok', features: { path: '/users/a%2Fb%20c/features?day=3', body: '' } });
    expect(results[1]).toEqual({
      kind: 'skipped',
      unsendable: true,
      reason: `URL template column "day" has no value in this row: GET ${server.url}/users/{user}/features?day={day}`,
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe('GET');
    expect(server.requests[0]!.headers['content-type']).toBeUndefined();
    expect(server.requests[0]!.headers['content-length']).toBeUndefined();
  });

  it('rejects invalid URLs and leftover ${…} placeholders at creation', () => {
    expect(() => createServingAdapter(servingOptions({ url: 'not a url' }))).toThrow(ConfigError);
    expect(() => createServingAdapter(servingOptions({ url: 'http://127.0.0.1:${port}/f' }))).toThrow(
      'serving.url still contains a ${…} placeholder',
    );
    expect(() =>
      createServingAdapter(servingOptions({ url: 'http://h/f', batch: batchOptions('http://h/b/{id}', 2) })),
    ).toThrow('serving.batch.url cannot contain {column} placeholders');
  });
});
