import * as path from 'node:path';
import type { CheckName } from '../checks/check-names';
import type { FieldNoise } from '../checks/noise-model';
import type { ParityPartial } from '../checks/parity';
import type { CheckResult } from '../core/check-result';
import type { ImpactDetails } from '../core/prediction-impact';
import type { ShardImpact } from './parity-impact';
import type { CompareOptions } from '../core/compare-policy';
import type { ExampleInputOptions } from '../core/example-inputs';
import { decodeJsonValue, encodeJsonValue } from '../core/json-encoding';
import { parseJson } from '../core/lossless-json';
import type { Shard } from '../core/shard';
import { stringifyJsonValue } from '../core/stringify-json';
import type { ResolvedReporter } from '../config/resolved-config';
import type { CheckFindings } from '../memory/update-memory';
import { TOOL_VERSION } from '../version';
import type { ReportFacts } from './build-report';
import { mapReproducePaths, type ReproduceRun } from './reproduce-command';
import type { SkewSession } from './skew-session';

/** The `format` of a shard's blob. */
export const BLOB_FORMAT = 'skew-blob';
/** The blob format's version: a merge refuses blobs of another. */
export const BLOB_VERSION = 1;

/**
 * What one shard hands to `skew merge`: self-describing (format, version, harness version, config hash, run id,
 * shard), and holding the mergeable parts of every check it ran — never rendered reports — so the merge can build
 * the report the whole run would have. Secrets never enter it (the serialized text is redacted as a whole).
 */
export interface ShardBlob {
  format: typeof BLOB_FORMAT;
  version: typeof BLOB_VERSION;
  /** skew-harness version that wrote it. */
  harness: string;
  configHash: string;
  runId: string;
  /** 0-based index and total. */
  shard: Shard;
  /** Epoch ms. */
  startedAt: number;
  finishedAt: number;
  /** The report's facts as this shard saw them (every shard reads the whole sample: the same but timings and stats). */
  facts: ReportFacts;
  /** The checks of the whole run, in run order. */
  checks: CheckName[];
  /** Results of the checks this shard ran whole (determinism on every shard; each undivided check on one). */
  results: CheckResult[];
  /** Parity's rows this shard owns, gathered but not judged; null when parity is not among the checks. */
  parity: {
    partial: ParityPartial;
    timings: { offlineMs: number; onlineMs: number };
    durationMs: number;
    /** The impact's scored rows (the shard's own lowest-hash skewed rows), when it measured impact. */
    impact?: ShardImpact | null;
    /** The shard's own impact details (what the merge reports when no shard could measure). */
    impactDetails?: ImpactDetails | null;
  } | null;
  /** The noise determinism measured (parity on every shard discounts it). */
  noise: Array<[string, FieldNoise]>;
  compare: CompareOptions;
  /** What reproduce commands are built from (paths relative to the shard's directory). */
  reproduce: ReproduceRun;
  exampleInputs: Omit<ExampleInputOptions, 'redactText'>;
  impact: { prediction: string; threshold: number | null; maxRows: number } | null;
  /** The configured reporters, files relative to the shard's directory (the merge renders them). */
  reporters: ResolvedReporter[];
  reportDir: string;
  /** What the checks found, for the failure memory. */
  findings: CheckFindings[];
  /** The failure memory the merge updates (`dir` relative to the shard's directory), as `failures.*` configures it. */
  failures?: { dir: string; remember: boolean; perField: number };
}

/** The blob's file name: `blob-<runId>-<i>of<n>.json`, `i` 1-based. */
export function blobFileName(runId: string, shard: Shard): string {
  return `blob-${runId}-${shard.index + 1}of${shard.total}.json`;
}

/** Builds a shard's blob once its checks ran. */
export function buildShardBlob(session: SkewSession, facts: ReportFacts, options: { runId: string; shard: Shard; checks: CheckName[]; startedAt: number; cwd: string }): ShardBlob {
  const { config } = session;
  const relative = (p: string) => path.relative(options.cwd, p) || p;
  const parityResult = session.results.find((r) => r.name === 'parity');
  return {
    format: BLOB_FORMAT,
    version: BLOB_VERSION,
    harness: TOOL_VERSION,
    configHash: config.configHash,
    runId: options.runId,
    shard: options.shard,
    startedAt: options.startedAt,
    finishedAt: Date.now(),
    facts,
    checks: options.checks,
    results: session.results.filter((r) => r.name !== 'parity'),
    parity: session.parityPartial
      ? {
          partial: session.parityPartial,
          timings: session.parityTimings ?? { offlineMs: 0, onlineMs: 0 },
          durationMs: parityResult?.durationMs ?? 0,
          impact: session.shardImpact,
          impactDetails: parityResult?.impact ?? null,
        }
      : null,
    noise: [...(session.noise ?? new Map<string, FieldNoise>())],
    compare: config.compare,
    reproduce: mapReproducePaths(session.reproduceRun, relative),
    exampleInputs: session.exampleInputs,
    impact: config.impact ? { prediction: config.impact.prediction, threshold: config.impact.threshold, maxRows: config.impact.maxRows } : null,
    reporters: config.report.reporters.map((r) => ({ name: r.name, options: typeof r.options['file'] === 'string' ? { ...r.options, file: relative(r.options['file']) } : { ...r.options } })),
    reportDir: relative(config.report.dir),
    findings: [...session.findings],
    failures: { dir: relative(config.failures.dir), remember: config.failures.remember, perField: config.report.examples },
  };
}

/** The blob as text: lossless JSON (NaN, ±Infinity, −0 tagged; bigints exact), secrets replaced. */
export function serializeBlob(blob: ShardBlob, redact: (text: string) => string): string {
  return `${redact(stringifyJsonValue(encodeJsonValue(blob)))}\n`;
}

/** Reads a blob's text; `null` when it is no skew blob at all (its format field). Versions are checked by the merge. */
export function parseBlob(text: string): ShardBlob | null {
  const value = decodeJsonValue(parseJson(text)) as Partial<ShardBlob> | null;
  if (!value || typeof value !== 'object' || value.format !== BLOB_FORMAT) return null;
  return value as ShardBlob;
}
