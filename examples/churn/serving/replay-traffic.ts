/**
 * Drives traffic through the example's serving endpoint while it logs, so `skew logs` has a serving log to check:
 *
 *   node_modules/.bin/jiti examples/churn/serving/replay-traffic.ts [--requests 3000] [--log examples/churn/logs/serving.jsonl]
 *       [--bugs clock,nulls,vocab,rounding | none] [--shift] [--join-labels] [--seed 1] [--concurrency 16]
 *
 * Starts `server.ts` with `SKEW_EXAMPLE_LOG` set (and `EXAMPLE_BUGS` from `--bugs`; unset, the server's default
 * bugs), sends `--requests` training rows drawn at random (seeded) as requests, stops the server (which flushes its
 * log) and prints one line. The log is written afresh. `--shift` moves the traffic away from training: 30% of the
 * requests come from a plan training never saw (`enterprise`), and every `monthly_spend` triples. `--join-labels`
 * then adds each request's training label as `label`, as a job that joins outcomes to the log later would.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createSeededRandom } from '../data/seeded-random';

const NUMERIC = new Set(['monthly_spend', 'sessions_last_30d', 'support_tickets', 'avg_session_minutes']);
const here = __dirname;

interface Options {
  requests: number;
  log: string;
  bugs: string | undefined;
  shift: boolean;
  joinLabels: boolean;
  seed: number;
  concurrency: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { requests: 3000, log: path.join(here, '..', 'logs', 'serving.jsonl'), bugs: undefined, shift: false, joinLabels: false, seed: 1, concurrency: 16 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    const integer = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) fail(`${flag} must be a non-negative integer`);
      return v;
    };
    if (flag === '--requests') options.requests = integer();
    else if (flag === '--log') options.log = path.resolve(value());
    else if (flag === '--bugs') options.bugs = value();
    else if (flag === '--shift') options.shift = true;
    else if (flag === '--join-labels') options.joinLabels = true;
    else if (flag === '--seed') options.seed = integer();
    else if (flag === '--concurrency') options.concurrency = Math.max(1, integer());
    else fail(`unknown option ${flag} (options: --requests, --log, --bugs, --shift, --join-labels, --seed, --concurrency)`);
  }
  return options;
}

/** Training rows, typed as the harness types them: empty cells null, numeric columns numbers. */
function readTrainingRows(): Array<Record<string, unknown>> {
  const records = parse(readFileSync(path.join(here, '..', 'data', 'training.csv')), { columns: true }) as Array<Record<string, string>>;
  return records.map((record) =>
    Object.fromEntries(Object.entries(record).map(([name, text]) => [name, text === '' ? null : NUMERIC.has(name) || name === 'churned' ? Number(text) : text])),
  );
}

/** Starts the server on a free port with its log on; resolves to its URL and a stop function. */
async function startServer(options: Options): Promise<{ url: string; stop: () => Promise<void> }> {
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

/** The request for one training row: its input columns (never the label), shifted with `--shift`. */
function requestOf(row: Record<string, unknown>, shift: boolean, random: ReturnType<typeof createSeededRandom>): Record<string, unknown> {
  const { churned: _label, ...inputs } = row;
  if (!shift) return inputs;
  const spend = inputs['monthly_spend'];
  return {
    ...inputs,
    plan: random.chance(0.3) ? 'enterprise' : inputs['plan'],
    monthly_spend: typeof spend === 'number' ? Math.round(spend * 300) / 100 : spend,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const rows = readTrainingRows();
  const random = createSeededRandom(options.seed);
  const requests = Array.from({ length: options.requests }, () => rows[random.int(0, rows.length - 1)]!);
  mkdirSync(path.dirname(options.log), { recursive: true });
  rmSync(options.log, { force: true });
  const server = await startServer(options);
  let failed = 0;
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
        if (!response.ok) failed += 1;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    await server.stop();
  }
  if (options.joinLabels) {
    const labels = new Map(rows.map((row) => [row['customer_id'], row['churned']]));
    const lines = readFileSync(options.log, 'utf8').split('\n').filter(Boolean);
    const joined = lines.map((line) => {
      const record = JSON.parse(line) as { key: string };
      return JSON.stringify({ ...record, label: labels.get(record.key) ?? null });
    });
    writeFileSync(options.log, `${joined.join('\n')}\n`);
  }
  const where = path.relative(process.cwd(), options.log) || options.log;
  process.stdout.write(`replay-traffic: ${options.requests - failed} of ${options.requests} requests served and logged to ${where}${failed > 0 ? ` (${failed} refused)` : ''}\n`);
}

function fail(message: string): never {
  process.stderr.write(`replay-traffic: ${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
