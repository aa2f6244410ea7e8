import { CHECK_CONFIG_KEYS, CHECK_NAMES, type CheckName } from '../checks/check-names';
import type { SkewReport } from '../core/report';
import type { ResolvedConfig } from '../config/resolved-config';
import * as path from 'node:path';
import { SkewError } from '../errors/skew-error';
import type { Reporter } from '../reporters/reporter';
import { assembleReport, reportFacts } from './build-report';
import { blobFileName, buildShardBlob, serializeBlob } from './shard-blob';
import { writeFileAtomic } from '../io/write-file-atomic';
import { shardOfWholeCheck, type Shard } from '../core/shard';
import { computeTrend } from '../core/trend';
import { readBaseline } from './read-baseline';
import type { GoldenMode } from '../golden/update-golden';
import { openSkewSession, type SkewSession } from './skew-session';
import type { ReproduceFlags, ReproduceRun } from './reproduce-command';

/** Options of {@link runSkew}. */
export interface RunSkewOptions {
  /** The resolved config. */
  config: ResolvedConfig;
  /** Receives run events (use a `ReporterMultiplexer` for several). */
  reporter?: Reporter;
  /** Aborting it stops the run (Ctrl-C): adapters are closed, the local server stopped, nothing is reported. */
  signal?: AbortSignal;
  /** Directory paths in the report are relative to. Default `process.cwd()`. */
  cwd?: string;
  /** Lines for the user that are not part of the report (server output, warnings). */
  log?: (line: string) => void;
  /** Only these row keys, instead of a sample (reproducing single rows). */
  keys?: readonly string[];
  /** Only these checks (of those the config enables; `--checks`). */
  checks?: readonly CheckName[];
  /** Replay one generated-parity case by its fast-check path. */
  generatedPath?: string;
  /** Golden update mode and `--propose`. Default: mode `none`. */
  golden?: { mode: GoldenMode; propose: boolean };
  /** Run one shard of the run (`--shard i/n`): see the README, Sharding. */
  shard?: Shard;
  /** Write this shard's blob into `report.dir` (`--reporter blob`, on by default with `--shard`). */
  blob?: { runId: string };
  /**
   * Command-line options already applied to `config` that change what the run does (`--url`, `--no-start`, …): every
   * `Reproduce with:` line carries them. Set by the CLI; a caller that builds its config itself has none.
   */
  flags?: ReproduceFlags;
}

/**
 * Whether a shard runs a check: parity divides its rows (every shard), determinism runs on every shard (parity
 * there discounts the noise it measures), every other check runs whole on one shard, dealt round-robin.
 */
export function shardRunsCheck(name: CheckName, checks: readonly CheckName[], shard: Shard | undefined): boolean {
  if (!shard || shard.total <= 1 || name === 'parity' || name === 'determinism') return true;
  const whole = checks.filter((c) => c !== 'parity' && c !== 'determinism');
  return shardOfWholeCheck(whole.indexOf(name), shard.total) === shard.index;
}

/** The checks a run executes, in run order: enabled in the config and, if given, selected. */
export function selectChecks(config: ResolvedConfig, selected?: readonly CheckName[]): CheckName[] {
  const enabled = (name: CheckName) => (name === 'golden' ? config.golden.enabled : config.checks[CHECK_CONFIG_KEYS[name as Exclude<CheckName, 'golden'>]].enabled);
  return CHECK_NAMES.filter((name) => (selected ? selected.includes(name) : enabled(name)));
}

/**
 * Runs skew-harness once: opens a session (sample, local server, adapters), runs the selected checks in order,
 * decides the verdict and hands the report to the reporter. Returns the report; throws a {@link SkewError} when
 * the run cannot happen at all (config, source, offline pipeline), and an `INTERRUPTED` SkewError when aborted.
 * Whatever happens, adapters are closed and the local server is stopped.
 */
export async function runSkew(options: RunSkewOptions): Promise<SkewReport> {
  const { config, reporter, signal } = options;
  const cwd = options.cwd ?? process.cwd();
  const startedAt = Date.now();
  reporter?.onBegin?.({
    configFile: config.configFile ? path.relative(cwd, config.configFile) || config.configFile : null,
    target: config.target,
    source: path.relative(cwd, config.source.path) || config.source.path,
    sample: { size: config.sample.size, method: config.sample.method, seed: config.sample.seed },
  });
  let session: SkewSession | undefined;
  // Aborted when the run fails, so the other side of a check that failed stops at once instead of running on.
  const stop = new AbortController();
  const sessionSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  try {
    // Read the baseline first: an unreadable one should stop the run before any work, not after.
    const baseline = config.report.baseline ? await readBaseline(config.report.baseline, cwd) : null;
    const { shard } = options;
    const reproduce: ReproduceRun = { configFile: config.configFile, target: config.target, sample: config.sample, checks: options.checks, generatedPath: options.generatedPath, keys: options.keys, flags: options.flags };
    session = await openSkewSession(config, { signal: sessionSignal, reporter, log: options.log, keys: options.keys, generatedPath: options.generatedPath, cwd, golden: options.golden, shard, reproduce });
    reporter?.onSampled?.({
      rowsRead: session.sample.rowsRead,
      rowsSampled: session.sample.rows.length,
      offline: session.offline.description,
      online: session.redact(session.online.description),
    });
    const checks = selectChecks(config, options.checks);
    for (const name of checks) if (shardRunsCheck(name, checks, shard)) await session.runCheck(name);
    // Shards leave the failure memory to a whole run: n processes must not race on one file.
    if (!shard || shard.total <= 1) await session.rememberFailures();
    await session.saveServingCassette();
    const facts = reportFacts(session, { startedAt, cwd, keys: options.keys });
    const report = assembleReport(facts, session.results, session.warnings, session.parityTimings, startedAt);
    if (options.blob) {
      const blobShard = shard ?? { index: 0, total: 1 };
      const blob = buildShardBlob(session, facts, { runId: options.blob.runId, shard: blobShard, checks, startedAt, cwd });
      await writeFileAtomic(path.join(config.report.dir, blobFileName(options.blob.runId, blobShard)), serializeBlob(blob, session.redact));
    }
    if (baseline && config.report.baseline) {
      report.trend = computeTrend(report.checks, baseline.checks, { file: path.relative(cwd, config.report.baseline) || config.report.baseline, startedAt: baseline.run.startedAt });
    }
    await reporter?.onEnd?.(report);
    return report;
  } catch (error) {
    // Interrupted or failed, reporters stop what they run (a terminal's progress bar redraws on a timer of its own,
    // which would keep the process alive after an interrupt).
    reporter?.onError?.(error);
    if (signal?.aborted) throw new SkewError('INTERRUPTED', 'interrupted', { cause: error });
    stop.abort(error);
    throw error;
  } finally {
    await session?.close();
  }
}
