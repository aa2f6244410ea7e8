import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { ConfigError } from '../errors/config-error';
import type { SampleOptions } from '../source/source-options';
import { sourceFormatFromPath } from '../source/source-format';
import { configSchema } from './config-schema';
import { formatIssue, valueAt } from './format-issue';
import { replayEnv } from './interpolate-env';
import { resolveServing, resolveStart } from './resolve-serving';
import { resolveOffline } from './resolve-offline';
import { resolveImpact } from './resolve-impact';
import { isPlainObject, mergeConfig } from './merge-config';
import type { ResolvedChecks, ResolvedGolden, ResolvedConfig, ResolvedReporter } from './resolved-config';
import type { ReporterChoice, ReporterName, TargetConfig, UserConfig } from './user-config';
import { resolveLogs } from './resolve-logs';

/** Where a config came from and what to apply on top of it. */
export interface ResolveConfigOptions {
  /** Absolute path of the config file (for messages), or null. */
  configFile?: string | null;
  /** Directory that relative paths in the config are resolved against. */
  rootDir: string;
  /** Target to apply (`--target staging`). */
  target?: string | null;
  /** Environment for `${env.NAME}`. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Overrides from the command line, applied last (paths in them should be absolute). */
  overrides?: TargetConfig;
}

/**
 * Validates a user config and fills every default: applies the target and command-line overrides, checks the
 * result against the schema (the first problem becomes a {@link ConfigError} naming its config path), resolves
 * paths against `rootDir`, substitutes `${env.NAME}` and collects the substituted values as secrets.
 */
export function resolveConfig(input: unknown, options: ResolveConfigOptions): ResolvedConfig {
  try {
    return resolveUnlocated(input, options);
  } catch (error) {
    if (error instanceof ConfigError && options.configFile) throw error.inFile(options.configFile);
    throw error;
  }
}

function resolveUnlocated(input: unknown, options: ResolveConfigOptions): ResolvedConfig {
  const file = options.configFile ?? null;
  const fail = (p: string, problem: string): never => {
    throw new ConfigError(p, problem, file ? { file } : {});
  };
  if (!isPlainObject(input)) return fail('', 'must export a config object: export default defineConfig({ ... })');

  const { targets, ...base } = input;
  let merged: unknown = base;
  const targetName = options.target ?? null;
  let targetConfig: unknown;
  if (targetName !== null) {
    const names = isPlainObject(targets) ? Object.keys(targets) : [];
    targetConfig = isPlainObject(targets) ? targets[targetName] : undefined;
    if (!isPlainObject(targetConfig)) {
      fail('targets', `has no target "${targetName}" (${names.length ? `defined: ${names.join(', ')}` : 'none defined'})`);
    }
    merged = mergeConfig(merged, targetConfig);
  }
  if (options.overrides) merged = mergeConfig(merged, options.overrides);

  const parsed = configSchema.safeParse({ ...(merged as object), ...(targets === undefined ? {} : { targets }) });
  if (!parsed.success) {
    // A misspelt key also leaves a required one missing: name the misspelling, which is the thing to fix.
    const issue = parsed.error.issues.find((i) => i.code === 'unrecognized_keys') ?? parsed.error.issues[0]!;
    const { path: issuePath, problem } = formatIssue(issue, merged, configSchema);
    const fromTarget = targetName !== null && valueAt(targetConfig, issue.path) !== undefined;
    fail(fromTarget ? `targets.${targetName}.${issuePath}` : issuePath, problem);
  }
  const placeholder = findPlaceholder(merged, '');
  if (placeholder) fail(placeholder.path, `is still the placeholder skew init wrote (${JSON.stringify(placeholder.value)}): fill in the command`);
  const config = merged as UserConfig;
  const env = options.env ?? process.env;
  const secrets = new Set<string>();
  const rootDir = options.rootDir;
  const at = (p: string) => path.resolve(rootDir, p);

  const source = resolveSource(config, at, rootDir, fail);
  const sample = resolveSample(config, fail);
  const offline = resolveOffline(config.offline as unknown, at, rootDir, env, secrets, fail);
  const { serving, presetReady } = resolveServing(config.serving, source.key, env, secrets, fail);
  // A replay starts no server: the server's environment need not be set.
  const start = resolveStart(config.serving.start ?? null, presetReady, at, rootDir, config.serving.replay ? replayEnv(env) : env, secrets, fail);
  const impact = resolveImpact(config.impact, config.serving.start ?? null, source.key, env, secrets, fail);
  const reportDir = at(config.report?.dir ?? 'reports');
  if (config.serving.record && config.serving.replay) fail('serving.replay', 'cannot be set together with serving.record: a run records serving or replays it, not both');
  const cassette = config.serving.replay ? { mode: 'replay' as const, dir: at(config.serving.replay) } : config.serving.record ? { mode: 'record' as const, dir: at(config.serving.record) } : null;

  return {
    configFile: file,
    rootDir,
    target: targetName,
    // What is compared, not where answers come from or where reports go: a replay has the recorded run's hash, and
    // shards given other --report-dir / --reporter flags (or a whole run compared with their merge) the same one.
    configHash: hashConfig(withoutOutputs(merged)),
    source,
    sample,
    offline,
    serving,
    start,
    cassette,
    compare: config.compare ?? {},
    checks: resolveChecks(config, sample.seed),
    failures: { dir: at(config.failures?.dir ?? '.skew/failures'), remember: config.failures?.remember ?? true },
    golden: resolveGolden(config, rootDir, at),
    budget: { errorRate: config.budget?.errorRate ?? 0.01, minCompared: config.budget?.minCompared ?? 1 },
    report: {
      dir: reportDir,
      reporters: resolveReporters(config.report?.reporters ?? ['terminal', 'json'], reportDir, at),
      examples: config.report?.examples ?? 5,
      baseline: config.report?.baseline ? at(config.report.baseline) : null,
    },
    impact,
    ...(config.shard?.total !== undefined ? { shardTotal: config.shard.total } : {}),
    secrets: [...secrets],
    columnReferences: columnReferences(config),
    logs: config.logs ? resolveLogs(config.logs, sample, at, fail) : null,
  };
}

/** The columns named by settings whose columns are checked once the source's columns are known. */
function columnReferences(config: UserConfig): ResolvedConfig['columnReferences'] {
  const request = config.serving.request;
  const requestColumns = request !== undefined && typeof request !== 'function' ? (request.columns ?? []) : [];
  const redact = (config.golden || {}).redact ?? [];
  return [
    ...requestColumns.map((column, i) => ({ configPath: `serving.request.columns[${i}]`, column })),
    ...redact.map((column, i) => ({ configPath: `golden.redact[${i}]`, column })),
  ];
}

function resolveGolden(config: UserConfig, rootDir: string, at: (p: string) => string): ResolvedGolden {
  const g = config.golden || {};
  const suite = g.suite ?? (path.basename(rootDir) || 'skew');
  return {
    enabled: Boolean(config.golden),
    file: path.join(at(g.dir ?? 'golden'), `${suite}.golden.jsonl`),
    suite,
    rows: g.rows ?? 50,
    seed: g.seed ?? 1,
    redact: g.redact ?? [],
  };
}

function resolveChecks(config: UserConfig, seed: number): ResolvedChecks {
  const c = config.checks ?? {};
  const options = <T extends object>(value: boolean | T | undefined): { enabled: boolean; options: Partial<T> } =>
    typeof value === 'object' ? { enabled: true, options: value } : { enabled: value ?? true, options: {} };
  const generated = options(c.generatedParity);
  const determinism = options(c.determinism);
  const batch = options(c.batchInvariance);
  const label = options(c.labelInvariance);
  const contract = options(c.inputContract);
  return {
    parity: { enabled: c.parity ?? true },
    generatedParity: {
      enabled: generated.enabled && (generated.options.runs ?? 200) > 0,
      runs: generated.options.runs ?? 200,
      seed: generated.options.seed ?? seed,
      maxShrinks: generated.options.maxShrinks ?? 200,
      columns: generated.options.columns ?? {},
    },
    determinism: { enabled: determinism.enabled, rows: determinism.options.rows ?? 50, allowNoise: determinism.options.allowNoise ?? [] },
    batchInvariance: { enabled: batch.enabled, rows: batch.options.rows ?? 20 },
    labelInvariance: { enabled: label.enabled, rows: label.options.rows ?? 200 },
    inputContract: {
      enabled: contract.enabled && (contract.options.probes ?? 40) > 0,
      probes: contract.options.probes ?? 40,
      fail: contract.options.fail ?? false,
      seed: contract.options.seed ?? seed,
    },
  };
}

function resolveSource(config: UserConfig, at: (p: string) => string, rootDir: string, fail: (p: string, problem: string) => never): ResolvedConfig['source'] {
  const s = config.source;
  if (s.sql !== undefined && s.path !== undefined) fail('source.sql', 'cannot be set together with source.path: a source is a file or a query (remove one)');
  if (s.sql === undefined && s.path === undefined) fail('source.path', "is required (a CSV, JSON Lines or Parquet file), or set source.sql to a query");
  if (s.sql !== undefined && s.format !== undefined) fail('source.format', `does not apply to source.sql (got "${s.format}"): the query says what it reads`);
  // A URL (`s3://…`, read by a DuckDB extension) is not a path to resolve against the config's directory.
  const file = s.sql !== undefined ? rootDir : /^[a-z][a-z0-9+.-]*:\/\//i.test(s.path!) ? s.path! : at(s.path!);
  return {
    path: file,
    format: s.sql !== undefined ? 'sql' : (s.format ?? sourceFormatFromPath(file)),
    ...(s.sql !== undefined ? { sql: s.sql } : {}),
    key: s.key === undefined ? [] : Array.isArray(s.key) ? s.key : [s.key],
    label: s.label ?? null,
    types: s.types ?? {},
    nullValues: s.nullValues ?? [''],
    delimiter: s.delimiter ?? ',',
    onBadRow: s.onBadRow ?? 'error',
    contract: s.contract ?? {},
  };
}

function resolveSample(config: UserConfig, fail: (p: string, problem: string) => never): SampleOptions {
  const s = config.sample ?? {};
  const method = s.method ?? (s.stratifyBy ? 'stratified' : 'reservoir');
  if (method === 'stratified' && !s.stratifyBy) fail('sample.stratifyBy', 'is required when sample.method is "stratified"');
  return { method, size: s.size ?? 1000, seed: s.seed ?? 1, stratifyBy: s.stratifyBy ?? null };
}

/** File names of the file reporters, inside the report directory. */
export const DEFAULT_REPORT_FILES: Partial<Record<ReporterName, string>> = {
  json: 'skew-report.json',
  markdown: 'skew-report.md',
  html: 'skew-report.html',
  junit: 'skew-junit.xml',
};

function resolveReporters(choices: ReporterChoice[], reportDir: string, at: (p: string) => string): ResolvedReporter[] {
  return choices.map((choice) => {
    const [name, options]: [ReporterName, Record<string, unknown>] = typeof choice === 'string' ? [choice, {}] : choice;
    const resolved: Record<string, unknown> = { ...options };
    const defaultFile = DEFAULT_REPORT_FILES[name];
    if (defaultFile) resolved['file'] = typeof options['file'] === 'string' ? at(options['file']) : path.join(reportDir, defaultFile);
    return { name, options: resolved };
  });
}

/** A short stable hash of the config as written: functions contribute their source text, keys are sorted. */
/** The first string that is still a `skew init` placeholder (`TODO: …`), with its config path. */
function findPlaceholder(value: unknown, at: string): { path: string; value: string } | null {
  if (typeof value === 'string') return value.startsWith('TODO:') ? { path: at, value } : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findPlaceholder(item, `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findPlaceholder(item, at ? `${at}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** The config without the settings that say where things go rather than what is compared (see `configHash`). */
function withoutOutputs(config: unknown): unknown {
  if (!isPlainObject(config)) return config;
  const out: Record<string, unknown> = { ...config };
  if (isPlainObject(config['serving'])) {
    const { record: _record, replay: _replay, ...serving } = config['serving'];
    out['serving'] = serving;
  }
  if (isPlainObject(config['report'])) {
    // `report.examples` stays: it changes what a report (and the failure memory) holds.
    const { dir: _dir, reporters: _reporters, baseline: _baseline, ...report } = config['report'];
    out['report'] = report;
  }
  return out;
}

function hashConfig(config: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (typeof value === 'function') return `fn:${value.toString()}`;
    if (Array.isArray(value)) return value.map(canonical);
    if (isPlainObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical(config))).digest('hex').slice(0, 12);
}
