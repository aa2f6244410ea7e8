import * as path from 'node:path';
import type { FeatureAdapter } from '../adapters/feature-adapter';
import { createServingAdapter, startLocalServer, type LocalServer, type ServingAdapter } from '../adapters/serving';
import { runParityCheck } from '../checks/parity';
import type { CheckResult } from '../core/check-result';
import { createComparePolicy } from '../core/compare-policy';
import { REPORT_SCHEMA_VERSION, type SkewReport } from '../core/report';
import type { Redactor } from '../core/row';
import { summarizeVerdict } from '../core/summarize-verdict';
import { decideVerdict } from '../core/verdict';
import { createRedactor } from '../config/redactor';
import type { ResolvedConfig } from '../config/resolved-config';
import { SkewError } from '../errors/skew-error';
import type { Reporter } from '../reporters/reporter';
import { readSample, type SampleResult } from '../source';
import { UsageError } from '../errors/usage-error';
import { TOOL_VERSION } from '../version';
import { planColumns } from './column-roles';
import { createOfflineAdapter } from './create-offline-adapter';
import { reproduceCommand } from './reproduce-command';
import { servingStatsInfo } from './serving-stats-info';

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
  /** Lines for the user that are not part of the report (server start, warnings). */
  log?: (line: string) => void;
  /** Only these row keys, instead of a sample (reproducing single rows). */
  keys?: readonly string[];
}

/**
 * Runs skew-harness once: samples the source, starts the local server if configured, runs the checks, decides
 * the verdict and hands the report to the reporter. Returns the report; throws a {@link SkewError} when the run
 * cannot happen at all (config, source, offline pipeline), and an `INTERRUPTED` SkewError when aborted.
 * Whatever happens, adapters are closed and the local server is stopped.
 */
export async function runSkew(options: RunSkewOptions): Promise<SkewReport> {
  const { config, reporter, signal } = options;
  const cwd = options.cwd ?? process.cwd();
  const relative = (p: string) => path.relative(cwd, p) || p;
  const redact = createRedactor(config.secrets);
  const started = Date.now();
  const t0 = performance.now();

  reporter?.onBegin?.({
    configFile: config.configFile ? relative(config.configFile) : null,
    target: config.target,
    source: relative(config.source.path),
    sample: { size: config.sample.size, method: config.sample.method, seed: config.sample.seed },
  });

  const adapters: FeatureAdapter[] = [];
  let server: LocalServer | null = null;
  try {
    const sample = await readRows(config, options.keys, signal);
    const sampleMs = Math.round(performance.now() - t0);
    const plan = planColumns(config, sample.columns);

    const offline = await createOfflineAdapter(config.offline, plan.featureColumns);
    adapters.push(offline);
    let servingOptions = config.serving;
    if (config.start) {
      const log = options.log;
      server = await startLocalServer(config.start, { redact, ...(signal ? { signal } : {}), ...(log ? { log: (line: string) => log(`serving | ${line}`) } : {}) });
      const running = server;
      servingOptions = {
        ...servingOptions,
        url: running.resolveUrl(servingOptions.url),
        batch: servingOptions.batch ? { ...servingOptions.batch, url: running.resolveUrl(servingOptions.batch.url) } : null,
      };
    }
    const online: ServingAdapter = createServingAdapter(servingOptions, { redact });
    adapters.push(online);

    reporter?.onSampled?.({
      rowsRead: sample.rowsRead,
      rowsSampled: sample.rows.length,
      offline: offline.description,
      online: redact(online.description),
    });

    const policy = createComparePolicy(config.compare);
    const checks: CheckResult[] = [];
    let timings = { offlineMs: 0, onlineMs: 0 };
    let compared = 0;
    let errors = { offline: 0, online: 0, rows: 0 };
    let notRun = 0;

    if (config.checks.parity) {
      reporter?.onCheckBegin?.('parity', sample.rows.length);
      const parity = await runParityCheck({
        rows: sample.rows,
        offline,
        online,
        offlineFields: plan.offlineFields,
        onlineFields: plan.onlineFields,
        policy,
        examples: config.report.examples,
        ...(signal ? { signal } : {}),
        onProgress: (side, done, total) => reporter?.onProgress?.({ check: 'parity', side, done, total }),
      });
      // Adapters answer an abort with `skipped` rows rather than an exception: a cut-short run must not report.
      signal?.throwIfAborted();
      const result = redactCheck(parity.result, redact);
      checks.push(result);
      reporter?.onCheckEnd?.(result);
      timings = parity.timings;
      compared = result.rows.compared;
      errors = { offline: result.rows.offlineErrors, online: result.rows.onlineErrors, rows: result.rows.total - result.rows.notRun };
      notRun = result.rows.notRun;
    }

    const verdict = decideVerdict({
      checks,
      errors,
      errorBudget: config.budget.errorRate,
      compared,
      minCompared: config.budget.minCompared,
      servingUnavailable: online.unavailable ? redact(online.unavailable) : undefined,
    });

    const report: SkewReport = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'skew-harness', version: TOOL_VERSION },
      run: {
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: Date.now() - started,
        configFile: config.configFile ? relative(config.configFile) : null,
        configHash: config.configHash,
        target: config.target,
        seed: config.sample.seed,
        sampleSize: config.sample.size,
        sampleMethod: config.sample.method,
        versions: { node: process.version, platform: `${process.platform}-${process.arch}` },
        timings: { sampleMs, ...timings, totalMs: Math.round(performance.now() - t0) },
      },
      source: {
        path: relative(config.source.path),
        format: config.source.format,
        columns: plan.columns,
        badRows: sample.badRows,
        badRowCount: sample.badRowCount,
      },
      sides: {
        offline: { description: offline.description },
        online: { description: redact(online.description), stats: servingStatsInfo(online) },
      },
      accounting: {
        rowsRead: sample.rowsRead,
        rowsSampled: sample.rows.length,
        rowsCompared: compared,
        offlineErrors: errors.offline,
        onlineErrors: errors.online,
        notRun,
      },
      checks,
      verdict: { ...verdict, summary: summarizeVerdict(verdict) },
      reproduce: reproduceCommand(config, cwd, options.keys ? { keys: options.keys } : {}),
    };
    await reporter?.onEnd?.(report);
    return report;
  } catch (error) {
    if (signal?.aborted) throw new SkewError('INTERRUPTED', 'interrupted', { cause: error });
    reporter?.onError?.(error);
    throw error;
  } finally {
    await Promise.allSettled(adapters.map((a) => a.close()));
    await server?.stop();
  }
}

/** The sample, or exactly the rows with the given keys (which must all exist). */
async function readRows(config: ResolvedConfig, keys: readonly string[] | undefined, signal: AbortSignal | undefined): Promise<SampleResult> {
  if (!keys) return readSample(config.source, config.sample, signal ? { signal } : {});
  const all = await readSample(config.source, { ...config.sample, method: 'all' }, signal ? { signal } : {});
  const wanted = new Set(keys);
  const rows = all.rows.filter((row) => wanted.has(row.key));
  const found = new Set(rows.map((row) => row.key));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length > 0) throw new UsageError(`--keys: no row with key ${missing.map((k) => JSON.stringify(k)).join(', ')} in ${config.source.path}`);
  return { ...all, rows };
}

/** Secrets could reach a report through error messages (a URL with a token): scrub them there. */
function redactCheck(result: CheckResult, redact: Redactor): CheckResult {
  return { ...result, errors: result.errors.map((e) => ({ ...e, message: redact(e.message) })) };
}
