import { createServingAdapter, type ServingAdapter } from '../../../harness/adapters/serving';
import { batchOptions, closedPort, makeRows, sendJson, servingOptions, startTestServer, type TestServer } from './test-server';
import { ConfigError } from '../../../harness/errors/config-error';
import { ServingAuthError } from '../../../harness/errors/serving-error';

describe('serving adapter: breaker, abort, redaction', () => {
  let server: TestServer | null = null;
  let adapter: ServingAdapter | null = null;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
    adapter = null;
    server = null;
  });

  it('opens the circuit breaker on a closed port and skips the remaining rows', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/features`;
    adapter = createServingAdapter(servingOptions({ url, retries: 2, concurrency: 1, maxConsecutiveFailures: 5 }));
    const results = await adapter.compute(makeRows(200));

    const kinds = results.map((r) => r.kind);
    expect(kinds.slice(0, 5)).toEqual(['error', 'error', 'error', 'error', 'error']);
    expect(kinds.slice(5).every((k) => k === 'skipped')).toBe(true);
    const reason = `serving unavailable: 5 consecutive requests failed; last: Connection refused: POST ${url} after 3 attempts`;
    expect(adapter.unavailable).toBe(reason);
    expect(results[5]).toEqual({ kind: 'skipped', reason });
    // Only the rows before the breaker opened were sent: 5 rows × 3 attempts.
    expect(adapter.stats.requests).toBe(15);

    // Once unavailable, later calls skip at once.
    const again = await adapter.compute(makeRows(3));
    expect(again).toEqual([0, 1, 2].map(() => ({ kind: 'skipped', reason })));
  });

  it('opens the breaker with concurrent workers too, and never reports a match', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/features`;
    adapter = createServingAdapter(servingOptions({ url, retries: 1, concurrency: 4, maxConsecutiveFailures: 10 }));
    const results = await adapter.compute(makeRows(1000));
    const errors = results.filter((r) => r.kind === 'error').length;
    expect(errors).toBeGreaterThanOrEqual(10);
    expect(errors).toBeLessThan(50);
    expect(results.filter((r) => r.kind === 'skipped')).toHaveLength(1000 - errors);
    expect(results.some((r) => r.kind === 'ok')).toBe(false);
  });

  it('stays closed through a streak of rows that reset the connection while rows it answered before still answer', async () => {
    // Rows 5..24 crash the handler (the connection is destroyed): a streak of transport failures the size of the
    // threshold, caused by the rows, not by a dead endpoint.
    server = await startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { x: number };
      if (row.x >= 5 && row.x < 25) {
        res.socket?.destroy();
        return;
      }
      sendJson(res, 200, { features: { x: row.x } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, retries: 0, concurrency: 1, maxConsecutiveFailures: 5 }));
    const results = await adapter.compute(makeRows(30));
    expect(adapter.unavailable).toBeNull();
    expect(results.map((r) => r.kind)).toEqual([...Array(5).fill('ok'), ...Array(20).fill('error'), ...Array(5).fill('ok')]);
  });

  it('opens when the endpoint no longer answers even the rows it answered before', async () => {
    let dead = false;
    server = await startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { x: number };
      if (row.x >= 5) dead = true;
      if (dead) {
        res.socket?.destroy();
        return;
      }
      sendJson(res, 200, { features: { x: row.x } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, retries: 0, concurrency: 1, maxConsecutiveFailures: 5 }));
    const results = await adapter.compute(makeRows(30));
    expect(adapter.unavailable).toMatch(/^serving unavailable: 5 consecutive requests failed/);
    expect(results.slice(10).every((r) => r.kind === 'skipped')).toBe(true);
  });

  it('does not count per-row 4xx (400, 422) towards the breaker', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 422, { error: 'bad input' }));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, maxConsecutiveFailures: 3 }));
    const results = await adapter.compute(makeRows(10));
    expect(results.every((r) => r.kind === 'error' && r.status === 422)).toBe(true);
    expect(adapter.unavailable).toBeNull();
  });

  it('stops on abort: requests in flight are cancelled and unsent rows are skipped', async () => {
    server = await startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { x: number };
      if (row.x < 3) sendJson(res, 200, { features: { x: row.x } });
      // later rows hang until aborted
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 1, timeoutMs: 30_000 }));
    const controller = new AbortController();
    const pending = adapter.compute(makeRows(10), {
      signal: controller.signal,
      onResult: (i) => {
        if (i === 2) setTimeout(() => controller.abort(), 20);
      },
    });
    const results = await pending;
    expect(results.slice(0, 3).map((r) => r.kind)).toEqual(['ok', 'ok', 'ok']);
    expect(results.slice(3).every((r) => r.kind === 'skipped' && r.reason === 'not sent: the run was aborted')).toBe(true);
    expect(adapter.unavailable).toBeNull();
  });

  it('skips everything when the signal is already aborted', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { features: {} }));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f` }));
    const results = await adapter.compute(makeRows(3), { signal: AbortSignal.abort() });
    expect(results.every((r) => r.kind === 'skipped')).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('redacts secret header values in every message', async () => {
    const token = 'tok-5ecr3t-value';
    server = await startTestServer((req, res) =>
      sendJson(res, 401, { error: `invalid token ${String(req.headers['authorization']).slice('Bearer '.length)}` }),
    );
    const url = `http://127.0.0.1:${server.port}/f?key=${token}`;
    // The caller's redactor knows the env secret; the adapter adds header values and URL credentials on its own.
    const redact = (text: string): string => text.split(token).join('${env.TOKEN}');
    adapter = createServingAdapter(
      servingOptions({ url, headers: { Authorization: `Bearer ${token}`, 'X-Api-Key': 'k3y-from-env' }, maxConsecutiveFailures: 1 }),
      { redact },
    );
    // Refused credentials end the run (exit 2) with a message that is redacted like every other.
    const error = (await adapter.compute(makeRows(1)).catch((e: unknown) => e)) as ServingAuthError;
    expect(error).toBeInstanceOf(ServingAuthError);
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      `serving refused the credentials: HTTP 401 from POST http://127.0.0.1:${server.port}/f?key=\${env.TOKEN}: {"error":"invalid token \${env.TOKEN}"} — check serving.headers and the environment variables they read`,
    );
    expect(adapter.unavailable ?? '').not.toContain(token);
    expect(adapter.description).toBe(`POST http://127.0.0.1:${server.port}/f?key=\${env.TOKEN}`);
    // The secrets did reach the server: redaction is for output only.
    expect(server.requests[0]!.headers['authorization']).toBe(`Bearer ${token}`);
    expect(server.requests[0]!.headers['x-api-key']).toBe('k3y-from-env');
  });

  it('strips URL credentials, also when the server echoes them back as Basic auth', async () => {
    server = await startTestServer((req, res) => sendJson(res, 401, { got: req.headers['authorization'] }));
    const url = `http://user:pa55word@127.0.0.1:${server.port}/f`;
    adapter = createServingAdapter(servingOptions({ url, maxConsecutiveFailures: 1 }));
    const error = (await adapter.compute(makeRows(1)).catch((e: unknown) => e)) as ServingAuthError;
    expect(error.message).toContain(`HTTP 401 from POST http://127.0.0.1:${server.port}/f: {"got":"Basic ***"}`);
    expect(error.message).not.toContain('pa55word');
    expect(adapter.unavailable ?? '').not.toContain('pa55word');
    expect(adapter.description).toBe(`POST http://127.0.0.1:${server.port}/f`);
  });

  it('redacts header secrets even without a caller redactor', async () => {
    server = await startTestServer((req, res) => sendJson(res, 403, { echo: req.headers['x-api-key'] }));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, headers: { 'X-Api-Key': 'k3y-from-env' } }));
    const error = (await adapter.compute(makeRows(1)).catch((e: unknown) => e)) as ServingAuthError;
    expect(error).toBeInstanceOf(ServingAuthError);
    expect(error.message).toContain('{"echo":"***"}');
  });

  it('reads a 403 after rows were answered as that row\'s error (a WAF rule), not as refused credentials', async () => {
    server = await startTestServer((req, res) => ((JSON.parse(req.body) as { x: number }).x === 3 ? sendJson(res, 403, { error: 'blocked' }) : sendJson(res, 200, { features: { y: 1 } })));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 1 }));
    const results = await adapter.compute(makeRows(5));
    expect(results.map((r) => r.kind)).toEqual(['ok', 'ok', 'ok', 'error', 'ok']);
  });

  it('rejects with the error of a throwing onResult after stopping', async () => {
    server = await startTestServer((_req, res) => sendJson(res, 200, { features: {} }));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, concurrency: 1 }));
    await expect(
      adapter.compute(makeRows(20), {
        onResult: () => {
          throw new Error('reporter broke');
        },
      }),
    ).rejects.toThrow('reporter broke');
    expect(server.requests.length).toBeLessThan(20);
  });

  it('caps a huge Retry-After at 4 × backoff.maxMs', async () => {
    let calls = 0;
    server = await startTestServer((_req, res) => {
      calls++;
      if (calls === 1) sendJson(res, 429, {}, { 'retry-after': '3600' });
      else sendJson(res, 200, { features: { a: 1 } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, backoff: { initialMs: 1, maxMs: 10 } }));
    // Would hang for an hour (and the test time out) if the header were obeyed as is.
    expect(await adapter.compute(makeRows(1))).toEqual([{ kind: 'ok', features: { a: 1 } }]);
  });
});

describe('serving adapter: responses it refuses', () => {
  let server: TestServer | null = null;
  let adapter: ServingAdapter | null = null;
  afterEach(async () => {
    await adapter?.close();
    await server?.close();
    adapter = null;
    server = null;
  });

  it('fails a row whose response is over maxResponseBytes, without retrying it or counting it as an outage', async () => {
    server = await startTestServer((req, res) => {
      const row = JSON.parse(req.body) as { x: number };
      sendJson(res, 200, { features: { blob: row.x === 1 ? 'z'.repeat(10_000) : 'small' } });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, maxResponseBytes: 4096, concurrency: 1, maxConsecutiveFailures: 1 }));
    const results = await adapter.compute(makeRows(3));
    expect(results).toEqual([
      { kind: 'ok', features: { blob: 'small' } },
      { kind: 'error', message: `Response larger than serving.maxResponseBytes (4 KiB = 4096 bytes), not read further: POST ${server.url}/f` },
      { kind: 'ok', features: { blob: 'small' } },
    ]);
    expect(server.requests).toHaveLength(3);
    expect(adapter.unavailable).toBeNull();
  });

  it('ends the run with a config error naming serving.url when the first answer is a redirect, and where it pointed', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(301, { location: 'https://user:s3cret-pass@new-home.example/features' });
      res.end();
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f` }));
    const error = (await adapter.compute(makeRows(4)).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.path).toBe('serving.url');
    expect(error.message).toBe(
      `serving.url answers with a redirect: HTTP 301 from POST ${server.url}/f: redirects to https://new-home.example/features; redirects are not followed — set serving.url to the URL that answers`,
    );
  });

  it('ends the run with a config error naming serving.response when no 2xx answer of the first 20 rows could be read', async () => {
    // The endpoint answers { data: { features } }; the config reads body.features.
    server = await startTestServer((req, res) => sendJson(res, 200, { data: { features: { y: (JSON.parse(req.body) as { x: number }).x } } }));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, retries: 0 }));
    const error = (await adapter.compute(makeRows(60)).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.path).toBe('serving.response');
    expect(error.message).toMatch(/^serving\.response does not read the endpoint's answers: none of the first 20 rows answered with 2xx could be read as features \(Unexpected response from POST .*\); check its path \(or mapper\)/);
    // It stopped there: not every row was sent.
    expect(server.requests.length).toBeLessThan(60);
  });

  it('does not blame serving.response for rows answered 200 with an error body once another row was read', async () => {
    server = await startTestServer((req, res) => {
      const { x } = JSON.parse(req.body) as { x: number };
      sendJson(res, 200, x === 0 ? { features: { y: 0 } } : { error: `x=${x} is invalid` });
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, retries: 0, concurrency: 1 }));
    const results = await adapter.compute(makeRows(40));
    expect(results[0]).toEqual({ kind: 'ok', features: { y: 0 } });
    expect(results.slice(1).every((r) => r.kind === 'error' && r.status === 200)).toBe(true);
  });

  it('fails a later redirect as its row only, naming serving.batch.url for a batch', async () => {
    server = await startTestServer((req, res) => {
      const rows = (JSON.parse(req.body) as { rows: Array<{ x: number }> }).rows;
      if (rows[0]!.x === 0) return sendJson(res, 200, { features: rows.map(() => ({ a: 1 })) });
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, batch: batchOptions(`${server.url}/batch`, 2), concurrency: 1 }));
    const results = await adapter.compute(makeRows(4));
    const message = `HTTP 302 from POST ${server.url}/batch: redirects to /elsewhere; redirects are not followed — set serving.batch.url to the URL that answers`;
    expect(results.slice(2)).toEqual([{ kind: 'error', message, status: 302 }, { kind: 'error', message, status: 302 }]);
  });

  it('fails a 2xx that is not UTF-8 instead of comparing U+FFFD', async () => {
    server = await startTestServer((_req, res) => void res.end(Buffer.concat([Buffer.from('{"features":{"city":"S'), Buffer.from([0xe3, 0x6f]), Buffer.from('o Paulo"}}')])));
    adapter = createServingAdapter(servingOptions({ url: `${server.url}/f` }));
    expect(await adapter.compute(makeRows(1))).toEqual([
      { kind: 'error', message: `Invalid HTTP 200 response from POST ${server.url}/f: response is not valid UTF-8 (byte offset 22)`, status: 200 },
    ]);
    expect(server.requests).toHaveLength(1);
  });
});
