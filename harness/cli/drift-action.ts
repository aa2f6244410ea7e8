import { buildDriftReport } from '../analysis/drift/build-drift-report';
import { EXIT_CODES } from '../core/verdict';
import { errorMessage } from '../errors/error-message';
import { SkewError } from '../errors/skew-error';
import { writeFileAtomic } from '../io/write-file-atomic';
import { createColors, shouldColor } from '../reporters/colors';
import { formatDriftReport } from '../reporters/format-drift-report';
import type { CliIo } from './cli-io';
import { resolveDriftOptions, type DriftArgs } from './drift/drift-options';
import { isEmptySourceError, readDriftSamples } from './drift/read-drift-sample';
import { serializeDriftReport } from './drift/serialize-drift-report';
import { exitCodeForError, formatError } from './exit-code';

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
