import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { formatServingBench } from './format-serving';
import type { ClientResult, ClientSpec, PassResult } from './serving-client';

/** One contender's measurements in a scenario, one entry per round. */
export interface ContenderRounds {
  /** Rows per second (wall time of the measured part). */
  rowsPerSecond: number[];
  /** The contender process's CPU time per request, in µs. */
  clientCpuUs: number[];
  /** The server process's CPU time per request, in µs (from /proc; `NaN` where there is none). */
  serverCpuUs: number[];
}

/** One server, one request shape, one concurrency, one pass: every contender, every round. */
export interface ServingScenario {
  server: 'example' | 'trivial';
  /**
   * `first`: the first pass over the rows in a fresh process (JIT warm-up included); `second`: the same rows again;
   * `nightly`: batches only, a fresh process sending {@link NIGHTLY_REPEAT} times the rows in one pass — what a large
   * run gets, the fixed cost of compiling the request path spread as a run spreads it.
   */
  pass: 'first' | 'second' | 'nightly';
  /** Rows per request, or `null` for single rows. */
  batch: number | null;
  concurrency: number;
  rows: number;
  contenders: Partial<Record<ClientSpec['contender'], ContenderRounds>>;
}

/** What the serving benchmark runs. */
export interface ServingBenchOptions {
  /** Rounds per scenario; contenders are interleaved within each round, their order rotated between rounds. */
  rounds: number;
  /** Concurrency (and autocannon connections) of the single-row scenarios. */
  rowConcurrency: number[];
  /** Rows per request of the batch scenarios (at concurrency 16). */
  batchSizes: number[];
  /** Rows sent per single-row measurement. */
  rowCount: number;
  /** Rows sent per batch measurement. */
  batchRowCount: number;
}

const SERVERS = ['example', 'trivial'] as const;

/** The nightly pass sends the batch rows this many times (51,200 × 8 = 409,600 rows by default). */
export const NIGHTLY_REPEAT = 8;
/** Contenders of the nightly pass: the adapter and the two loops it is held to. */
const NIGHTLY_CONTENDERS = ['harness', 'raw', 'undici'] as const;

/**
 * Per-row and batch serving throughput against the example server (`EXAMPLE_BUGS=none`) and a trivial one, each in
 * its own process: the harness's serving adapter against autocannon, a raw keep-alive `http.request` loop and an
 * undici `dispatch` loop (single rows), and against the raw and undici loops on the same batches. Every measurement
 * runs in a fresh process (serving-client.ts) that sends the rows twice, and both passes are reported; the server's
 * CPU time per request is read from /proc around each pass, so the table can say what bounds each ratio.
 */
export async function benchServing(root: string, rows: Array<Record<string, unknown>>, dir: string, options: ServingBenchOptions): Promise<ServingScenario[]> {
  const client = path.join(__dirname, 'serving-client.js');
  const scenarios: ServingScenario[] = [];
  for (const server of SERVERS) {
    const running = await startServer(root, server);
    try {
      const shapes = [
        ...options.rowConcurrency.map((concurrency) => ({ batch: null, concurrency, rows: options.rowCount, contenders: ['harness', 'autocannon', 'raw', 'undici'] as const })),
        ...options.batchSizes.map((batch) => ({ batch, concurrency: 16, rows: options.batchRowCount, contenders: ['harness', 'raw', 'raw-keep', 'undici'] as const })),
      ];
      for (const shape of shapes) {
        const rowsFile = path.join(dir, `rows-${shape.rows}.json`);
        writeFileSync(rowsFile, JSON.stringify(Array.from({ length: shape.rows }, (_, i) => rows[i % rows.length])));
        const passes = (['first', 'second'] as const).map((pass): ServingScenario => ({ server, pass, batch: shape.batch, concurrency: shape.concurrency, rows: shape.rows, contenders: {} }));
        for (let round = 0; round < options.rounds; round++) {
          const order = shape.contenders.map((_, i) => shape.contenders[(i + round) % shape.contenders.length]!);
          for (const contender of order) {
            const spec: ClientSpec = { contender, url: `${running.url}/features`, batchUrl: `${running.url}/features/batch`, batch: shape.batch, concurrency: shape.concurrency, rowsFile, serverPid: running.pid };
            const result = await measure(client, spec);
            const perPass = [result.first, result.second!];
            passes.forEach((scenario, i) => {
              const pass = perPass[i]!;
              const rounds = (scenario.contenders[contender] ??= { rowsPerSecond: [], clientCpuUs: [], serverCpuUs: [] });
              rounds.rowsPerSecond.push((pass.rows / pass.ms) * 1000);
              rounds.clientCpuUs.push((pass.cpuMs * 1000) / pass.requests);
              rounds.serverCpuUs.push((pass.serverCpuMs * 1000) / pass.requests);
            });
            const rate = (pass: PassResult): number => Math.round((pass.rows / pass.ms) * 1000);
            process.stderr.write(`bench: serving ${server} ${shape.batch ? `batch ${shape.batch}` : 'rows'} c${shape.concurrency} round ${round + 1} ${contender}: ${rate(result.first)} then ${rate(result.second!)} rows/s\n`);
          }
        }
        scenarios.push(...passes);
        if (shape.batch === null) continue;
        const nightly: ServingScenario = { server, pass: 'nightly', batch: shape.batch, concurrency: shape.concurrency, rows: shape.rows * NIGHTLY_REPEAT, contenders: {} };
        for (let round = 0; round < options.rounds; round++) {
          const order = NIGHTLY_CONTENDERS.map((_, i) => NIGHTLY_CONTENDERS[(i + round) % NIGHTLY_CONTENDERS.length]!);
          for (const contender of order) {
            const spec: ClientSpec = { contender, url: `${running.url}/features`, batchUrl: `${running.url}/features/batch`, batch: shape.batch, concurrency: shape.concurrency, rowsFile, serverPid: running.pid, repeat: NIGHTLY_REPEAT };
            const { first } = await measure(client, spec);
            const rounds = (nightly.contenders[contender] ??= { rowsPerSecond: [], clientCpuUs: [], serverCpuUs: [] });
            rounds.rowsPerSecond.push((first.rows / first.ms) * 1000);
            rounds.clientCpuUs.push((first.cpuMs * 1000) / first.requests);
            rounds.serverCpuUs.push((first.serverCpuMs * 1000) / first.requests);
            process.stderr.write(`bench: serving ${server} batch ${shape.batch} c${shape.concurrency} nightly round ${round + 1} ${contender}: ${Math.round((first.rows / first.ms) * 1000)} rows/s
`);
          }
        }
        scenarios.push(nightly);
      }
    } finally {
      await running.stop();
    }
  }
  return scenarios;
}

interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a server in a process of its own on a free port; resolves once it prints where it listens. */
function startServer(root: string, server: (typeof SERVERS)[number]): Promise<RunningServer> {
  const jiti = path.join(root, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
  const child: ChildProcess =
    server === 'example'
      ? spawn(process.execPath, [jiti, 'serving/server.ts'], { cwd: path.join(root, 'examples', 'churn'), env: { ...process.env, PORT: '0', EXAMPLE_BUGS: 'none' }, stdio: ['ignore', 'pipe', 'inherit'] })
      : spawn(process.execPath, [path.join(__dirname, 'trivial-server.js')], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, pid: child.pid!, stop });
    });
    child.once('exit', (code) => reject(new Error(`the ${server} server exited with ${code} before listening`)));
  });
}

function measure(client: string, spec: ClientSpec): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [client, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`serving client ${spec.contender} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as ClientResult);
    });
  });
}

/** Default scenarios: the issue's per-row concurrencies 16 and 64, batches of 64 and 256 rows. */
export const DEFAULT_SERVING_BENCH: Omit<ServingBenchOptions, 'rounds'> = { rowConcurrency: [16, 64], batchSizes: [64, 256], rowCount: 20_000, batchRowCount: 51_200 };

/** `node dist/scripts/bench/serving-bench.js`: the serving rows of `npm run bench` alone (`BENCH_ROUNDS`, default 3). */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const training = parse(readFileSync(path.join(root, 'examples', 'churn', 'data', 'training.csv'), 'utf8'), { columns: true, cast: true }) as Array<Record<string, unknown>>;
  const inputs = training.map(({ churned: _label, ...row }) => row);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
  const scale = Number(process.env['BENCH_SERVING_SCALE'] ?? 1);
  const dir = mkdtempSync(path.join(tmpdir(), 'skew-serving-bench-'));
  try {
    const options = { ...DEFAULT_SERVING_BENCH, rounds, rowCount: Math.round(DEFAULT_SERVING_BENCH.rowCount * scale), batchRowCount: Math.round(DEFAULT_SERVING_BENCH.batchRowCount * scale) };
    process.stdout.write(`${formatServingBench(await benchServing(root, inputs, dir, options), rounds).join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    process.stderr.write(`serving bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
