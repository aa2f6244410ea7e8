import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { summarize, type RateSummary } from './diff-bench';

/** Wall times (ms) of short-lived processes, each a fresh `node`, interleaved over rounds. */
export interface ColdStartBenchResult {
  rounds: number;
  /** `node -e 0`: the floor. */
  node: RateSummary;
  /** yargs alone printing a help text: the floor of any yargs CLI. */
  yargs: RateSummary;
  /** `skew --help`. */
  help: RateSummary;
  /** Modules loaded from files by `skew --help` and by the yargs reference. */
  helpModules: number;
  yargsModules: number;
  /** `tsc -b` when the build is current (what `npm run demo` and `npm run bench` pay before running). */
  upToDateBuild: RateSummary;
}

/**
 * Measures start-up as hyperfine would: `rounds` rounds, each running `node -e 0`, the yargs reference and
 * `skew --help` once in turn (so the machine's load hits all three alike), then medians and ranges. Also counts
 * the modules `skew --help` loads, and times the up-to-date check `npm run demo` runs before the demo.
 */
export async function benchColdStart(root: string, rounds = 20): Promise<ColdStartBenchResult> {
  const bench = path.join(root, 'dist', 'scripts', 'bench');
  const skew = path.join(root, 'bin', 'skew.js');
  const commands = {
    node: ['-e', '0'],
    yargs: [path.join(bench, 'yargs-help.js')],
    help: [skew, '--help'],
  };
  const times = { node: [] as number[], yargs: [] as number[], help: [] as number[] };
  for (let round = 0; round < rounds + 1; round++) {
    for (const name of ['node', 'yargs', 'help'] as const) {
      const ms = await timeNode(commands[name], root);
      // The first round warms the file cache and is not counted.
      if (round > 0) times[name].push(ms);
    }
  }
  const counter = path.join(bench, 'count-modules.js');
  const helpModules = await countModules(['-r', counter, ...commands.help], root);
  const yargsModules = await countModules(['-r', counter, ...commands.yargs], root);
  const build: number[] = [];
  for (let i = 0; i < 3; i++) build.push(await timeNode([path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.json'], root));
  return { rounds, node: summarize(times.node), yargs: summarize(times.yargs), help: summarize(times.help), helpModules, yargsModules, upToDateBuild: summarize(build) };
}

/** The Markdown section BENCHMARKS.md records. */
export function formatColdStartBench(r: ColdStartBenchResult): string[] {
  const ms = (s: RateSummary) => `${Math.round(s.median)} | ${Math.round(s.min)}–${Math.round(s.max)}`;
  return [
    `## Cold start: \`skew --help\` vs \`node -e 0\` (${r.rounds} interleaved rounds, a fresh process each)`,
    '',
    '| process | wall time (ms, median) | range | modules loaded |',
    '|---|---:|---:|---:|',
    `| reference: \`node -e 0\` | ${ms(r.node)} | 0 |`,
    `| reference: yargs alone printing a help | ${ms(r.yargs)} | ${r.yargsModules} |`,
    `| \`skew --help\` | ${ms(r.help)} | ${r.helpModules} |`,
    `| \`tsc -b\` with the build current (what \`npm run demo\` pays before the demo) | ${ms(r.upToDateBuild)} | — |`,
    '',
    `- \`skew --help\` ÷ \`node -e 0\`: **${(r.help.median / r.node.median).toFixed(2)}**; ÷ yargs alone: **${(r.help.median / r.yargs.median).toFixed(2)}**`,
    '',
  ];
}

function timeNode(args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`node ${args.join(' ')} exited ${code}`))));
  });
}

function countModules(args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const match = /modules: (\d+)/.exec(stderr);
      if (match) resolve(Number(match[1]));
      else reject(new Error(`no module count from node ${args.join(' ')}: ${stderr.slice(-300)}`));
    });
  });
}

if (require.main === module) {
  void benchColdStart(path.resolve(__dirname, '..', '..', '..'), Number(process.env['BENCH_ROUNDS'] ?? 20)).then((r) =>
    process.stdout.write(`${formatColdStartBench(r).join('\n')}\n`),
  );
}
