import * as path from 'node:path';
import { REPORT_SCHEMA_VERSION, type SkewReport } from '../core/report';
import type { CheckResult } from '../core/check-result';
import { summarizeVerdict } from '../core/summarize-verdict';
import { decideVerdict } from '../core/verdict';
import { TOOL_VERSION } from '../version';
import { reproduceCommand } from './reproduce-command';
import { batchResendWarning, servingStatsInfo, unsendableWarning } from './serving-stats-info';
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
 * What a report says besides the checks: the run, the source, the sides, the sample's accounting and profile, the
 * budgets the verdict applies. Plain data (a shard's blob carries it, so `skew merge` builds the same report).
 */
export interface ReportFacts {
  configFile: string | null;
  configHash: string;
  target: string | null;
  seed: number;
  sampleSize: number;
  sampleMethod: SkewReport['run']['sampleMethod'];
  source: SkewReport['source'];
  sides: SkewReport['sides'];
  rowsRead: number;
  rowsSampled: number;
  replayed: number;
  profile: SkewReport['profile'];
  reproduce: string;
  budget: { errorRate: number; minCompared: number };
  /** Why serving was declared unavailable (redacted), or null. */
  servingUnavailable: string | null;
  sampleMs: number;
}

/** The facts of a session's report (see {@link ReportFacts}). */
export function reportFacts(session: SkewSession, options: BuildReportOptions): ReportFacts {
  const { config, sample } = session;
  const relative = (p: string) => path.relative(options.cwd, p) || p;
  return {
    configFile: config.configFile ? relative(config.configFile) : null,
    configHash: config.configHash,
    target: config.target,
    seed: config.sample.seed,
    sampleSize: config.sample.size,
    sampleMethod: config.sample.method,
    source: { path: relative(config.source.path), format: config.source.format, columns: session.plan.columns, badRows: sample.badRows, badRowCount: sample.badRowCount },
    sides: {
      offline: { description: session.offline.description, ...(session.offline.processes ? { processes: { ...session.offline.processes } } : {}) },
      online: { description: session.redact(session.online.description), stats: servingStatsInfo(session.online) },
    },
    rowsRead: sample.rowsRead,
    rowsSampled: sample.rows.length,
    replayed: sample.pinnedOnly?.length ?? 0,
    profile: session.profile,
    reproduce: session.redact(reproduceCommand(session.reproduceRun, options.cwd, options.keys ? { keys: options.keys } : {})),
    budget: { ...config.budget },
    servingUnavailable: session.online.unavailable ? session.redact(session.online.unavailable) : null,
    sampleMs: session.sampleMs,
  };
}

/**
 * Builds the report from a session's results: decides the one verdict (from the checks, the error accounting and
 * serving's availability) and gathers everything reporters render. The error budget spans all checks: every
 * attempted row on every side counts toward it, and every error but a row both computations rejected alike. The report's accounting gives each check's rows apart, and one
 * check's (parity's) as the headline.
 */
export function buildReport(session: SkewSession, options: BuildReportOptions): SkewReport {
  return assembleReport(reportFacts(session, options), session.results, session.warnings, session.parityTimings, options.startedAt);
}

/** The report of a run from its facts and check results (a run's, or shards' merged by `skew merge`). */
export function assembleReport(
  facts: ReportFacts,
  results: readonly CheckResult[],
  warnings: readonly string[],
  parityTimings: { offlineMs: number; onlineMs: number } | null,
  startedAt: number,
): SkewReport {
  const parity = results.find((r) => r.name === 'parity');
  const totals = results.reduce(
    (acc, r) => ({
      // Rows both computations rejected alike are invalid data the sides agree on, not errors of the run.
      offline: acc.offline + r.rows.offlineErrors - (r.rows.agreedRejections?.offline ?? 0),
      online: acc.online + r.rows.onlineErrors - (r.rows.agreedRejections?.online ?? 0),
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
    errorBudget: facts.budget.errorRate,
    compared,
    minCompared: facts.budget.minCompared,
    servingUnavailable: facts.servingUnavailable ?? undefined,
  });
  const finished = Date.now();
  const timings = parityTimings ?? { offlineMs: 0, onlineMs: 0 };
  const online = facts.sides.online.stats;
  const allWarnings = [...warnings, ...[unsendableWarning(online), batchResendWarning(online)].filter((w): w is string => w !== null)];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'skew-harness', version: TOOL_VERSION },
    run: {
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: finished - startedAt,
      configFile: facts.configFile,
      configHash: facts.configHash,
      target: facts.target,
      seed: facts.seed,
      sampleSize: facts.sampleSize,
      sampleMethod: facts.sampleMethod,
      versions: { node: process.version, platform: `${process.platform}-${process.arch}` },
      timings: { sampleMs: facts.sampleMs, ...timings, totalMs: finished - startedAt },
    },
    source: facts.source,
    sides: facts.sides,
    accounting: {
      rowsRead: facts.rowsRead,
      rowsSampled: facts.rowsSampled,
      replayed: facts.replayed,
      check: headline?.name ?? null,
      rowsCompared: compared,
      offlineErrors: headline?.rows.offlineErrors ?? 0,
      onlineErrors: headline?.rows.onlineErrors ?? 0,
      notRun: headline?.rows.notRun ?? 0,
      checks: Object.fromEntries(results.map((r) => [r.name, { ...r.rows }])),
    },
    profile: facts.profile,
    checks: [...results],
    verdict: { ...verdict, summary: summarizeVerdict(verdict) },
    reproduce: facts.reproduce,
    ...(allWarnings.length > 0 ? { warnings: allWarnings } : {}),
  };
}
