/**
 * One serving measurement in a fresh process (run by serving-bench.ts): `node serving-client.js '<json spec>'`.
 * After a short warm-up (200 requests) the contender sends every row of `rowsFile` to the endpoint twice, and prints
 * one JSON line with both passes: rows and requests sent, wall time, the process's CPU time and the server's.
 * - the **first pass** is what a run of that many rows gets in a fresh process: JIT compilation of the request path
 *   (ours, undici's, node's) happens during it;
 * - the **second pass** is the same rows again, the code now optimized: the steady rate a long run settles at.
 *
 * - `harness`: the serving adapter as a parity run uses it (`pairRows` over windows of `WINDOW_ROWS` rows, two in
 *   flight, serving streaming each row's result to be looked at and dropped: request mapping, retries and limits
 *   armed, JSON parsed, features extracted), single rows or batches.
 * - `raw`: node's `http.request` on a keep-alive agent, the same bodies (stringified per request, as the harness
 *   does), every response parsed as JSON and dropped.
 * - `raw-keep`: the same, keeping every parsed response until the end (as the adapter kept every row's features
 *   before parity ran in windows): what holding the results costs (garbage collection of a growing heap).
 * - `autocannon`: the same bodies, the same number of connections; responses counted, not parsed.
 * - `undici`: the harness's transport alone — undici's `dispatch` on an `Agent` with as many connections, a minimal
 *   handler collecting the body, the same bodies stringified per request and every response parsed: the floor of the
 *   adapter on this transport.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import { Agent } from 'undici';
import { createServingAdapter } from '../../harness/adapters/serving';
import { cpuMsOf } from './proc-cpu';
import { resolveConfig } from '../../harness/config/resolve-config';
import { WINDOW_ROWS } from '../../harness/checks/parity';
import type { SideResult, SourceRow } from '../../harness/core/row';
import { pairRows } from '../../harness/checks/paired-rows';

/** What a measurement is asked to do. */
export interface ClientSpec {
  contender: 'harness' | 'raw' | 'raw-keep' | 'autocannon' | 'undici';
  /** Single-row endpoint (`…/features`). */
  url: string;
  /** Batch endpoint; used when `batch` is set. */
  batchUrl: string;
  /** Rows per request, or `null` for single rows. */
  batch: number | null;
  concurrency: number;
  /** JSON array of input rows (the label already dropped). */
  rowsFile: string;
  /** The server's process id: its CPU time is read from /proc around each pass. */
  serverPid: number;
  /**
   * Nightly scale: one pass over the rows sent this many times (a run of that many rows from a fresh process, JIT
   * warm-up included, as a large run gets it), and no second pass.
   */
  repeat?: number;
}

/** One pass over the rows. */
export interface PassResult {
  rows: number;
  requests: number;
  ms: number;
  /** The client process's CPU time. */
  cpuMs: number;
  /** The server process's CPU time (`NaN` where /proc cannot tell). */
  serverCpuMs: number;
}

/** What a measurement reports: the first pass (cold code) and the second (warm); with `repeat`, the one long pass. */
export interface ClientResult {
  first: PassResult;
  second: PassResult | null;
}

type Rows = Array<Record<string, unknown>>;
const WARM_UP_REQUESTS = 200;

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as ClientSpec;
  const read = JSON.parse(readFileSync(spec.rowsFile, 'utf8')) as Rows;
  // Repeated rows are the same objects again (memory stays that of the file); the harness keys them apart.
  const rows = spec.repeat ? Array.from({ length: read.length * spec.repeat }, (_, i) => read[i % read.length]!) : read;
  const run = spec.contender === 'harness' ? harness : spec.contender === 'autocannon' ? cannon : spec.contender === 'undici' ? undiciLoop : raw;
  await run(spec, rows.slice(0, WARM_UP_REQUESTS * (spec.batch ?? 1)), []);
  // Rows as the serving adapter takes them, built before the clock starts (a run has them from sampling).
  const sampleRows = toSample(rows);
  const pass = async (): Promise<PassResult> => {
    const kept: unknown[] = [];
    const serverCpu = cpuMsOf(spec.serverPid);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const requests = await run(spec, rows, spec.contender === 'harness' ? sampleRows : kept);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { rows: rows.length, requests, ms, cpuMs: (used.user + used.system) / 1000, serverCpuMs: cpuMsOf(spec.serverPid) - serverCpu };
  };
  const first = await pass();
  const second = spec.repeat ? null : await pass();
  const result: ClientResult = { first, second };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The rows as a sampled source gives them to parity. */
function toSample(rows: Rows): SourceRow[] {
  return rows.map((values, i) => ({ key: String(i), line: i + 2, values }));
}

async function harness(spec: ClientSpec, rows: Rows, sampleRows: SourceRow[] | unknown[]): Promise<number> {
  const config = resolveConfig(
    {
      source: { path: 'x.csv' },
      offline: { command: ['x'] },
      serving: { url: spec.url, concurrency: spec.concurrency, ...(spec.batch ? { batch: { url: spec.batchUrl, size: spec.batch } } : {}) },
    },
    { rootDir: process.cwd(), env: {} },
  );
  const adapter = createServingAdapter(config.serving);
  const sample = sampleRows.length === rows.length ? (sampleRows as SourceRow[]) : toSample(rows);
  // As parity calls it (pairRows: windows of WINDOW_ROWS rows, two in flight, each row folded — here: looked at — as
  // soon as both sides answered it, serving streaming its results); the offline side answers at once, as precomputed
  // feature columns do.
  const offline: SideResult = { kind: 'ok', features: {} };
  await pairRows({
    rows: sample,
    windowRows: WINDOW_ROWS,
    windowsInFlight: 2,
    compute: (side, windowOf, onResult) => {
      if (side === 'offline') return Promise.resolve(windowOf.map(() => offline));
      return adapter.compute(
        windowOf.map((row) => ({ key: row.key, fields: row.values })),
        { streamResults: true, onResult },
      );
    },
    fold: (row, _offline, online) => {
      if (online.kind !== 'ok') throw new Error(`row ${row.key} failed: ${JSON.stringify(online)}`);
    },
  });
  await adapter.close();
  return adapter.stats.requests;
}

async function raw(spec: ClientSpec, rows: Rows, kept: unknown[]): Promise<number> {
  const keep = spec.contender === 'raw-keep';
  const target = new URL(spec.batch ? spec.batchUrl : spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const send = (body: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            if (response.statusCode !== 200) return reject(new Error(`HTTP ${response.statusCode}: ${text}`));
            const parsed: unknown = JSON.parse(text);
            if (keep) kept.push(parsed);
            resolve();
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const count = await sendAll(spec, rows, send);
  agent.destroy();
  return count;
}

async function undiciLoop(spec: ClientSpec, rows: Rows): Promise<number> {
  const target = new URL(spec.batch ? spec.batchUrl : spec.url);
  const agent = new Agent({ connections: spec.concurrency, pipelining: 1, headersTimeout: 0, bodyTimeout: 0 });
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  const send = (body: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let status = 0;
      agent.dispatch(
        { origin: target.origin, path: target.pathname, method: 'POST', headers, body },
        {
          onConnect: () => undefined,
          onHeaders: (statusCode: number) => ((status = statusCode), true),
          onData: (chunk: Buffer) => (chunks.push(chunk), true),
          onComplete: () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (status !== 200) return reject(new Error(`HTTP ${status}: ${text}`));
            JSON.parse(text);
            resolve();
          },
          onError: reject,
        },
      );
    });
  const count = await sendAll(spec, rows, send);
  await agent.close();
  return count;
}

/** Sends every row (or batch) of `rows` with `spec.concurrency` requests in flight; resolves with the request count. */
async function sendAll(spec: ClientSpec, rows: Rows, send: (body: string) => Promise<void>): Promise<number> {
  const size = spec.batch ?? 1;
  const count = Math.ceil(rows.length / size);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const first = size * next++;
      await send(JSON.stringify(spec.batch ? { rows: rows.slice(first, first + size) } : rows[first]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, count) }, worker));
  return count;
}

async function cannon(spec: ClientSpec, rows: Rows): Promise<number> {
  if (spec.batch) throw new Error('autocannon is the reference for single rows only');
  const bodies = rows.map((row) => JSON.stringify(row));
  let next = 0;
  const result = await autocannon({
    url: spec.url,
    connections: spec.concurrency,
    pipelining: 1,
    amount: rows.length,
    // autocannon notices the last answer only at its next sample tick, by default once a second: 20,000 requests
    // answered in 0.9 s read as 1.05 s, in 1.02 s as 2.05 s. Sampling every 5 ms bounds that error to 5 ms.
    sampleInt: 5,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }) }],
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`autocannon: ${failed} requests failed`);
  return result.requests.total;
}

void main().catch((error: unknown) => {
  process.stderr.write(`serving client failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
