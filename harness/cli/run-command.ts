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

/** Arguments of `skew run`, as parsed by yargs. */
export interface RunArgs {
  config?: string | undefined;
  target?: string | undefined;
  sample?: string | undefined;
  sampleMethod?: string | undefined;
  seed?: number | undefined;
  keys?: string | undefined;
  reporter?: string[] | undefined;
  reportDir?: string | undefined;
  url?: string | undefined;
  start?: boolean | undefined;
  skipBadRows?: boolean | undefined;
  checks?: string[] | undefined;
  generatedSeed?: number | undefined;
  generatedRuns?: number | undefined;
  generatedPath?: string | undefined;
  color?: boolean | undefined;
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
  const keys = args.keys ? args.keys.split(',').map((k) => k.trim()).filter(Boolean) : undefined;
  const checks = args.checks ? parseChecks(args.checks) : undefined;
  const reporters = createReporters(config.report.reporters, io, { color: args.color ?? shouldColor(io.stdout, io.env) });
  const reporter = new ReporterMultiplexer(reporters);
  const report = await runSkew({
    config,
    reporter,
    signal,
    cwd: io.cwd,
    log: (line) => io.stderr.write(`${line}\n`),
    ...(keys ? { keys } : {}),
    ...(checks ? { checks } : {}),
    ...(args.generatedPath ? { generatedPath: args.generatedPath } : {}),
  });
  if (reporter.failures.length > 0) {
    const f = reporter.failures[0]!;
    const why = f.error instanceof Error ? f.error.message : String(f.error);
    throw new SkewError('REPORT', `${f.reporter} reporter failed: ${why}`, { cause: f.error });
  }
  return report.verdict.exitCode;
}

function parseChecks(values: string[]): CheckName[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
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
  if (args.seed !== undefined) {
    if (!Number.isInteger(args.seed)) throw new UsageError(`--seed must be an integer (got ${args.seed})`);
    sample.seed = args.seed;
  }
  const overrides: TargetConfig = {};
  if (Object.keys(sample).length > 0) overrides.sample = sample;
  const serving: NonNullable<TargetConfig['serving']> = {};
  if (args.url !== undefined) serving.url = args.url;
  if (args.start === false) serving.start = null;
  if (Object.keys(serving).length > 0) overrides.serving = serving;
  if (args.skipBadRows) overrides.source = { onBadRow: 'skip' };
  const generated: Record<string, number> = {};
  if (args.generatedSeed !== undefined) {
    if (!Number.isInteger(args.generatedSeed)) throw new UsageError(`--generated-seed must be an integer (got ${args.generatedSeed})`);
    generated['seed'] = args.generatedSeed;
  }
  if (args.generatedRuns !== undefined) {
    if (!Number.isInteger(args.generatedRuns) || args.generatedRuns < 0) throw new UsageError(`--generated-runs must be a non-negative integer (got ${args.generatedRuns})`);
    generated['runs'] = args.generatedRuns;
  }
  if (args.generatedPath !== undefined && !/^\d+(:\d+)*$/.test(args.generatedPath)) {
    throw new UsageError(`--generated-path must be a fast-check path like 36:1:0 (got ${JSON.stringify(args.generatedPath)})`);
  }
  if (Object.keys(generated).length > 0) overrides.checks = { generatedParity: generated };
  const report: NonNullable<TargetConfig['report']> = {};
  if (args.reportDir !== undefined) report.dir = path.resolve(cwd, args.reportDir);
  if (args.reporter !== undefined) {
    const names = args.reporter.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
    for (const name of names) {
      if (name !== 'terminal' && name !== 'json') throw new UsageError(`--reporter must be terminal or json (got "${name}")`);
    }
    report.reporters = names as Array<'terminal' | 'json'>;
  }
  if (Object.keys(report).length > 0) overrides.report = report;
  return overrides;
}
