import { applyMemoryPolicy } from './memory-policy';
import { parseReporterNames } from './reporter-names';
import * as path from 'node:path';
import { loadConfig } from '../config/load-config';
import type { LogsConfig } from '../config/logs-config';
import type { TargetConfig } from '../config/user-config';
import { EXIT_CODES } from '../core/verdict';
import { errorMessage } from '../errors/error-message';
import { SkewError } from '../errors/skew-error';
import { UsageError } from '../errors/usage-error';
import { shouldColor } from '../reporters/colors';
import { ReporterMultiplexer } from '../reporters/reporter-multiplexer';
import { runLogs } from '../runner/logs/run-logs';
import type { CliIo } from './cli-io';
import { createReporters } from './create-reporters';
import { isEmptySourceError } from './drift/read-drift-sample';
import type { LogsArgs } from './logs-command';
import { withRedactedErrors } from './redact-errors';

/**
 * `skew logs`: loads the config (its `logs` section, with the command line's overrides), runs, reports, and returns
 * the verdict's exit code — 0 clean, 1 skew (or a shift with `logs.drift.fail`), 2 bad input, 3 inconclusive (no
 * logged record to compare, too many rows the pipeline failed on), 130 interrupted.
 */
export async function runLogsCommand(args: LogsArgs, io: CliIo, signal: AbortSignal): Promise<number> {
  applyMemoryPolicy();
  const config = await loadConfig({ file: args.config, cwd: io.cwd, target: args.target ?? null, env: io.env, overrides: overridesFrom(args, io.cwd) });
  return withRedactedErrors(config.secrets, async () => {
    const keys = args.keys !== undefined ? args.keys.split(',').map((k) => k.trim()).filter(Boolean) : undefined;
    if (keys && keys.length === 0) throw new UsageError('--keys needs at least one row key (comma-separated)');
    const reporters = createReporters(config.report.reporters, io, { color: args.color ?? shouldColor(io.stdout, io.env) });
    const reporter = new ReporterMultiplexer(reporters);
    try {
      const report = await runLogs({ config, reporter, signal, cwd: io.cwd, ...(keys ? { keys } : {}) });
      if (reporter.failures.length > 0) {
        const f = reporter.failures[0]!;
        throw new SkewError('REPORT', `${f.reporter} reporter failed: ${errorMessage(f.error)}`, { cause: f.error });
      }
      return report.verdict.exitCode;
    } catch (error) {
      if (isEmptySourceError(error) && config.logs && error.file === config.logs.log.path) {
        // An empty log is no evidence either way: inconclusive, as for `skew drift`, not unreadable input.
        io.stderr.write(`skew: nothing to compare: ${error.message}\n`);
        return EXIT_CODES.inconclusive;
      }
      throw error;
    }
  });
}

function overridesFrom(args: LogsArgs, cwd: string): TargetConfig {
  const logs: NonNullable<TargetConfig['logs']> = {};
  if (args.log !== undefined) logs.path = path.resolve(cwd, args.log);
  if (args.since !== undefined) logs.since = args.since;
  if (args.until !== undefined) logs.until = args.until;
  const sample: NonNullable<LogsConfig['sample']> = {};
  if (args.sample !== undefined) {
    if (args.sample === 'all') sample.method = 'all';
    else {
      const size = Number(args.sample);
      if (!Number.isInteger(size) || size <= 0) throw new UsageError(`--sample must be a positive integer or "all" (got ${JSON.stringify(args.sample)})`);
      sample.size = size;
    }
  }
  if (args.seed !== undefined) {
    const seed = Number(args.seed);
    if (args.seed.trim() === '' || !Number.isInteger(seed)) throw new UsageError(`--seed must be an integer (got ${JSON.stringify(args.seed)})`);
    sample.seed = seed;
  }
  if (Object.keys(sample).length > 0) logs.sample = sample;
  if (args.skipBadRows) logs.onBadRow = 'skip';
  const overrides: TargetConfig = Object.keys(logs).length > 0 ? { logs } : {};
  const report: NonNullable<TargetConfig['report']> = {};
  if (args.reportDir !== undefined) report.dir = path.resolve(cwd, args.reportDir);
  if (args.reporter !== undefined) {
    report.reporters = parseReporterNames(args.reporter);
  }
  if (Object.keys(report).length > 0) overrides.report = report;
  return overrides;
}
