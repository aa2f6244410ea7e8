import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createSeededRandom, type SeededRandom } from '../data/seeded-random';

/** What {@link replayTraffic} sends, and where the server logs it. */
export interface TrafficOptions {
  /** Requests to send. */
  requests: number;
  /** The serving log to write (afresh). */
  log: string;
  /** `EXAMPLE_BUGS` of the server; undefined: the server's default bugs. */
  bugs: string | undefined;
  /** Shift the traffic away from training: 30% of requests on an unseen plan, every monthly_spend tripled. */
  shift: boolean;
  /** Add each request's training label to its log record as `label` (an outcome joined later). */
  joinLabels: boolean;
  /** Seed of the rows drawn. */
  seed: number;
  /** Requests in flight at once. */
  concurrency: number;
}

const NUMERIC = new Set(['monthly_spend', 'sessions_last_30d', 'support_tickets', 'avg_session_minutes', 'churned']);
const here = __dirname;

/**
 * Starts `server.ts` with `SKEW_EXAMPLE_LOG` set (and `EXAMPLE_BUGS`), sends training rows drawn at random (seeded) as
 * requests, stops the server (which flushes its log) and, with `joinLabels`, joins the labels. Resolves to the number
 * of requests served.
 */
export async function replayTraffic(options: TrafficOptions): Promise<number> {
  const rows = readTrainingRows();
  const random = createSeededRandom(options.seed);
  const requests = Array.from({ length: options.requests }, () => rows[random.int(0, rows.length - 1)]!);
  mkdirSync(path.dirname(options.log), { recursive: true });
  rmSync(options.log, { force: true });
  const server = await startServer(options);
  let served = 0;
  try {
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const row = requests[next++]!;
        const response = await fetch(`${server.url}/features`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(requestOf(row, options.shift, random)),
        });
        await response.arrayBuffer();
        if (response.ok) served += 1;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await server.stop();
  }
  if (options.joinLabels) joinLabels(options.log, rows);
  return served;
}

/** Training rows, typed as the harness types them: empty cells null, numeric columns numbers. */
function readTrainingRows(): Array<Record<string, unknown>> {
  const records = parse(readFileSync(path.join(here, '..', 'data', 'training.csv')), { columns: true }) as Array<Record<string, string>>;
  return records.map((record) => Object.fromEntries(Object.entries(record).map(([name, text]) => [name, text === '' ? null : NUMERIC.has(name) ? Number(text) : text])));
}

/** Starts the server on a free port with its log on; resolves to its URL and a stop function. */
async function startServer(options: TrafficOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  // jiti's CLI is not among its package exports: found beside its package.json.
  const jiti = path.join(path.dirname(require.resolve('jiti/package.json')), 'lib', 'jiti-cli.mjs');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', SKEW_EXAMPLE_LOG: options.log };
  if (options.bugs !== undefined) env['EXAMPLE_BUGS'] = options.bugs;
  const child = spawn(process.execPath, [jiti, path.join(here, 'server.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`the server exited with code ${code} before listening: ${stderr.trim()}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`the server exited with code ${code}: ${stderr.trim()}`);
    },
  };
}

/** The request for one training row: its input columns (never the label), shifted with `shift`. */
function requestOf(row: Record<string, unknown>, shift: boolean, random: SeededRandom): Record<string, unknown> {
  const { churned: _label, ...inputs } = row;
  if (!shift) return inputs;
  const spend = inputs['monthly_spend'];
  return {
    ...inputs,
    plan: random.chance(0.3) ? 'enterprise' : inputs['plan'],
    monthly_spend: typeof spend === 'number' ? Math.round(spend * 300) / 100 : spend,
  };
}

/** Rewrites the log with each record's training label as `label`, as a job joining outcomes later would. */
function joinLabels(log: string, rows: ReadonlyArray<Record<string, unknown>>): void {
  const labels = new Map(rows.map((row) => [row['customer_id'], row['churned']]));
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const joined = lines.map((line) => {
    const record = JSON.parse(line) as { key: string };
    return JSON.stringify({ ...record, label: labels.get(record.key) ?? null });
  });
  writeFileSync(log, `${joined.join('\n')}\n`);
}
