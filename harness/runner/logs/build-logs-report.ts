import * as path from 'node:path';
import type { FeatureAdapter } from '../../adapters/feature-adapter';
import type { ResolvedConfig } from '../../config/resolved-config';
import type { CheckResult } from '../../core/check-result';
import type { DataProfile } from '../../core/data-profile';
import { REPORT_SCHEMA_VERSION, type SkewReport } from '../../core/report';
import type { ColumnInfo } from '../../core/row';
import { summarizeVerdict } from '../../core/summarize-verdict';
import { decideVerdict } from '../../core/verdict';
import type { LogSample, SampleResult } from '../../source';
import { TOOL_VERSION } from '../../version';

/** What a `skew logs` report is built from. */
export interface LogsReportInput {
  config: ResolvedConfig;
  cwd: string;
  /** When the run started (epoch ms). */
  startedAt: number;
  /** Milliseconds spent reading both samples. */
  sampleMs: number;
  /** Milliseconds the offline pipeline took. */
  offlineMs: number;
  offline: FeatureAdapter;
  onlineDescription: string;
  training: SampleResult;
  log: LogSample;
  /** The logged rows' columns. */
  columns: ColumnInfo[];
  /** Profile of the logged rows. */
  profile: DataProfile;
  /** train-serve-skew, covariate-shift and (with a joined label) label-shift, in that order. */
  results: CheckResult[];
  reproduce: string;
}

/**
 * The report of a `skew logs` run, in the schema every reporter renders: the log is the source, the logged features
 * the serving side. The verdict is decided as for `skew run`: a field over its budget in train-serve-skew is skew
 * (exit 1); a shift check fails (exit 1) only when configured to; rows the pipeline failed on count against the error
 * budget, and too few compared rows make the run inconclusive (exit 3).
 */
export function buildLogsReport(input: LogsReportInput): SkewReport {
  const { config, results, log, training } = input;
  const logs = config.logs!;
  const relative = (p: string) => path.relative(input.cwd, p) || p;
  const skew = results[0];
  const compared = skew?.rows.compared ?? 0;
  const verdict = decideVerdict({
    checks: results,
    errors: { offline: skew?.rows.offlineErrors ?? 0, online: skew?.rows.onlineErrors ?? 0, rows: (skew?.rows.total ?? 0) - (skew?.rows.notRun ?? 0) },
    errorBudget: config.budget.errorRate,
    compared,
    minCompared: config.budget.minCompared,
  });
  const finished = Date.now();
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'skew-harness', version: TOOL_VERSION },
    run: {
      startedAt: new Date(input.startedAt).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: finished - input.startedAt,
      configFile: config.configFile ? relative(config.configFile) : null,
      configHash: config.configHash,
      target: config.target,
      seed: logs.sample.seed,
      sampleSize: logs.sample.size,
      sampleMethod: logs.sample.method,
      versions: { node: process.version, platform: `${process.platform}-${process.arch}` },
      timings: { sampleMs: input.sampleMs, offlineMs: input.offlineMs, onlineMs: 0, totalMs: finished - input.startedAt },
    },
    source: { path: relative(logs.log.path), format: logs.log.format, columns: input.columns, badRows: log.badRows, badRowCount: log.badRowCount },
    sides: {
      offline: { description: input.offline.description, ...(input.offline.processes ? { processes: { ...input.offline.processes } } : {}) },
      online: { description: input.onlineDescription, stats: null },
    },
    accounting: {
      rowsRead: log.recordsRead,
      rowsSampled: log.records.length,
      replayed: 0,
      check: skew?.name ?? null,
      rowsCompared: compared,
      offlineErrors: skew?.rows.offlineErrors ?? 0,
      onlineErrors: skew?.rows.onlineErrors ?? 0,
      notRun: skew?.rows.notRun ?? 0,
      checks: Object.fromEntries(results.map((r) => [r.name, { ...r.rows }])),
    },
    profile: input.profile,
    checks: [...results],
    verdict: { ...verdict, summary: summarizeVerdict(verdict) },
    reproduce: input.reproduce,
    logs: {
      file: relative(logs.log.path),
      recordsRead: log.recordsRead,
      recordsInWindow: log.recordsInWindow,
      window: { since: iso(logs.log.since), until: iso(logs.log.until) },
      sampledTimes: log.timeRange === null ? null : { first: iso(log.timeRange.first)!, last: iso(log.timeRange.last)! },
      referenceTimeColumn: logs.referenceTimeColumn,
      training: { path: relative(config.source.path), rowsRead: training.rowsRead, rowsSampled: training.rows.length },
    },
  };
}
