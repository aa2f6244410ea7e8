import * as path from 'node:path';
import type { ResolvedReporter } from '../config/resolved-config';
import { DEFAULT_REPORT_FILES } from '../config/resolve-config';
import { EXIT_CODES } from '../core/verdict';
import { errorMessage } from '../errors/error-message';
import { computeTrend } from '../core/trend';
import { SkewError } from '../errors/skew-error';
import { shouldColor } from '../reporters/colors';
import { ReporterMultiplexer } from '../reporters/reporter-multiplexer';
import { mergeShardBlobs } from '../runner/merge-blobs';
import { rememberMergedFailures } from '../runner/merge-memory';
import type { ShardBlob } from '../runner/shard-blob';
import { describeMissingShards, readShardBlobs } from '../runner/read-shard-blobs';
import { readBaseline } from '../runner/read-baseline';
import type { CliIo } from './cli-io';
import { createReporters } from './create-reporters';
import type { MergeArgs } from './merge-command';
import { parseReporterNames } from './reporter-names';

/**
 * `skew merge DIR [--baseline PREVIOUS]`: reads every blob in DIR, refuses blobs of different runs, configs or harness
 * versions (exit 2, naming two that differ), names missing shards (exit 3), merges them (with the trend against the
 * previous night's report or blobs) and renders every report format; returns the verdict's exit code, as the whole run
 * would.
 */
export async function mergeCommand(args: MergeArgs, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, args.dir ?? '.');
  const shown = path.relative(io.cwd, dir) || '.';
  const set = await readShardBlobs(dir, shown);
  if (set.kind === 'missing') {
    io.stderr.write(`skew: ${describeMissingShards(set, shown)}\n`);
    return EXIT_CODES.inconclusive;
  }
  const ordered = set.blobs;
  // Read before anything is written: an unreadable baseline stops the merge with its one line.
  const baselineFile = args.baseline === undefined ? null : path.resolve(io.cwd, args.baseline);
  const baseline = baselineFile ? await readBaseline(baselineFile, io.cwd) : null;
  const { report, findings } = mergeShardBlobs(ordered, io.cwd);
  // The shards left the failure memory alone (n processes must not race on one file): the merge updates it once.
  const failures = ordered[0]!.failures;
  if (failures?.remember) report.checks = await rememberMergedFailures(path.resolve(io.cwd, failures.dir), findings, report.checks, failures.perField);
  if (baseline && baselineFile) {
    report.trend = computeTrend(report.checks, baseline.checks, { file: path.relative(io.cwd, baselineFile) || baselineFile, startedAt: baseline.run.startedAt });
  }
  const reporter = new ReporterMultiplexer(createReporters(reportersFor(args, ordered[0]!, io.cwd), io, { color: args.color ?? shouldColor(io.stdout, io.env) }));
  await reporter.onEnd(report);
  if (reporter.failures.length > 0) {
    const f = reporter.failures[0]!;
    throw new SkewError('REPORT', `${f.reporter} reporter failed: ${errorMessage(f.error)}`, { cause: f.error });
  }
  return report.verdict.exitCode;
}

/** The reporters to render: `--reporter` (files in `--report-dir`), else the shards' own (files from the shard's directory). */
function reportersFor(args: MergeArgs, blob: ShardBlob, cwd: string): ResolvedReporter[] {
  const reportDir = args.reportDir !== undefined ? path.resolve(cwd, args.reportDir) : path.resolve(cwd, blob.reportDir);
  if (args.reporter === undefined) {
    return blob.reporters.map((r) => {
      const file = r.options['file'];
      if (typeof file !== 'string') return r;
      return { name: r.name, options: { ...r.options, file: args.reportDir !== undefined ? path.join(reportDir, path.basename(file)) : path.resolve(cwd, file) } };
    });
  }
  return parseReporterNames(args.reporter).map((name) => {
    const file = DEFAULT_REPORT_FILES[name];
    return { name, options: file ? { file: path.join(reportDir, file) } : {} };
  });
}
