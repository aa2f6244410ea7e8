import * as path from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config';
import { shellQuote } from '../core/shell-quote';

/**
 * The command-line options of a run that change what it runs or compares and are not visible in the resolved
 * config as such (they override it): every reproduce command carries them, so a pasted line runs the same setup.
 * Options that only write (`--record-serving`, `--update-golden`, `--propose`) or only shape output (`--reporter`,
 * `--report-dir`, `--baseline`, `--color`, `--debug`) are not here. Paths are absolute.
 */
export interface ReproduceFlags {
  /** `--url`, as given. */
  url?: string | undefined;
  /** `--no-start`. */
  noStart?: boolean | undefined;
  /** `--replay-serving`: the answers compared come from this cassette directory. */
  replayServing?: string | undefined;
  /** `--skip-bad-rows`. */
  skipBadRows?: boolean | undefined;
  /** `--failures-dir`: which remembered failures are replayed. */
  failuresDir?: string | undefined;
  /** `--no-remember`: none are. */
  noRemember?: boolean | undefined;
  /** `--generated-seed`. */
  generatedSeed?: number | undefined;
  /** `--generated-runs`. */
  generatedRuns?: number | undefined;
}

/**
 * What a run's reproduce commands are built from: the config file, target and sample as resolved, the checks and
 * generated-parity case the run was narrowed to (`--checks`, `--generated-path`), and its {@link ReproduceFlags}.
 */
export interface ReproduceRun extends Pick<ResolvedConfig, 'configFile' | 'target' | 'sample'> {
  /** `--checks`: only these checks ran. */
  checks?: readonly string[] | undefined;
  /** `--generated-path`: the run replayed one generated-parity case. */
  generatedPath?: string | undefined;
  /**
   * `--keys`: the run read only these rows, so every line it prints does (a generated case's path indexes the rows
   * generated from these, not from the sample).
   */
  keys?: readonly string[] | undefined;
  flags?: ReproduceFlags | undefined;
}

/** What narrows a reproduce command to part of the run. */
export interface ReproduceExtra {
  /** Only these rows (`--keys`, instead of the sample, or of the run's own `--keys`). */
  keys?: readonly string[] | undefined;
  /** Exactly one generated-parity case (only that check). */
  generated?: { seed: number; path: string } | undefined;
  /** Only this check (instead of the run's `--checks`). */
  check?: string | undefined;
}

/**
 * The command that reruns this run exactly: same config, target, seed, sample size and method (or the run's `--keys`),
 * checks, and every option of {@link ReproduceFlags} it was given. With `keys`, only those rows (`--keys`), which is how a single
 * failing row is reproduced; with `generated`, exactly one generated-parity case (the sample fixes the profile the
 * rows are generated from, the seed and path the case); with `check`, only that check. Each argument is quoted for a
 * POSIX shell where it needs it.
 *
 * @example
 * reproduceCommand(run, '/repo', { keys: ['u14'], check: 'parity' })
 * // npx skew run --config skew.config.js --keys u14 --checks parity --url 'http://127.0.0.1:8080/f?v=2&x=1' --no-start
 */
export function reproduceCommand(run: ReproduceRun, cwd: string, extra: ReproduceExtra = {}): string {
  const relative = (p: string) => path.relative(cwd, p) || p;
  const flags = run.flags ?? {};
  const args = ['npx', 'skew', 'run'];
  if (run.configFile) args.push('--config', relative(run.configFile));
  if (run.target) args.push('--target', run.target);
  const keys = extra.keys && extra.keys.length > 0 ? extra.keys : run.keys;
  if (keys && keys.length > 0) {
    args.push('--keys', keys.join(','));
  } else {
    args.push('--seed', String(run.sample.seed));
    if (run.sample.method === 'all') args.push('--sample', 'all');
    else args.push('--sample', String(run.sample.size), '--sample-method', run.sample.method);
  }
  // One check narrows the run's --checks (never both: the last --checks would win, silently).
  if (extra.generated) {
    args.push('--checks', 'generated-parity', '--generated-seed', String(extra.generated.seed), '--generated-path', extra.generated.path);
  } else if (extra.check) {
    args.push('--checks', extra.check);
  } else {
    if (run.checks && run.checks.length > 0) args.push('--checks', run.checks.join(','));
    if (flags.generatedSeed !== undefined) args.push('--generated-seed', String(flags.generatedSeed));
    if (run.generatedPath) args.push('--generated-path', run.generatedPath);
  }
  // How many cases generated-parity draws matters wherever it runs: not on another check's line.
  const runsGenerated = extra.generated !== undefined || extra.check === undefined || extra.check === 'generated-parity';
  if (flags.generatedRuns !== undefined && runsGenerated) args.push('--generated-runs', String(flags.generatedRuns));
  if (flags.url !== undefined) args.push('--url', flags.url);
  if (flags.noStart) args.push('--no-start');
  if (flags.replayServing !== undefined) args.push('--replay-serving', relative(flags.replayServing));
  if (flags.skipBadRows) args.push('--skip-bad-rows');
  if (flags.failuresDir !== undefined) args.push('--failures-dir', relative(flags.failuresDir));
  if (flags.noRemember) args.push('--no-remember');
  return args.map(shellQuote).join(' ');
}

/**
 * The run with its paths (config file, cassette and failure-memory directories) mapped: made relative to a shard's
 * directory for its blob, and resolved again from where `skew merge` runs.
 */
export function mapReproducePaths(run: ReproduceRun, map: (p: string) => string): ReproduceRun {
  const flags = run.flags;
  return {
    ...run,
    configFile: run.configFile === null ? null : map(run.configFile),
    ...(flags
      ? {
          flags: {
            ...flags,
            ...(flags.replayServing !== undefined ? { replayServing: map(flags.replayServing) } : {}),
            ...(flags.failuresDir !== undefined ? { failuresDir: map(flags.failuresDir) } : {}),
          },
        }
      : {}),
  };
}
