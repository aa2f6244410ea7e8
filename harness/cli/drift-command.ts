import type { Argv, CommandModule } from 'yargs';
import { errorMessage } from '../errors/error-message';
import { SkewError } from '../errors/skew-error';
import { EXIT_CODES } from '../core/verdict';
import { writeFileAtomic } from '../io/write-file-atomic';
import { createColors, shouldColor } from '../reporters/colors';
import type { CliIo } from './cli-io';
import { buildDriftReport } from '../analysis/drift/build-drift-report';
import { resolveDriftOptions, type DriftArgs, DRIFT_DEFAULTS } from './drift/drift-options';
import { formatDriftReport } from '../reporters/format-drift-report';
import { isEmptySourceError, readDriftSamples } from './drift/read-drift-sample';
import { serializeDriftReport } from './drift/serialize-drift-report';
import { exitCodeForError, formatError } from './exit-code';

export type { DriftArgs } from './drift/drift-options';

/** What the `drift` command needs from the CLI that registers it. */
export interface DriftCommandContext {
  /** Streams, working directory and environment. */
  io: CliIo;
  /** Receives the command's exit code (the CLI resolves to it). */
  setExitCode(code: number): void;
  /** Aborts reading (Ctrl-C): the command then exits 130. */
  signal?: AbortSignal | undefined;
}

/**
 * `skew drift` as a yargs 17 command module: options, help and a handler that runs {@link runDrift} and hands
 * its exit code to `context.setExitCode` (the handler never throws: errors are printed and become exit 2).
 *
 * @example
 * // in main.ts, beside `run`:
 * yargs(argv).command(driftCommand({ io, signal: controller.signal, setExitCode: (code) => { exitCode = code; } }))
 */
export function driftCommand(context: DriftCommandContext): CommandModule<object, DriftArgs> {
  const t = DRIFT_DEFAULTS.thresholds;
  return {
    command: 'drift',
    describe: 'Compare feature distributions of a training/baseline file with a serving log (PSI, Jensen–Shannon, L∞ per column)',
    builder: (y: Argv<object>) =>
      y
        .option('baseline', { alias: 'b', type: 'string', demandOption: true, describe: 'Training / baseline feature file (CSV or JSON Lines)' })
        .option('current', { type: 'string', demandOption: true, describe: 'Serving log / current feature file (CSV or JSON Lines)' })
        .option('format', { type: 'string', choices: ['csv', 'jsonl'], describe: 'Format of both files (default: from the extension; .jsonl/.ndjson are JSON Lines)' })
        .option('key', { type: 'array', string: true, describe: 'Key column(s), left out of the comparison (comma-separated or repeated)' })
        .option('ignore', { type: 'array', string: true, describe: 'Columns left out of the comparison (comma-separated or repeated)' })
        .option('psi', { type: 'number', describe: `Numeric drift when PSI > this (default ${t.psi}; < 0.1 stable, 0.1–0.2 moderate, > 0.2 significant)` })
        .option('js', { type: 'number', describe: `Numeric drift when the Jensen–Shannon divergence (base 2) > this (default ${t.jensenShannon})` })
        .option('linf', { type: 'number', describe: `Categorical drift when the L∞ distance of category shares > this (default ${t.lInfinity})` })
        .option('json', { type: 'string', describe: 'Also write the versioned JSON report to this file (atomically)' })
        .option('sample', { alias: 'n', type: 'string', describe: `Rows sampled per file (seeded reservoir), or "all" (default ${DRIFT_DEFAULTS.sample})` })
        .option('seed', { alias: 's', type: 'number', describe: `Sampling seed (default ${DRIFT_DEFAULTS.seed})` })
        .option('skip-bad-rows', { type: 'boolean', describe: 'Skip malformed records (counted) instead of failing' })
        .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a TTY unless NO_COLOR)' }),
    handler: async (args) => {
      context.setExitCode(await runDrift(args, context.io, context.signal));
    },
  };
}

/**
 * `skew drift`: reads a sample of both files, compares every column they share, prints the table to stdout,
 * writes the JSON report if asked, and resolves to the exit code — 0 no column over its threshold, 1 drift (a
 * column over a threshold, or a column whose type changed), 2 bad input (one line on stderr naming the file and
 * line, or the argument), 3 nothing comparable (no common columns, an empty file), 130 interrupted.
 * Never throws.
 *
 * @example
 * const code = await runDrift({ baseline: 'train.csv', current: 'serving.jsonl', ignore: ['request_id'] }, processIo());
 */
export async function runDrift(args: DriftArgs, io: CliIo, signal?: AbortSignal): Promise<number> {
  try {
    const options = resolveDriftOptions(args, io.cwd);
    const [baseline, current] = await readDriftSamples(options, signal);
    const report = buildDriftReport({ baseline, current, sample: options.sample, thresholds: options.thresholds, exclude: options.exclude });
    for (const name of options.exclude) {
      if (!report.excluded.includes(name)) io.stderr.write(`skew drift: --key/--ignore column "${name}" is in neither file\n`);
    }
    io.stdout.write(formatDriftReport(report, createColors(args.color ?? shouldColor(io.stdout, io.env))));
    if (options.json !== null) {
      try {
        await writeFileAtomic(options.json, serializeDriftReport(report));
      } catch (error) {
        throw new SkewError('REPORT', `could not write the drift report: ${options.json}: ${errorMessage(error)}`, { cause: error });
      }
    }
    return report.verdict.exitCode;
  } catch (error) {
    if (signal?.aborted) return EXIT_CODES.interrupted;
    if (isEmptySourceError(error)) {
      // 3 is the harness's "inconclusive": an empty file is no evidence either way, not a broken input.
      io.stderr.write(`skew: nothing to compare: ${error.message}\n`);
      return EXIT_CODES.inconclusive;
    }
    io.stderr.write(`${formatError(error, args.debug ?? false)}\n`);
    return exitCodeForError(error);
  }
}
