import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { SkewReport } from '../../harness/core/report';
import { runCli, runInShell, startFeatureServer, TempRepo } from './cli-harness';

/**
 * A `Reproduce with:` line reruns the run it was printed by: copied into a shell, it gives the same verdict on the
 * same rows. Black box: a real Python pipeline, a real server on 127.0.0.1, the built CLI, and the printed lines run
 * by `sh`, exactly as a user pastes them.
 */

const CSV = ['id,amount,city,label', ...Array.from({ length: 40 }, (_, i) => `u${i},${(i * 7.25).toFixed(2)},${['Oslo', 'Lima', 'Pune'][i % 3]},${i % 2}`)].join('\n');
/** A record with a column too many: the run stops on it unless `--skip-bad-rows`. */
const CSV_WITH_BAD_ROW = `${CSV}\nu99,1.00,Oslo,0,surplus`;

const PIPELINE = `
import json, math, sys
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"amount_log": math.log1p(r["amount"]), "city": r["city"].lower()}))
`;

/** Serving computes the same features, but skews `amount_log` of rows with amount > 100. */
const startServing = () =>
  startFeatureServer((row: { amount: number; city: string }) => ({ amount_log: Math.log1p(row.amount > 100 ? row.amount * 1.1 : row.amount), city: row.city.toLowerCase() }));

const lineAfter = (label: string, stdout: string): string => {
  const found = stdout.split('\n').find((l) => l.startsWith(label));
  if (found === undefined) throw new Error(`no "${label}" line in:\n${stdout}`);
  return found.slice(label.length).trim();
};
const count = (text: string, word: string) => text.split(' ').filter((w) => w === word).length;

let repo: TempRepo;
let serving: { server: Server; url: string };
beforeEach(async () => {
  repo = new TempRepo();
  repo.write('pipeline.py', PIPELINE);
  serving = await startServing();
});
afterEach(async () => {
  repo.remove();
  serving.server.closeAllConnections();
  await new Promise((resolve) => serving.server.close(resolve));
});

describe('Reproduce with: lines carry the options that changed the run', () => {
  it('keeps --checks on the run, check and one-row lines (once each), and leaves out output-only options', async () => {
    repo.write('train.csv', CSV);
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'id', label: 'label' },
        offline: { command: ['python3', 'pipeline.py'] },
        serving: { url: ${JSON.stringify(`${serving.url}/features`)} },
        checks: { generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false },
        failures: { remember: false },
      };`,
    );
    const result = await runCli(['run', '--checks', 'parity', '--seed', '7', '--sample', '30', '--reporter', 'terminal,json', '--report-dir', 'out', '--no-color'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const reproduce = lineAfter('Reproduce with:', result.stdout);
    expect(reproduce).toBe('npx skew run --config skew.config.js --seed 7 --sample 30 --sample-method reservoir --checks parity');
    const report = JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as SkewReport;
    expect(report.reproduce).toBe(reproduce);
    expect(report.checks.map((c) => c.name)).toEqual(['parity']);
    const parityLine = report.checks[0]!.reproduce!;
    expect(parityLine).toMatch(/^npx skew run --config skew\.config\.js --keys u\d+(,u\d+)* --checks parity$/);
    const oneRow = lineAfter('One row:', result.stdout);
    expect(oneRow).toMatch(/^npx skew run --config skew\.config\.js --checks parity --keys u\d+$/);
    for (const line of [reproduce, parityLine, oneRow]) expect(count(line, '--checks')).toBe(1);

    // Pasted into a shell, the run's line runs the same check on the same rows: the same verdict and counts.
    const again = await runInShell(reproduce, repo.dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(1);
    expect(lineAfter('Reproduce with:', again.stdout)).toBe(reproduce);
    expect(again.stdout).toContain(report.verdict.summary);
    expect(again.stdout).not.toMatch(/^determinism /m);
  });

  it('carries --url (shell-quoted), --no-start, --skip-bad-rows and --no-remember, so the pasted line runs the same setup', async () => {
    repo.write('train.csv', CSV_WITH_BAD_ROW);
    // The config's server could never start, and its URL answers nothing: only the command-line setup works.
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'id', label: 'label' },
        sample: { size: 25, seed: 11 },
        offline: { command: ['python3', 'pipeline.py'] },
        serving: {
          url: 'http://127.0.0.1:\${port}/features',
          start: { command: ['node', 'no-such-server.js'], readyUrl: 'http://127.0.0.1:\${port}/healthz', port: 'auto', readyTimeoutMs: 3000 },
          retries: 0,
        },
        checks: { generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false, determinism: { rows: 5 } },
      };`,
    );
    const url = `${serving.url}/features?model=v1&tag=it's`;
    const result = await runCli(
      ['run', '--no-start', '--url', url, '--skip-bad-rows', '--no-remember', '--checks', 'determinism,parity', '--reporter', 'terminal,json', '--report-dir', 'out', '--debug'],
      { cwd: repo.dir },
    );
    expect(result.code).toBe(1);
    const reproduce = lineAfter('Reproduce with:', result.stdout);
    const quotedUrl = `'${serving.url}/features?model=v1&tag=it'\\''s'`;
    expect(reproduce).toBe(`npx skew run --config skew.config.js --seed 11 --sample 25 --sample-method reservoir --checks determinism,parity --url ${quotedUrl} --no-start --skip-bad-rows --no-remember`);
    const report = JSON.parse(readFileSync(repo.path('out/skew-report.json'), 'utf8')) as SkewReport;
    const parity = report.checks.find((c) => c.name === 'parity')!;
    expect(parity.reproduce).toMatch(new RegExp(`^npx skew run --config skew\\.config\\.js --keys u\\d+(,u\\d+)* --checks parity --url ${quotedUrl.replace(/[.?*+^$()[\]\\|{}]/g, '\\$&')} --no-start --skip-bad-rows --no-remember$`));
    const oneRow = lineAfter('One row:', result.stdout);
    expect(oneRow.endsWith(`--checks determinism,parity --url ${quotedUrl} --no-start --skip-bad-rows --no-remember --keys ${oneRow.split(' ').pop()}`)).toBe(true);

    // Each printed line, pasted into a shell, runs against the same server with the same rows.
    const again = await runInShell(reproduce, repo.dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(report.verdict.summary);
    const rerunParity = await runInShell(parity.reproduce!, repo.dir);
    expect(rerunParity.stderr).toBe('');
    expect(rerunParity.code).toBe(1);
    const rerunRow = await runInShell(oneRow, repo.dir);
    expect(rerunRow.stderr).toBe('');
    expect(rerunRow.code).toBe(1);
  });

  it('carries --replay-serving (the answers compared), never --record-serving (a write that changes nothing compared)', async () => {
    repo.write('train.csv', CSV);
    repo.write(
      'skew.config.js',
      `module.exports = {
        source: { path: 'train.csv', key: 'id', label: 'label' },
        sample: { size: 20, seed: 5 },
        offline: { command: ['python3', 'pipeline.py'] },
        serving: { url: ${JSON.stringify(`${serving.url}/features`)} },
        checks: { generatedParity: false, inputContract: false, batchInvariance: false, labelInvariance: false, determinism: false },
        failures: { remember: false },
      };`,
    );
    const recorded = await runCli(['run', '--record-serving', 'tapes/nightly', '--report-dir', 'rec'], { cwd: repo.dir });
    expect(recorded.code).toBe(1);
    const recordLine = lineAfter('Reproduce with:', recorded.stdout);
    expect(recordLine).toBe('npx skew run --config skew.config.js --seed 5 --sample 20 --sample-method reservoir');

    serving.server.closeAllConnections();
    await new Promise((resolve) => serving.server.close(resolve));
    const replayed = await runCli(['run', '--replay-serving', 'tapes/nightly', '--report-dir', 'rep'], { cwd: repo.dir });
    expect(replayed.code).toBe(1);
    const replayLine = lineAfter('Reproduce with:', replayed.stdout);
    expect(replayLine).toBe('npx skew run --config skew.config.js --seed 5 --sample 20 --sample-method reservoir --replay-serving tapes/nightly');
    // The server is gone: only the replay can answer, and the pasted line replays.
    const again = await runInShell(replayLine, repo.dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(1);
    serving = await startServing();
  });
});
