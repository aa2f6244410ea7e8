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
import * as path from 'node:path';
import { replayTraffic, type TrafficOptions } from './traffic';

function parseArgs(argv: readonly string[]): TrafficOptions {
  const options: TrafficOptions = { requests: 3000, log: path.join(__dirname, '..', 'logs', 'serving.jsonl'), bugs: undefined, shift: false, joinLabels: false, seed: 1, concurrency: 16 };
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

function fail(message: string): never {
  process.stderr.write(`replay-traffic: ${message}\n`);
  process.exit(2);
}

const options = parseArgs(process.argv.slice(2));
replayTraffic(options).then(
  (served) => {
    const where = path.relative(process.cwd(), options.log) || options.log;
    const refused = options.requests - served;
    process.stdout.write(`replay-traffic: ${served} of ${options.requests} requests served and logged to ${where}${refused > 0 ? ` (${refused} refused)` : ''}\n`);
  },
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
