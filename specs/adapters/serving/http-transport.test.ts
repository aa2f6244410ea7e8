import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, type HttpClient, type HttpClientOptions, type HttpOutcome } from '../../../harness/adapters/serving/http-client';
import { createServingAdapter } from '../../../harness/adapters/serving';
import { closedPort, makeRows, sendJson, servingOptions, startTestServer, type TestServer } from './test-server';

/**
 * The two paths of the HTTP client — axios (when configured) and undici directly — against real servers: the same
 * outcomes, axios interceptors applied, proxies from the environment.
 */
describe('http client transport', () => {
  const clients: HttpClient[] = [];
  const servers: Array<{ close(): Promise<void> | void }> = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const server of servers.splice(0)) await server.close();
  });
  const open = (options: Partial<HttpClientOptions> = {}): HttpClient => {
    const client = createHttpClient({ maxSockets: 2, timeoutMs: 2000, maxResponseBytes: 1000, headers: {}, ...options });
    clients.push(client);
    return client;
  };
  const serve = async (handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> => {
    const server = await startTestServer(handler);
    servers.push(server);
    return server;
  };
  const withoutLatency = (outcome: HttpOutcome) => (outcome.kind === 'response' ? { ...outcome, latencyMs: 0 } : outcome);

  it('gives the same outcome through a configured axios instance as directly, for answers and failures alike', async () => {
    const server = await serve((req, res, raw) => {
      switch (req.url) {
        case '/echo':
          res.setHeader('retry-after', '3');
          return void res.end(JSON.stringify({ method: req.method, type: req.headers['content-type'] ?? null, auth: req.headers['authorization'] ?? null, accept: req.headers['accept'], body: req.body }));
        case '/moved':
          res.writeHead(308, { location: '/elsewhere' });
          return void res.end();
        case '/latin1':
          return void res.end(Buffer.from('"Malmö"', 'latin1'));
        case '/large':
          return void res.end('x'.repeat(1001));
        case '/reset':
          return void raw.socket.destroy();
        case '/hang':
          return; // never answers
        default:
          res.statusCode = 503;
          return void res.end('busy');
      }
    });
    const refused = `http://127.0.0.1:${await closedPort()}/f`;
    const requests = [
      { method: 'POST' as const, url: `${server.url}/echo`, body: '{"a":1}' },
      { method: 'GET' as const, url: `http://user:p%40ss@127.0.0.1:${server.port}/echo` },
      { method: 'PUT' as const, url: `${server.url}/moved`, body: '{}' },
      { method: 'GET' as const, url: `${server.url}/latin1` },
      { method: 'GET' as const, url: `${server.url}/large` },
      { method: 'GET' as const, url: `${server.url}/reset` },
      { method: 'GET' as const, url: `${server.url}/other` },
      { method: 'GET' as const, url: refused },
    ];
    const direct = open({ timeoutMs: 10_000 });
    const viaAxios = open({ timeoutMs: 10_000, axios: () => undefined });
    const outcomes = async (client: HttpClient) => {
      const all: HttpOutcome[] = [];
      for (const request of requests) all.push(withoutLatency(await client.send(request)));
      return all;
    };
    const expected = await outcomes(direct);
    expect(await outcomes(viaAxios)).toEqual(expected);
    expect(expected.map((o) => (o.kind === 'response' ? o.status : o.failure.kind))).toEqual([200, 200, 308, 200, 'too-large', 'reset', 503, 'refused']);
    expect(expected[0]).toMatchObject({ retryAfter: '3', body: '{"method":"POST","type":"application/json","auth":null,"accept":"application/json","body":"{\\"a\\":1}"}' });
    // Credentials in the URL become Basic auth (percent-decoded), as axios sent them.
    expect(JSON.parse((expected[1] as { body: string }).body)).toMatchObject({ method: 'GET', type: null, auth: `Basic ${Buffer.from('user:p@ss').toString('base64')}` });
    expect(expected[2]).toMatchObject({ location: '/elsewhere' });
    expect(expected[3]).toMatchObject({ invalidUtf8At: 5 });
    // The whole-request deadline, on a server that never answers.
    const hang = { method: 'POST' as const, url: `${server.url}/hang`, body: '{}' };
    const timedOut = { kind: 'failure', failure: { kind: 'timeout', code: 'ETIMEDOUT', detail: 'no complete response within 150 ms' } };
    expect(await open({ timeoutMs: 150 }).send(hang)).toEqual(timedOut);
    expect(await open({ timeoutMs: 150, axios: () => undefined }).send(hang)).toEqual(timedOut);
  });

  it('applies the configured instance\'s interceptors to every request and response', async () => {
    const server = await serve((req, res) => void res.end(JSON.stringify({ signature: req.headers['x-signature'] ?? null })));
    const seen: number[] = [];
    const client = open({
      headers: { 'X-Api-Key': 'k' },
      axios: (instance) => {
        instance.interceptors.request.use((config) => {
          config.headers.set('X-Signature', `signed:${String(config.data)}`);
          return config;
        });
        instance.interceptors.response.use((response) => {
          seen.push(response.status);
          return response;
        });
      },
    });
    expect(await client.send({ method: 'POST', url: `${server.url}/f`, body: '{"x":1}' })).toMatchObject({ status: 200, body: '{"signature":"signed:{\\"x\\":1}"}' });
    expect(seen).toEqual([200]);
    expect(server.requests[0]!.headers['x-api-key']).toBe('k');
  });

  it('sends every request of the serving adapter through serving.axios, with retries and messages as without it', async () => {
    const attempts = new Map<string, number>();
    const server = await serve((req, res) => {
      if (req.headers['x-signature'] !== `sig:${req.body}`) return sendJson(res, 401, { error: 'unsigned' });
      const seen = (attempts.get(req.body) ?? 0) + 1;
      attempts.set(req.body, seen);
      if (seen === 1) return sendJson(res, 503, { error: 'warming up' });
      const row = JSON.parse(req.body) as { x: number };
      return sendJson(res, 200, { features: { y: row.x * 2 } });
    });
    const statuses: number[] = [];
    const adapter = createServingAdapter(
      servingOptions({
        url: `${server.url}/f`,
        retries: 1,
        axios: (instance) => {
          instance.interceptors.request.use((config) => {
            config.headers.set('X-Signature', `sig:${String(config.data)}`);
            return config;
          });
          instance.interceptors.response.use((response) => (statuses.push(response.status), response));
        },
      }),
    );
    servers.push({ close: () => adapter.close() });
    expect(await adapter.compute(makeRows(3))).toEqual([0, 1, 2].map((x) => ({ kind: 'ok', features: { y: x * 2 } })));
    expect(statuses.sort()).toEqual([200, 200, 200, 503, 503, 503]);

    const failing = createServingAdapter(servingOptions({ url: `${server.url}/f`, retries: 1, axios: () => undefined }));
    servers.push({ close: () => failing.close() });
    const error = (await failing.compute(makeRows(1)).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`serving refused the credentials: HTTP 401 from POST ${server.url}/f: {"error":"unsigned"} — check serving.headers and the environment variables they read`);
  });

  describe('proxies from the environment', () => {
    const saved = { HTTP_PROXY: process.env['HTTP_PROXY'], NO_PROXY: process.env['NO_PROXY'], http_proxy: process.env['http_proxy'], no_proxy: process.env['no_proxy'] };
    afterEach(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    /** A forward proxy that answers itself, saying which absolute URL it was asked for. */
    const startProxy = async (): Promise<{ url: string; seen: string[] }> => {
      const seen: string[] = [];
      const proxy = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.end(JSON.stringify({ proxied: req.url }));
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      servers.push({ close: () => new Promise<void>((resolve) => (proxy.closeAllConnections(), proxy.close(() => resolve()))) });
      return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, seen };
    };

    it('sends through HTTP_PROXY, except for hosts in NO_PROXY and when turned off (loopback endpoints)', async () => {
      const proxy = await startProxy();
      delete process.env['http_proxy'];
      delete process.env['no_proxy'];
      process.env['HTTP_PROXY'] = proxy.url;
      process.env['NO_PROXY'] = 'direct.invalid';
      const server = await serve((_req, res) => void res.end('{"direct":true}'));

      expect(await open().send({ method: 'GET', url: 'http://features.invalid/f?x=1' })).toMatchObject({ status: 200, body: '{"proxied":"http://features.invalid/f?x=1"}' });
      expect(await open({ axios: () => undefined }).send({ method: 'GET', url: 'http://features.invalid/g' })).toMatchObject({ status: 200, body: '{"proxied":"http://features.invalid/g"}' });
      expect(await open().send({ method: 'GET', url: 'http://direct.invalid/f' })).toMatchObject({ kind: 'failure', failure: { kind: 'host-not-found' } });
      expect(await open({ envProxy: false }).send({ method: 'GET', url: `${server.url}/f` })).toMatchObject({ status: 200, body: '{"direct":true}' });
      expect(proxy.seen).toEqual(['GET http://features.invalid/f?x=1', 'GET http://features.invalid/g']);
    });
  });
});
