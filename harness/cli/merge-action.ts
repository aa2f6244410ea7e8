import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ResolvedReporter } from '../config/resolved-config';
import { DEFAULT_REPORT_FILES } from '../config/resolve-config';
import type { ReporterName } from '../config/user-config';
import { EXIT_CODES } from '../core/verdict';
import { errorMessage } from '../errors/error-message';
import { SkewError } from '../errors/skew-error';
import { UsageError } from '../errors/usage-error';
import { shouldColor } from '../reporters/colors';
import { ReporterMultiplexer } from '../reporters/reporter-multiplexer';
import { mergeShardBlobs } from '../runner/merge-blobs';
import { BLOB_FORMAT, BLOB_VERSION, blobFileName, parseBlob, type ShardBlob } from '../runner/shard-blob';
import type { CliIo } from './cli-io';
import { createReporters } from './create-reporters';
import type { MergeArgs } from './merge-command';
import { REPORTER_NAMES } from './run-command';

/**
 * `skew merge DIR`: reads every blob in DIR, refuses blobs of different runs, configs or harness versions (exit 2,
 * naming two that differ), names missing shards (exit 3), merges them and renders every report format; returns the
 * verdict's exit code, as the whole run would.
 */
export async function mergeCommand(args: MergeArgs, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, args.dir ?? '.');
  const shown = path.relative(io.cwd, dir) || '.';
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /^blob-.+\.json$/.test(n)).sort();
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${errorMessage(error)}`);
  }
  if (names.length === 0) throw new UsageError(`no shard blobs (blob-*.json) in ${shown}: run the shards with skew run --shard i/n`);
  const blobs: Array<{ file: string; blob: ShardBlob }> = [];
  for (const file of names) {
    let blob: ShardBlob | null;
    try {
      blob = parseBlob(await readFile(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw new UsageError(`${path.join(shown, file)}: not a readable skew blob (${errorMessage(error).split('\n')[0]})`);
    }
    if (!blob) throw new UsageError(`${path.join(shown, file)}: not a skew blob (no "format": "${BLOB_FORMAT}")`);
    if (blob.version !== BLOB_VERSION) throw new UsageError(`${path.join(shown, file)}: blob version ${blob.version}, this skew-harness reads version ${BLOB_VERSION}`);
    blobs.push({ file, blob });
  }
  const first = blobs[0]!;
  for (const other of blobs.slice(1)) {
    for (const [what, of] of [
      ['run id', (b: ShardBlob) => b.runId],
      ['harness version', (b: ShardBlob) => b.harness],
      ['config hash', (b: ShardBlob) => b.configHash],
      ['number of shards', (b: ShardBlob) => String(b.shard.total)],
    ] as const) {
      if (of(other.blob) !== of(first.blob)) {
        throw new UsageError(`${first.file} and ${other.file} in ${shown} differ in ${what} (${of(first.blob)} vs ${of(other.blob)}): merge the blobs of one run only`);
      }
    }
  }
  const total = first.blob.shard.total;
  const byIndex = new Map<number, ShardBlob>();
  for (const { file, blob } of blobs) {
    if (byIndex.has(blob.shard.index)) throw new UsageError(`${shown} holds shard ${blob.shard.index + 1} of ${total} twice (${file})`);
    byIndex.set(blob.shard.index, blob);
  }
  const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const files = missing.map((i) => blobFileName(first.blob.runId, { index: i, total })).join(', ');
    io.stderr.write(`skew: shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => i + 1).join(', ')} of ${total} ${missing.length === 1 ? 'is' : 'are'} missing from ${shown} (${files})\n`);
    return EXIT_CODES.inconclusive;
  }
  const ordered = Array.from({ length: total }, (_, i) => byIndex.get(i)!);
  const report = mergeShardBlobs(ordered, io.cwd);
  const reporter = new ReporterMultiplexer(createReporters(reportersFor(args, first.blob, io.cwd), io, { color: args.color ?? shouldColor(io.stdout, io.env) }));
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
  const names = args.reporter.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
  for (const name of names) {
    if (!(REPORTER_NAMES as readonly string[]).includes(name)) throw new UsageError(`--reporter must be one of ${REPORTER_NAMES.join(', ')} (got "${name}")`);
  }
  return names.map((name) => {
    const file = DEFAULT_REPORT_FILES[name as ReporterName];
    return { name: name as ReporterName, options: file ? { file: path.join(reportDir, file) } : {} };
  });
}
