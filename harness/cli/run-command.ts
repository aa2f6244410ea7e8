import * as path from 'node:path';
import { loadConfig } from '../config/load-config';
import type { TargetConfig } from '../config/user-config';
import { UsageError } from '../errors/usage-error';
import { ReporterMultiplexer } from '../reporters/reporter-multiplexer';
import { shouldColor } from '../reporters/colors';
import { runSkew } from '../runner/run-skew';
import type { CliIo } from './cli-io';
import { createReporters } from './create-reporters';
import { SkewError } from '../errors/skew-error';
import { CHECK_NAMES, isCheckName, type CheckName } from '../checks/check-names';
import type { Argv, CommandModule } from 'yargs';
import { defaultGoldenMode, GOLDEN_MODES, isCi } from '../golden/golden-mode';
import type { GoldenMode } from '../golden/update-golden';
import type { CommandContext } from './command-context';
import type { ReporterName } from '../config/user-config';

/** Every reporter name. */
export const REPORTER_NAMES: readonly ReporterName[] = ['terminal', 'json', 'markdown', 'html', 'junit', 'github'];
import { withConfigOptions, type ConfigArgs } from './common-options';
import { withRedactedErrors } from './redact-errors';
import { errorMessage } from '../errors/error-message';
import { closest } from '../core/closest-name';
import type { ResolvedReporter } from '../config/resolved-config';
import { withConfigPath } from '../errors/with-config-path';
import { whyNotWritableDir } from '../io/writable-dir';

/** Arguments of `skew run`, as parsed by yargs. */
export interface RunArgs extends ConfigArgs {
  sample?: string | undefined;
  sampleMethod?: string | undefined;
  seed?: string | undefined;
  keys?: string | undefined;
  reporter?: string[] | undefined;
  url?: string | undefined;
  start?: boolean | undefined;
  skipBadRows?: boolean | undefined;
  failuresDir?: string | undefined;
  remember?: boolean | undefined;
  checks?: string[] | undefined;
  generatedSeed?: string | undefined;
  generatedRuns?: string | undefined;
  generatedPath?: string | undefined;
  updateGolden?: string | undefined;
  propose?: boolean | undefined;
  writeOnCi?: boolean | undefined;
  baseline?: string | undefined;
  debug?: boolean | undefined;
}

/**
 * `skew run`: loads the config, applies command-line overrides, runs, reports, and returns the verdict's exit
 * code (2 if a reporter could not write its output).
 */
export async function runCommand(args: RunArgs, io: CliIo, signal: AbortSignal): Promise<number> {
  const config = await loadConfig({
    file: args.config,
    cwd: io.cwd,
    target: args.target ?? null,
    env: io.env,
    overrides: overridesFrom(args, io.cwd),
  });
  return withRedactedErrors(config.secrets, async () => {
    const keys = args.keys !== undefined ? args.keys.split(',').map((k) => k.trim()).filter(Boolean) : undefined;
    if (keys && keys.length === 0) throw new UsageError('--keys needs at least one row key (comma-separated)');
    const checks = args.checks !== undefined ? parseChecks(args.checks) : undefined;
    checkReportFiles(config.report.reporters, config.report.dir);
    const reporters = createReporters(config.report.reporters, io, { color: args.color ?? shouldColor(io.stdout, io.env) });
    const reporter = new ReporterMultiplexer(reporters);
    const report = await runSkew({
      config,
      reporter,
      signal,
      cwd: io.cwd,
      // The local server's own output is shown live only with --debug: otherwise it would come before (and apart
      // from) the one line an error prints, and it is in the error's tail when the server fails.
      ...(args.debug ? { log: (line: string) => io.stderr.write(`${line}\n`) } : {}),
      ...(keys ? { keys } : {}),
      ...(checks ? { checks } : {}),
      ...(args.generatedPath ? { generatedPath: args.generatedPath } : {}),
      golden: goldenWriteOptions(args, io.env),
    });
    if (reporter.failures.length > 0) {
      const f = reporter.failures[0]!;
      const why = errorMessage(f.error);
      throw new SkewError('REPORT', `${f.reporter} reporter failed: ${why}`, { cause: f.error });
    }
    return report.verdict.exitCode;
  });
}

/**
 * Refuses, before anything runs, report files that could not be written (the report directory is a file, or not
 * writable): found after the run, the work would be lost and the terminal would already have named the files.
 */
function checkReportFiles(reporters: readonly ResolvedReporter[], dir: string): void {
  for (const [i, reporter] of reporters.entries()) {
    const file = reporter.options['file'];
    if (typeof file !== 'string') continue;
    const why = whyNotWritableDir(path.dirname(file));
    if (why !== null) {
      const setting = path.resolve(path.dirname(file)) === path.resolve(dir) ? 'report.dir (or --report-dir)' : `report.reporters[${i}]`;
      throw new SkewError('REPORT', withConfigPath(`cannot write the ${reporter.name} report ${file}: ${why}`, setting));
    }
  }
}

/**
 * The golden update mode of a command: `--update-golden` or the default (`missing` locally, `none` on CI). Writing
 * on CI needs `--write-on-ci`; `--propose` writes the would-be file into the report directory instead.
 */
export function goldenWriteOptions(args: { updateGolden?: string | undefined; propose?: boolean | undefined; writeOnCi?: boolean | undefined }, env: NodeJS.ProcessEnv): { mode: GoldenMode; propose: boolean } {
  const mode = args.updateGolden ?? defaultGoldenMode(env);
  if (!(GOLDEN_MODES as readonly string[]).includes(mode)) throw new UsageError(`--update-golden must be one of ${GOLDEN_MODES.join(', ')} (got "${mode}")`);
  const propose = args.propose ?? false;
  if (mode !== 'none' && !propose && isCi(env) && !args.writeOnCi) {
    throw new UsageError(`refusing to write golden files on CI (CI is set): pass --write-on-ci to write them, or --propose to write the would-be file into the report directory`);
  }
  return { mode: mode as GoldenMode, propose };
}

/** The `skew run` command for yargs. */
export function runCommandModule(ctx: CommandContext): CommandModule<object, RunArgs> {
  return {
    command: ['run', '$0'],
    describe: 'Replay sampled training rows through the offline pipeline and the serving endpoint, and diff the features',
    builder: (y) =>
      withConfigOptions(y)
        .option('sample', { alias: 'n', type: 'string', describe: 'Rows to sample, or "all"' })
        .option('sample-method', { type: 'string', choices: ['reservoir', 'stratified', 'key-hash', 'all'], describe: 'Sampling method' })
        .option('seed', { alias: 's', type: 'string', describe: 'Sampling seed (an integer)' })
        .option('checks', { type: 'array', string: true, describe: `Only these checks: ${CHECK_NAMES.join(', ')}` })
        .option('generated-seed', { type: 'string', describe: 'fast-check seed of generated-parity (default: the sampling seed)' })
        .option('generated-runs', { type: 'string', describe: 'Rows generated by generated-parity' })
        .option('generated-path', { type: 'string', describe: 'Replay one generated-parity case (from its Reproduce with: line)' })
        .option('keys', { type: 'string', describe: 'Only these row keys (comma-separated): reproduces single rows' })
        .option('reporter', { alias: 'r', type: 'array', string: true, describe: `Reporters: ${REPORTER_NAMES.join(', ')} (repeatable or comma-separated)` })
        .option('baseline', { type: 'string', describe: 'A previous report.json: list new, resolved, worse and better skews' })
        .option('url', { type: 'string', describe: 'Override serving.url' })
        .option('start', { type: 'boolean', describe: 'Start the local server of serving.start (--no-start to use one already running)' })
        .option('skip-bad-rows', { type: 'boolean', describe: 'Skip malformed source rows (counted and listed) instead of failing' })
        .option('failures-dir', { type: 'string', describe: 'Directory of the failure memory (default: .skew/failures beside the config)' })
        .option('remember', { type: 'boolean', describe: 'Replay and update the failure memory (--no-remember: neither)' })
        .option('update-golden', { type: 'string', describe: 'Golden files: none | missing | changed | all (default: missing; none on CI)' })
        .option('propose', { type: 'boolean', describe: 'Write the would-be golden file into the report directory instead of the repo' })
        .option('write-on-ci', { type: 'boolean', describe: 'Allow writing golden files when CI is set' }) as Argv<RunArgs>,
    handler: async (args) => {
      // `run` is also the default command: a word that is no command (`skew rnu`, `skew init`) must not start a run.
      const stray = ((args as { _?: unknown[] })._ ?? []).map(String).filter((word) => word !== 'run');
      if (stray.length > 0) throw new UsageError(unknownCommandMessage(stray[0]!));
      ctx.setExitCode(await runCommand(args, ctx.io, ctx.signal));
    },
  };
}

/** `unknown command "rnu" (did you mean "run"?); commands: run, golden, report, drift (see skew --help)` */
function unknownCommandMessage(word: string): string {
  const commands = ['run', 'golden', 'report', 'drift'];
  const near = closest(word, commands);
  return `unknown command "${word}"${near ? ` (did you mean "${near}"?)` : ''}; commands: ${commands.join(', ')} (see skew --help)`;
}


/** An integer flag, parsed here so the error can quote what was typed (yargs would turn "abc" into NaN). */
function integerFlag(flag: string, value: string | undefined, min = -Infinity): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`${flag} must be ${min === 0 ? 'a non-negative integer' : 'an integer'} (got ${JSON.stringify(value)})`);
  }
  return n;
}

function parseChecks(values: string[]): CheckName[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--checks needs at least one check (${CHECK_NAMES.join(', ')})`);
  for (const name of names) {
    if (!isCheckName(name)) throw new UsageError(`--checks: unknown check "${name}" (checks: ${CHECK_NAMES.join(', ')})`);
  }
  return names as CheckName[];
}

function overridesFrom(args: RunArgs, cwd: string): TargetConfig {
  const sample: NonNullable<TargetConfig['sample']> = {};
  if (args.sample !== undefined) {
    if (args.sample === 'all') sample.method = 'all';
    else {
      const size = Number(args.sample);
      if (!Number.isInteger(size) || size <= 0) throw new UsageError(`--sample must be a positive integer or "all" (got ${JSON.stringify(args.sample)})`);
      sample.size = size;
    }
  }
  if (args.sampleMethod !== undefined) sample.method = args.sampleMethod as 'reservoir';
  const seed = integerFlag('--seed', args.seed);
  if (seed !== undefined) sample.seed = seed;
  const overrides: TargetConfig = {};
  if (Object.keys(sample).length > 0) overrides.sample = sample;
  const serving: NonNullable<TargetConfig['serving']> = {};
  if (args.url !== undefined) serving.url = args.url;
  if (args.start === false) serving.start = null;
  if (Object.keys(serving).length > 0) overrides.serving = serving;
  if (args.skipBadRows) overrides.source = { onBadRow: 'skip' };
  if (args.failuresDir !== undefined || args.remember !== undefined) {
    overrides.failures = {
      ...(args.failuresDir !== undefined ? { dir: path.resolve(cwd, args.failuresDir) } : {}),
      ...(args.remember !== undefined ? { remember: args.remember } : {}),
    };
  }
  const generated: Record<string, number> = {};
  const generatedSeed = integerFlag('--generated-seed', args.generatedSeed);
  const generatedRuns = integerFlag('--generated-runs', args.generatedRuns, 0);
  if (generatedSeed !== undefined) generated['seed'] = generatedSeed;
  if (generatedRuns !== undefined) generated['runs'] = generatedRuns;
  if (args.generatedPath !== undefined && !/^\d+(:\d+)*$/.test(args.generatedPath)) {
    throw new UsageError(`--generated-path must be a fast-check path like 36:1:0 (got ${JSON.stringify(args.generatedPath)})`);
  }
  if (Object.keys(generated).length > 0) overrides.checks = { generatedParity: generated };
  const report: NonNullable<TargetConfig['report']> = {};
  if (args.reportDir !== undefined) report.dir = path.resolve(cwd, args.reportDir);
  if (args.baseline !== undefined) report.baseline = path.resolve(cwd, args.baseline);
  if (args.reporter !== undefined) {
    const names = args.reporter.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
    for (const name of names) {
      if (!(REPORTER_NAMES as readonly string[]).includes(name)) throw new UsageError(`--reporter must be one of ${REPORTER_NAMES.join(', ')} (got "${name}")`);
    }
    report.reporters = names as ReporterName[];
  }
  if (Object.keys(report).length > 0) overrides.report = report;
  return overrides;
}
