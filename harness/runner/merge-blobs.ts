import * as path from 'node:path';
import { analysisInput, withFieldAnalysis } from '../analysis/analyze-fields';
import { finishParity, mergeParityPartials } from '../checks/parity';
import { capCheckResult } from '../core/cap-check-result';
import type { CheckResult } from '../core/check-result';
import { createComparePolicy } from '../core/compare-policy';
import { withShownInputs } from '../core/example-inputs';
import type { OfflineProcesses, ServingStatsInfo, SkewReport } from '../core/report';
import { assembleReport, type ReportFacts } from './build-report';
import { unavailableDetails, type ShardImpact } from './parity-impact';
import { impactOfScoredRows } from '../checks/measure-impact';
import { lowestKeyHashes } from '../core/impact-probes';
import { patternWarnings } from './pattern-warnings';
import { mapReproducePaths, reproduceCommand } from './reproduce-command';
import type { ShardBlob } from './shard-blob';
import type { CheckFindings } from '../memory/update-memory';
import { memoryFindings } from './session-results';

/** A merged run: its report, and what its checks found for the failure memory (as one run's session has it). */
export interface MergedRun {
  report: SkewReport;
  findings: CheckFindings[];
}

/**
 * The report of a sharded run from its shards' blobs (all of one run, every shard present, ordered by index):
 * parity's partials merged exactly and judged as the whole run would (examples by sample position, analysis and
 * skewed rows by bottom-k of the union), determinism taken from the first shard, every other check from the shard
 * that ran it, and the verdict decided from them as for a run. Timings and serving statistics are the shards'
 * (longest time, summed requests). `cwd`: the directory the merge runs in (reproduce commands as the shards wrote them).
 */
export function mergeShardBlobs(blobs: readonly ShardBlob[], cwd: string): MergedRun {
  const first = blobs[0]!;
  const results: CheckResult[] = [];
  const findings: CheckFindings[] = [];
  let warnings: string[] = [];
  for (const name of first.checks) {
    if (name === 'parity') {
      const parts = blobs.flatMap((b) => (b.parity ? [b.parity] : []));
      if (parts.length === 0) continue;
      const merged = mergeParityPartials(parts.map((p) => p.partial));
      // Paths were relative to the shard's directory; so they stay from the merge's.
      const base = mapReproducePaths(first.reproduce, (p) => path.resolve(cwd, p));
      const out = finishParity(merged, new Map(first.noise), { reproduce: (keys) => reproduceCommand(base, cwd, { keys, check: 'parity' }) });
      warnings = patternWarnings({ compare: first.compare }, out.records.fieldsSeen);
      findings.push(memoryFindings('parity', out.records.memoryCases, out.result));
      const policy = createComparePolicy(first.compare);
      let result = withFieldAnalysis(out.result, analysisInput(out.records.analysisRows, first.facts.source.columns, first.facts.profile, policy));
      if (first.impact) result = withMergedImpact(result, parts, first.impact);
      const durationMs = Math.max(...parts.map((p) => p.durationMs));
      results.push(capCheckResult(withShownInputs({ ...result, durationMs }, { ...first.exampleInputs, redactText: (s) => s })));
      continue;
    }
    const ran = blobs.find((b) => b.results.some((r) => r.name === name));
    const result = ran?.results.find((r) => r.name === name);
    if (result) results.push(result);
    findings.push(...(ran?.findings.filter((f) => f.check === name) ?? []));
  }
  const timings = {
    offlineMs: Math.max(0, ...blobs.map((b) => b.parity?.timings.offlineMs ?? 0)),
    onlineMs: Math.max(0, ...blobs.map((b) => b.parity?.timings.onlineMs ?? 0)),
  };
  const facts: ReportFacts = {
    ...first.facts,
    sampleMs: Math.max(...blobs.map((b) => b.facts.sampleMs)),
    servingUnavailable: blobs.find((b) => b.facts.servingUnavailable !== null)?.facts.servingUnavailable ?? null,
    sides: {
      offline: { ...first.facts.sides.offline, ...sumProcesses(blobs.map((b) => b.facts.sides.offline.processes)) },
      online: { ...first.facts.sides.online, stats: sumStats(blobs.map((b) => b.facts.sides.online.stats)) },
    },
  };
  const startedAt = Math.min(...blobs.map((b) => b.startedAt));
  return { report: assembleReport(facts, results, warnings, first.checks.includes('parity') ? timings : null, startedAt), findings };
}

/** The offline processes of all shards: started and skipped log lines summed (the first shard's mode and line). */
function sumProcesses(all: ReadonlyArray<OfflineProcesses | undefined>): { processes?: OfflineProcesses } {
  const known = all.filter((p): p is OfflineProcesses => p !== undefined);
  if (known.length === 0) return {};
  const skipped = known.flatMap((p) => (p.skippedStdout ? [p.skippedStdout] : []));
  return {
    processes: {
      mode: known.find((p) => p.mode !== null)?.mode ?? null,
      started: known.reduce((n, p) => n + p.started, 0),
      ...(skipped.length > 0 ? { skippedStdout: { lines: skipped.reduce((n, s) => n + s.lines, 0), first: skipped[0]!.first } } : {}),
    },
  };
}

/** Serving statistics of all shards: requests, retries and statuses summed; each latency the largest. */
function sumStats(all: ReadonlyArray<ServingStatsInfo | null>): ServingStatsInfo | null {
  const stats = all.filter((s): s is ServingStatsInfo => s !== null);
  if (stats.length === 0) return null;
  const statuses: Record<string, number> = {};
  for (const s of stats) for (const [k, n] of Object.entries(s.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
  const latencies = stats.flatMap((s) => (s.latencyMs ? [s.latencyMs] : []));
  const batches = stats.flatMap((s) => (s.batches ? [s.batches] : []));
  const unsendable = stats.flatMap((s) => (s.unsendable ? [s.unsendable] : []));
  return {
    requests: stats.reduce((n, s) => n + s.requests, 0),
    retries: stats.reduce((n, s) => n + s.retries, 0),
    statuses,
    latencyMs: latencies.length === 0 ? null : { p50: Math.max(...latencies.map((l) => l.p50)), p95: Math.max(...latencies.map((l) => l.p95)), max: Math.max(...latencies.map((l) => l.max)) },
    ...(batches.length === 0
      ? {}
      : {
          batches: {
            sent: batches.reduce((n, b) => n + b.sent, 0),
            resentRowByRow: batches.reduce((n, b) => n + b.resentRowByRow, 0),
            firstResendReason: batches.find((b) => b.firstResendReason !== null)?.firstResendReason ?? null,
          },
        }),
    ...(unsendable.length === 0 ? {} : { unsendable: { rows: unsendable.reduce((n, u) => n + u.rows, 0), firstReason: unsendable[0]!.firstReason } }),
  };
}

/**
 * Parity's result with the prediction impact of the whole run: the rows the whole run would have scored — the
 * `maxRows` lowest key hashes among every shard's scored rows (each shard scored its own lowest ones, so they are all
 * there) — summarised again. A shard that could not measure (no model, the model refused) leaves its details as they are.
 */
function withMergedImpact(result: CheckResult, parts: ReadonlyArray<NonNullable<ShardBlob['parity']>>, impact: NonNullable<ShardBlob['impact']>): CheckResult {
  const measured = parts.map((p) => p.impact ?? null);
  if (measured.some((m) => m === null)) {
    const details = parts.find((p) => p.impactDetails && p.impactDetails.status !== 'measured')?.impactDetails;
    return { ...result, impact: details ?? unavailableDetails(impact, 'a shard did not measure prediction impact', (s) => s) };
  }
  const shards = measured as ShardImpact[];
  const chosen = lowestKeyHashes(
    shards.flatMap((m) => m.scored),
    (row) => row.probes.key,
    impact.maxRows,
  );
  const out = impactOfScoredRows(chosen, {
    model: shards[0]!.model,
    prediction: impact.prediction,
    threshold: impact.threshold,
    maxRows: impact.maxRows,
    skewedTotal: shards.reduce((sum, m) => sum + m.skewed, 0),
    unavailable: shards.find((m) => m.unavailable !== null)?.unavailable ?? null,
  });
  return { ...result, fields: result.fields.map((f) => (out.fields.has(f.field) ? { ...f, impact: out.fields.get(f.field)! } : f)), impact: out.details };
}
