import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, TempRepo } from '../cli/cli-harness';

/**
 * `serving.ratePerSecond` and `serving.concurrency` are totals: 4 shard processes at ratePerSecond 200 must not send
 * staging more than 200 requests/s together (within 5%), nor hold more than `concurrency` requests in flight.
 * A real endpoint on 127.0.0.1 timestamps every request and counts what is in flight.
 */
describe('shards share the configured load', () => {
  const repo = new TempRepo();
  let server: Server;
  const arrivals: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      arrivals.push(performance.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        // A little latency, so requests overlap and the concurrency limit has something to hold back.
        setTimeout(() => {
          const row = JSON.parse(body) as { x: number };
          inFlight--;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ features: { x2: row.x * 2 } }));
        }, 15);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    repo.remove();
    await new Promise((resolve) => server.close(resolve));
  });

  it('4 shards at ratePerSecond 200 and concurrency 8: at most 200 requests/s in total and 8 in flight', async () => {
    const rows = Array.from({ length: 480 }, (_, i) => `k${i},${i},${i * 2}`);
    repo.write('data.csv', ['id,x,feat_x2', ...rows].join('\n'));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/features`;
    repo.write(
      'skew.config.json',
      JSON.stringify({
        source: { path: 'data.csv', key: 'id' },
        sample: { size: 480 },
        offline: { prefix: 'feat_' },
        serving: { url, ratePerSecond: 200, concurrency: 8 },
        failures: { remember: false },
      }),
    );
    const cwd = repo.path('.');
    const shards = await Promise.all(
      [1, 2, 3, 4].map((i) => runCli(['run', '--checks', 'parity', '--shard', `${i}/4`, '--run-id', 'rate'], { cwd })),
    );
    for (const s of shards) expect([s.code, s.stderr]).toEqual([0, '']);
    expect(arrivals).toHaveLength(480);
    // The busiest second, anywhere in the run (a sliding window from each arrival).
    arrivals.sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while (arrivals[i]! - arrivals[j]! >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(210);
    // And the load was real: the shards together did approach the configured rate.
    expect(busiest).toBeGreaterThan(120);
    expect(maxInFlight).toBeLessThanOrEqual(8);
  });
});
