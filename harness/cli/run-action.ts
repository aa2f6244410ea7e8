import * as path from 'node:path';
import { isCheckName, CHECK_NAMES, type CheckName } from '../checks/check-names';
import { loadConfig } from '../config/load-config';
import type { TargetConfig } from '../config/user-config';
import { errorMessage } from '../errors/error-message';
import { SkewError } from '../errors/skew-error';
import { UsageError } from '../errors/usage-error';
import { shouldColor } from '../reporters/colors';
import { ReporterMultiplexer } from '../reporters/reporter-multiplexer';
import type { ReproduceFlags } from '../runner/reproduce-command';
import { runSkew } from '../runner/run-skew';
import type { CliIo } from './cli-io';
import { createReporters } from './create-reporters';
import { withRedactedErrors } from './redact-errors';
import type { ResolvedReporter } from '../config/resolved-config';
import { withConfigPath } from '../errors/with-config-path';
import { whyNotWritableDir } from '../io/writable-dir';
import { applyMemoryPolicy } from './memory-policy';
import { parseReporterNames } from './reporter-names';
import { goldenWriteOptions, type RunArgs } from './run-command';
import { resolveRunId, resolveShard } from './shard-options';

/**
 * `skew run`: loads the config, applies command-line overrides, runs, reports, and returns the verdict's exit
 * code (2 if a reporter could not write its output).
 */
export async function runCommand(given: RunArgs, io: CliIo, signal: AbortSignal): Promise<number> {
  applyMemoryPolicy();
  // `blob` is no report format: it asks for the shard's blob (written anyway with --shard).
  const names = given.reporter?.flatMap((r) => r.split(',')).map((r) => r.trim());
  const wantsBlob = names?.includes('blob') ?? false;
  const rest = names?.filter((n) => n !== 'blob');
  const args: RunArgs = { ...given, ...(rest !== undefined ? { reporter: rest.length > 0 ? rest : ['terminal'] } : {}) };
  const config = await loadConfig({
    file: args.config,
    cwd: io.cwd,
    target: args.target ?? null,
    env: io.env,
    overrides: overridesFrom(args, io.cwd),
  });
  if (config.cassette?.mode === 'replay' && config.start) {
    io.stderr.write(`skew: replaying serving from ${path.relative(io.cwd, config.cassette.dir) || '.'}: serving.start is not run, nothing is sent\n`);
  }
  return withRedactedErrors(config.secrets, async () => {
    const keys = args.keys !== undefined ? args.keys.split(',').map((k) => k.trim()).filter(Boolean) : undefined;
    if (keys && keys.length === 0) throw new UsageError('--keys needs at least one row key (comma-separated)');
    const checks = args.checks !== undefined ? parseChecks(args.checks) : undefined;
    const shard = resolveShard(args.shard, args.shardTotal, config.shardTotal, io.env) ?? undefined;
    if (shard && keys) throw new UsageError('--keys reruns single rows: it cannot be sharded (drop --shard)');
    const golden = goldenWriteOptions(args, io.env);
    if (shard && args.updateGolden !== undefined && args.updateGolden !== 'none') {
      throw new UsageError('--update-golden cannot be used with --shard: golden files are written by an unsharded run');
    }
    const runId = shard || wantsBlob ? resolveRunId(args.runId, io.env, config.configHash, config.sample.seed) : undefined;
    // A shard's output is its blob: it writes report files only when --reporter asks for them (n shards would
    // otherwise overwrite one another's partial reports, and the merged one).
    const chosen = shard && given.reporter === undefined ? config.report.reporters.filter((r) => r.name === 'terminal') : config.report.reporters;
    checkReportFiles(chosen, config.report.dir);
    const reporters = createReporters(chosen, io, { color: args.color ?? shouldColor(io.stdout, io.env) });
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
      // A shard only checks golden rows: writes belong to an unsharded run.
      golden: shard ? { mode: 'none', propose: false } : golden,
      ...(shard ? { shard } : {}),
      ...(runId !== undefined ? { blob: { runId } } : {}),
      flags: reproduceFlags(args, io.cwd),
    });
    if (reporter.failures.length > 0) {
      const f = reporter.failures[0]!;
      const why = errorMessage(f.error);
      throw new SkewError('REPORT', `${f.reporter} reporter failed: ${why}`, { cause: f.error });
    }
    return report.verdict.exitCode;
  });
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
  for (const [flag, value] of [['--record-serving', args.recordServing], ['--replay-serving', args.replayServing]] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a directory`);
  }
  if (args.recordServing !== undefined && args.replayServing !== undefined) throw new UsageError('--record-serving and --replay-serving cannot be used together: a run records serving or replays it');
  // The flag wins over the config's other mode (a config that records nightly can be replayed on a pull request).
  if (args.recordServing !== undefined) Object.assign(serving, { record: path.resolve(cwd, args.recordServing), replay: null });
  if (args.replayServing !== undefined) Object.assign(serving, { replay: path.resolve(cwd, args.replayServing), record: null });
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
    report.reporters = parseReporterNames(args.reporter);
  }
  if (Object.keys(report).length > 0) overrides.report = report;
  return overrides;
}

/**
 * The options given that change what the run does, for its `Reproduce with:` lines (`--checks`, `--keys` and
 * `--generated-path` reach them through the run's own options). Left out: `--record-serving` — the run compares the
 * same answers with it or without, and a pasted line would overwrite the cassette (once written, the config's replay,
 * if any, replays those very answers); golden writes (`--update-golden`, `--propose`), for the same reason; and what
 * only shapes output (`--reporter`, `--report-dir`, `--baseline`, `--color`, `--debug`) or names a shard.
 */
function reproduceFlags(args: RunArgs, cwd: string): ReproduceFlags {
  return {
    ...(args.url !== undefined ? { url: args.url } : {}),
    ...(args.start === false ? { noStart: true } : {}),
    ...(args.replayServing !== undefined ? { replayServing: path.resolve(cwd, args.replayServing) } : {}),
    ...(args.skipBadRows ? { skipBadRows: true } : {}),
    ...(args.failuresDir !== undefined ? { failuresDir: path.resolve(cwd, args.failuresDir) } : {}),
    ...(args.remember === false ? { noRemember: true } : {}),
    ...(args.generatedSeed !== undefined ? { generatedSeed: Number(args.generatedSeed) } : {}),
    ...(args.generatedRuns !== undefined ? { generatedRuns: Number(args.generatedRuns) } : {}),
  };
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
