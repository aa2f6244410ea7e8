import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, TempRepo } from './cli-harness';

/**
 * Black-box tests of the input contract, at default settings: a strict Python pipeline run as a real subprocess
 * (a `$error` line for a row it cannot read), a real serving endpoint on 127.0.0.1, the real CLI. A pair that
 * computes the same features for every valid row must come out clean; how it treats invalid rows is reported apart.
 */

const CSV = [
  'id,plan,amount,signup,label',
  ...Array.from({ length: 40 }, (_, i) => `u${i},${['basic', 'pro', 'team'][i % 3]},${(i * 37) % 500},2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')},${i % 2}`),
].join('\n');

/** Reads every column strictly, as pipelines written for their own data do; a row it cannot read gets `$error`. */
const STRICT_PIPELINE = `
import datetime, json, sys
for line in sys.stdin:
    row = json.loads(line)
    try:
        plan, amount, signup = row["plan"], row["amount"], row["signup"]
        if not isinstance(plan, str) or plan == "":
            raise ValueError(f"plan must be a non-empty string, got {plan!r}")
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise ValueError(f"amount must be an integer, got {amount!r}")
        year = datetime.date.fromisoformat(signup).year
        print(json.dumps({"plan": plan, "amount_x2": amount * 2, "signup_year": year}))
    except (KeyError, ValueError, TypeError) as error:
        print(json.dumps({"$error": f"{type(error).__name__}: {error}"}))
    sys.stdout.flush()
`;

/**
 * The same features online. Strict: 400 for a field that is missing (unless `lenientOnMissing`), null or of the
 * wrong type; lenient: a missing field gets a default and the row is computed.
 */
function startServing(lenientOnMissing: boolean, invalidStatus = 400): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const row = JSON.parse(body) as Record<string, unknown>;
      const defaults: Record<string, unknown> = { plan: 'basic', amount: 0, signup: '2023-01-01' };
      for (const name of Object.keys(defaults)) if (lenientOnMissing && !(name in row)) row[name] = defaults[name];
      const { plan, amount, signup } = row;
      const valid =
        typeof plan === 'string' && plan !== '' && Number.isInteger(amount) && typeof signup === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(signup) && !Number.isNaN(Date.parse(signup));
      res.setHeader('content-type', 'application/json');
      if (!valid) {
        res.statusCode = invalidStatus;
        res.end(JSON.stringify({ error: 'invalid request' }));
        return;
      }
      res.end(JSON.stringify({ features: { plan, amount_x2: (amount as number) * 2, signup_year: Number((signup as string).slice(0, 4)) } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/features` })));
}

function config(url: string, checks = '', serving = ''): string {
  return `module.exports = {
    source: { path: 'train.csv', key: 'id', label: 'label' },
    offline: { command: ['python3', 'pipeline.py'] },
    serving: { url: ${JSON.stringify(url)}, ${serving} },
    ${checks ? `checks: ${checks},` : ''}
  };`;
}

let repo: TempRepo;
beforeEach(() => {
  repo = new TempRepo();
  repo.write('train.csv', CSV);
  repo.write('pipeline.py', STRICT_PIPELINE);
});
afterEach(() => repo.remove());

describe('skew run: input contract (black box)', () => {
  it('is clean at default settings for a strict pair that agrees on valid input; every probe is rejected by both', async () => {
    const { server, url } = await startServing(false);
    try {
      repo.write('skew.config.js', config(url));
      const result = await runCli(['run'], { cwd: repo.dir });
      expect(result.stderr).not.toMatch(/skew:/);
      expect(result.stdout).toMatch(/^generated-parity {2}✓ passed {2}all fields agree on \d+ generated rows/m);
      expect(result.stdout).toMatch(/^input-contract {2}✓ passed {2}\d+ out-of-contract probes of row u\d+: both reject \d+$/m);
      expect(result.stdout).toMatch(/^ {2}missing-column +(amount|plan|signup), .* +rejects +rejects \(400\) +both reject$/m);
      expect(result.stdout).toMatch(/^ {2}malformed-date +signup +rejects +rejects \(400\) +both reject$/m);
      expect(result.stdout).toMatch(/^CLEAN: every check passed$/m);
      expect(result.code).toBe(0);
    } finally {
      server.close();
    }
  });

  it('warns, and exits 0, when serving computes on a missing column that the pipeline rejects', async () => {
    const { server, url } = await startServing(true);
    try {
      repo.write('skew.config.js', config(url));
      // The checks the contract concerns (the others run in the test above).
      const result = await runCli(['run', '--checks', 'parity,generated-parity,input-contract'], { cwd: repo.dir });
      expect(result.stdout).toMatch(/^generated-parity {2}✓ passed/m);
      expect(result.stdout).toMatch(/^input-contract {2}✓ passed {2}.*serving computes what training would reject 3.*\(3 warnings: reported, not failed\)$/m);
      expect(result.stdout).toMatch(/^ {4}⚠ serving computes what training would reject: a column left out \((amount|plan|signup), (amount|plan|signup), (amount|plan|signup)\)$/m);
      expect(result.stdout).toMatch(/^ {6}\w+: .* → \(missing\) — offline rejected it \(offline row probe:missing-column:\w+: KeyError: '\w+'\); serving computed features$/m);
      expect(result.stdout).toMatch(/^CLEAN: every check passed; 3 warnings in input-contract$/m);
      expect(result.code).toBe(0);
      const report = JSON.parse(readFileSync(repo.path('reports/skew-report.json'), 'utf8'));
      const check = report.checks.find((c: { name: string }) => c.name === 'input-contract');
      expect(check.warnings).toHaveLength(1);
      expect(check.inputContract.probes.filter((p: { reaction: string }) => p.reaction === 'serving-computes').map((p: { column: string }) => p.column).sort()).toEqual(['amount', 'plan', 'signup']);
      expect(report.verdict).toMatchObject({ status: 'clean', exitCode: 0, warnings: [{ check: 'input-contract', count: 3 }] });
    } finally {
      server.close();
    }
  });

  it('fails, exit 1, on the same pair with checks.inputContract.fail: true', async () => {
    const { server, url } = await startServing(true);
    try {
      repo.write('skew.config.js', config(url, '{ inputContract: { fail: true } }'));
      const result = await runCli(['run', '--checks', 'input-contract'], { cwd: repo.dir });
      expect(result.stdout).toMatch(/^input-contract {2}✗ FAILED {2}3 of \d+ out-of-contract probes of row u\d+ get different reactions from the two sides: /m);
      expect(result.stdout).toMatch(/^FAILED: input-contract: 3 of /m);
      expect(result.stdout).toMatch(/^ {2}Reproduce with: npx skew run --config skew\.config\.js --seed 1 --sample 1000 --sample-method reservoir --checks input-contract$/m);
      expect(result.code).toBe(1);
    } finally {
      server.close();
    }
  });

  it('keeps the run conclusive when serving answers the probes with 500s (they never reach the run\'s circuit breaker)', async () => {
    const { server, url } = await startServing(false, 500);
    try {
      repo.write('skew.config.js', config(url, '', 'backoff: { initialMs: 1, maxMs: 5 }'));
      const result = await runCli(['run', '--checks', 'parity,input-contract'], { cwd: repo.dir });
      expect(result.stdout).toMatch(/^ {2}malformed-date +signup +rejects +rejects \(500\) +both reject$/m);
      expect(result.stdout).toMatch(/^CLEAN: every check passed$/m);
      expect(result.code).toBe(0);
    } finally {
      server.close();
    }
  });
});
