import http from 'node:http';
import * as path from 'node:path';
import { createServingAdapter, startLocalServer } from '../../harness/adapters/serving';
import { resolveConfig } from '../../harness/config/resolve-config';

/** Requests per second of the harness's serving adapter and of a raw keep-alive `http.request` loop. */
export interface ServingBenchResult {
  /** Rows sent per run. */
  rows: number;
  /** Requests in flight. */
  concurrency: number;
  /** Reference: raw `http.request` with a keep-alive agent, same bodies, same concurrency. */
  rawPerSecond: number;
  /** The harness: `createServingAdapter(...).compute(rows)` with the example's config. */
  harnessPerSecond: number;
}

/**
 * Starts the example's serving process (clean, no bugs) and measures, in the same run and against the same
 * server, the harness adapter and a raw keep-alive client. Best of three for each, alternating.
 */
export async function benchServing(root: string, rows: Array<Record<string, unknown>>, concurrency: number): Promise<ServingBenchResult> {
  const exampleDir = path.join(root, 'examples', 'churn');
  const server = await startLocalServer({
    command: ['jiti', 'serving/server.ts'],
    cwd: exampleDir,
    env: { EXAMPLE_BUGS: 'none' },
    readyUrl: 'http://127.0.0.1:${port}/healthz',
    readyTimeoutMs: 30_000,
    port: 'auto',
    stopTimeoutMs: 5_000,
  });
  try {
    const url = server.resolveUrl('http://127.0.0.1:${port}/features');
    const config = resolveConfig(
      { source: { path: 'x.csv' }, offline: { command: ['x'] }, serving: { url, concurrency } },
      { rootDir: exampleDir, env: {} },
    );
    const adapterRows = rows.map((fields, i) => ({ key: String(i), fields }));
    let raw = 0;
    let harness = 0;
    for (let round = 0; round < 3; round++) {
      raw = Math.max(raw, await rawLoop(url, rows, concurrency));
      const adapter = createServingAdapter(config.serving);
      const started = performance.now();
      const results = await adapter.compute(adapterRows);
      harness = Math.max(harness, (rows.length / (performance.now() - started)) * 1000);
      await adapter.close();
      const failed = results.filter((r) => r.kind !== 'ok').length;
      if (failed > 0) throw new Error(`serving bench: ${failed} requests failed`);
    }
    return { rows: rows.length, concurrency, rawPerSecond: raw, harnessPerSecond: harness };
  } finally {
    await server.stop();
  }
}

/** The reference client: node's http.request over a keep-alive agent, `concurrency` loops pulling rows. */
async function rawLoop(url: string, rows: Array<Record<string, unknown>>, concurrency: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  let next = 0;
  const one = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            JSON.parse(text);
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < rows.length) await one(JSON.stringify(rows[next++]));
    }),
  );
  const perSecond = (rows.length / (performance.now() - started)) * 1000;
  agent.destroy();
  return perSecond;
}
