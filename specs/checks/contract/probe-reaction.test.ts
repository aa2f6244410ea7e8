import { probeReaction, sideReaction } from '../../../harness/checks/contract/probe-reaction';
import { createServingAdapter } from '../../../harness/adapters/serving';
import { makeRows, sendJson, servingOptions, startTestServer, type TestServer } from '../../adapters/serving/test-server';

describe("a probe's reaction on the serving side", () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('a server that drops the connection on malformed input refuses it, as a 500 does; a timeout says nothing', async () => {
    // A bare server whose handler crashes on the probe (Python's http.server) closes the connection unanswered.
    server = await startTestServer((req, res, raw) => {
      if ((JSON.parse(req.body) as { x: number }).x === 1) return void raw.socket.destroy();
      sendJson(res, 200, { features: { y: 1 } });
    });
    const adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, retries: 1, backoff: { initialMs: 1, maxMs: 1 } }));
    try {
      const [fine, dropped] = await adapter.compute(makeRows(2));
      expect(sideReaction(fine!, 'online')).toEqual({ kind: 'computes' });
      expect(sideReaction(dropped!, 'online')).toMatchObject({ kind: 'rejects', message: expect.stringContaining('Connection reset by the server') });
      expect(probeReaction({ kind: 'rejects', message: 'ValueError' }, sideReaction(dropped!, 'online'), [])).toBe('both-reject');
    } finally {
      await adapter.close();
    }
    expect(sideReaction({ kind: 'error', message: 'Request timed out after 100 ms: POST …' }, 'online')).toEqual({ kind: 'error', message: 'Request timed out after 100 ms: POST …' });
  });

  it('a reset batch says nothing about which of its rows the server could not take', async () => {
    server = await startTestServer((req, res, raw) => {
      const { rows } = JSON.parse(req.body) as { rows: Array<{ x: number }> };
      if (rows.some((r) => r.x === 1)) return void raw.socket.destroy();
      sendJson(res, 200, { features: rows.map(() => ({ y: 1 })) });
    });
    const adapter = createServingAdapter(servingOptions({ url: `${server.url}/f`, retries: 0, batch: { url: `${server.url}/batch`, size: 2, request: (rows) => ({ rows }), response: (body) => (body as { features: never[] }).features } }));
    try {
      const results = await adapter.compute(makeRows(4));
      expect(results.slice(0, 2).map((r) => [r.kind, r.kind === 'error' ? r.dropped : undefined])).toEqual([['error', undefined], ['error', undefined]]);
      expect(results.slice(0, 2).map((r) => sideReaction(r, 'online').kind)).toEqual(['error', 'error']);
    } finally {
      await adapter.close();
    }
  });

  it('a probe the request mapping cannot carry is refused by it; a row never attempted is no reaction', () => {
    expect(sideReaction({ kind: 'skipped', unsendable: true, reason: 'Could not build the request body for POST …: column "x" is null' }, 'online')).toMatchObject({ kind: 'rejects' });
    expect(sideReaction({ kind: 'skipped', reason: 'serving unavailable' }, 'online')).toEqual({ kind: 'error', message: 'serving unavailable' });
  });
});
