import * as path from 'node:path';
import { REPORT_SCHEMA_VERSION, type SkewReport } from '../core/report';
import { summarizeVerdict } from '../core/summarize-verdict';
import { decideVerdict } from '../core/verdict';
import { TOOL_VERSION } from '../version';
import { reproduceCommand } from './reproduce-command';
import { servingStatsInfo } from './serving-stats-info';
import type { SkewSession } from './skew-session';

/** What a report needs besides the session. */
export interface BuildReportOptions {
  /** When the run started (epoch ms). */
  startedAt: number;
  /** Directory report paths are relative to. */
  cwd: string;
  /** `--keys`, when the run reproduced single rows. */
  keys?: readonly string[] | undefined;
}

/**
 * Builds the report from a session's results: decides the one verdict (from the checks, the error accounting and
 * serving's availability) and gathers everything reporters render. The error budget spans all checks: every
 * attempted row on every side counts toward it. The report's accounting gives each check's rows apart, and one
 * check's (parity's) as the headline.
 */
export function buildReport(session: SkewSession, options: BuildReportOptions): SkewReport {
  const { config, sample, results } = session;
  const relative = (p: string) => path.relative(options.cwd, p) || p;
  const parity = results.find((r) => r.name === 'parity');
  const totals = results.reduce(
    (acc, r) => ({
      offline: acc.offline + r.rows.offlineErrors,
      online: acc.online + r.rows.onlineErrors,
      rows: acc.rows + r.rows.total - r.rows.notRun,
    }),
    { offline: 0, online: 0, rows: 0 },
  );
  // The run's headline numbers are one check's, never a sum across checks beside one check's row count.
  const headline = parity ?? results.reduce<(typeof results)[number] | undefined>((best, r) => (r.rows.total > 0 && (!best || r.rows.compared > best.rows.compared) ? r : best), undefined);
  const compared = headline?.rows.compared ?? 0;
  const verdict = decideVerdict({
    checks: results,
    errors: { offline: totals.offline, online: totals.online, rows: totals.rows },
    errorBudget: config.budget.errorRate,
    compared,
    minCompared: config.budget.minCompared,
    servingUnavailable: session.online.unavailable ? session.redact(session.online.unavailable) : undefined,
  });
  const finished = Date.now();
  const timings = session.parityTimings ?? { offlineMs: 0, onlineMs: 0 };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'skew-harness', version: TOOL_VERSION },
    run: {
      startedAt: new Date(options.startedAt).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: finished - options.startedAt,
      configFile: config.configFile ? relative(config.configFile) : null,
      configHash: config.configHash,
      target: config.target,
      seed: config.sample.seed,
      sampleSize: config.sample.size,
      sampleMethod: config.sample.method,
      versions: { node: process.version, platform: `${process.platform}-${process.arch}` },
      timings: { sampleMs: session.sampleMs, ...timings, totalMs: finished - options.startedAt },
    },
    source: {
      path: relative(config.source.path),
      format: config.source.format,
      columns: session.plan.columns,
      badRows: sample.badRows,
      badRowCount: sample.badRowCount,
    },
    sides: {
      offline: { description: session.offline.description, ...(session.offline.processes ? { processes: { ...session.offline.processes } } : {}) },
      online: { description: session.redact(session.online.description), stats: servingStatsInfo(session.online) },
    },
    accounting: {
      rowsRead: sample.rowsRead,
      rowsSampled: sample.rows.length,
      replayed: sample.pinnedOnly?.length ?? 0,
      check: headline?.name ?? null,
      rowsCompared: compared,
      offlineErrors: headline?.rows.offlineErrors ?? 0,
      onlineErrors: headline?.rows.onlineErrors ?? 0,
      notRun: headline?.rows.notRun ?? 0,
      checks: Object.fromEntries(results.map((r) => [r.name, { ...r.rows }])),
    },
    profile: session.profile,
    checks: [...results],
    verdict: { ...verdict, summary: summarizeVerdict(verdict) },
    reproduce: reproduceCommand(config, options.cwd, options.keys ? { keys: options.keys } : {}),
    ...(session.warnings.length > 0 ? { warnings: [...session.warnings] } : {}),
  };
}
