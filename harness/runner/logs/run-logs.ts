import * as path from 'node:path';
import { createLoggedFeaturesAdapter } from '../../adapters/logged-features-adapter';
import { analysisInput, withFieldAnalysis } from '../../analysis/analyze-fields';
import { covariateShiftResult, labelShiftResult, LOG_CHECK_NAMES } from '../../analysis/drift/shift-results';
import { runParityCheck } from '../../checks/parity';
import { skippedCheck } from '../../checks/skipped-check';
import type { ResolvedConfig } from '../../config/resolved-config';
import { createRedactor } from '../../config/redactor';
import { capCheckResult } from '../../core/cap-check-result';
import type { CheckResult } from '../../core/check-result';
import { createComparePolicy } from '../../core/compare-policy';
import { withShownInputs } from '../../core/example-inputs';
import type { SkewReport } from '../../core/report';
import type { ColumnInfo, SourceRow } from '../../core/row';
import { ConfigError } from '../../errors/config-error';
import { SkewError } from '../../errors/skew-error';
import { UsageError } from '../../errors/usage-error';
import { profileRows } from '../../profile/profile-rows';
import type { Reporter } from '../../reporters/reporter';
import { likelyMeant } from '../../source/record-table';
import { planColumns } from '../column-roles';
import { createOfflineAdapter } from '../create-offline-adapter';
import { redactResult } from '../session-results';
import { buildLogsReport } from './build-logs-report';
import { logRows } from './log-rows';
import { logsReproduceCommand } from './logs-reproduce';
import { readLogInputs } from './read-log-inputs';

/** Options of {@link runLogs}. */
export interface RunLogsOptions {
  /** The resolved config; its `logs` section must be set. */
  config: ResolvedConfig;
  /** Receives run events. */
  reporter?: Reporter | undefined;
  /** Aborting it stops the run (Ctrl-C): the pipeline is stopped, nothing is reported. */
  signal?: AbortSignal | undefined;
  /** Directory paths in the report are relative to. Default `process.cwd()`. */
  cwd?: string | undefined;
  /**
   * Only the logged requests of these keys (as reports name rows: `C000002`, `C000002#2`, `line 12`), every one in
   * the time window, instead of a sample (`--keys`: reproduces a row of a report).
   */
  keys?: readonly string[] | undefined;
}

/**
 * `skew logs`: holds what serving logged against the training side, without sending a request. Reads a seeded sample
 * of the log's records (inside the time window) and a sample of the training source; recomputes each logged
 * request's features with the offline pipeline — its reference time column set from the record's time — and diffs
 * them with the logged features field by field (train-serve-skew: parity's comparison, policies, hints, segments and
 * examples); compares the logged inputs' distributions with training's (covariate-shift) and, where a label is
 * joined, the label's (label-shift). Returns the report; throws a {@link SkewError} when the run cannot happen
 * (config, source, log, offline pipeline broken as a whole).
 */
export async function runLogs(options: RunLogsOptions): Promise<SkewReport> {
  const { config, reporter, signal } = options;
  const cwd = options.cwd ?? process.cwd();
  const relative = (p: string) => path.relative(cwd, p) || p;
  const configured = config.logs;
  const fail = (configPath: string, problem: string): never => {
    throw new ConfigError(configPath, problem, config.configFile ? { file: config.configFile } : {});
  };
  if (configured === null) return fail('logs', 'is not set: skew logs needs the serving log, e.g. logs: { path: "logs/serving.jsonl" }');
  // A row named `K#2` is the second request of K in a sample: every request of K is read again.
  const keys = options.keys ? new Set(options.keys.map((k) => k.replace(/#\d+$/, ''))) : null;
  const logs = keys ? { ...configured, log: { ...configured.log, keys } } : configured;
  if (config.offline.kind === 'columns') {
    return fail('offline', 'must compute features (module or command) for skew logs: precomputed training columns cannot be recomputed for logged requests');
  }
  const startedAt = Date.now();
  reporter?.onBegin?.({
    configFile: config.configFile ? relative(config.configFile) : null,
    target: config.target,
    source: relative(logs.log.path),
    sample: { size: logs.sample.size, method: logs.sample.method, seed: logs.sample.seed },
  });
  const redact = createRedactor(config.secrets);
  const stop = new AbortController();
  const runSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let close: (() => Promise<void>) | undefined;
  try {
    const readStarted = performance.now();
    const [training, log] = await readLogInputs(config, logs, runSignal);
    if (keys) {
      const found = new Set(log.records.map((r) => r.key ?? `line ${r.line}`));
      const absent = [...keys].filter((k) => !found.has(k));
      if (absent.length > 0) throw new UsageError(`--keys: no logged request with key ${absent.map((k) => JSON.stringify(k)).join(', ')} in ${relative(logs.log.path)}${logs.log.since !== null || logs.log.until !== null ? ' in the time window' : ''}`);
    }
    const sampleMs = Math.round(performance.now() - readStarted);
    const plan = planColumns(config, training.columns);
    const trainingProfile = profileRows(training.rows, plan.columns);
    const trainingNames = plan.columns.map((c) => c.name);
    const missing = (setting: string, column: string): never => {
      const guess = likelyMeant(column, trainingNames);
      return fail(setting, `names column ${JSON.stringify(column)}, which ${relative(config.source.path)} does not have${guess === undefined ? '' : ` (did you mean ${JSON.stringify(guess)}?)`}`);
    };
    const referenceColumn = logs.referenceTimeColumn;
    if (referenceColumn !== null && !trainingNames.includes(referenceColumn)) missing('logs.referenceTimeColumn', referenceColumn);
    if (logs.log.fields.label !== null && config.source.label === null) {
      fail('logs.fields.label', 'needs source.label: the training label the joined labels are compared with');
    }
    const label = logs.log.fields.label === null ? null : config.source.label;
    const lr = logRows(log.records, {
      training: plan.columns,
      referenceTime: referenceColumn === null ? null : { column: referenceColumn, dates: trainingProfile.columns.find((c) => c.name === referenceColumn)?.dates ?? null },
      label,
    });

    const offline = await createOfflineAdapter(config.offline, []);
    close = () => offline.close();
    const online = createLoggedFeaturesAdapter({ features: lr.features, description: `features logged in ${relative(logs.log.path)}` });
    reporter?.onSampled?.({ rowsRead: log.recordsRead, rowsSampled: lr.rows.length, offline: offline.description, online: online.description });
    // Prove the pipeline runs before the whole sample goes through it: one that cannot import stops the run here.
    await offline.warmUp?.(lr.rows.slice(0, 4).map((row) => ({ key: row.key, fields: row.values })), runSignal);

    const policy = createComparePolicy(config.compare, { keyColumns: config.source.key });
    const profile = profileRows(lr.rows, lr.columns);
    const exampleInputs = { columns: lr.columns, label, keys: config.source.key, redact: config.golden.redact, redactText: redact };
    const finish = (raw: CheckResult, started: number): CheckResult => {
      const result = capCheckResult(withShownInputs(redactResult({ ...raw, durationMs: Math.round(performance.now() - started) }, redact), exampleInputs));
      reporter?.onCheckEnd?.(result);
      return result;
    };
    const results: CheckResult[] = [];

    const skewName = LOG_CHECK_NAMES.skew;
    reporter?.onCheckBegin?.(skewName, lr.rows.length);
    const skewStarted = performance.now();
    const values = (row: SourceRow) => row.values;
    const parity = await runParityCheck({
      rows: lr.rows,
      offline,
      online,
      offlineComputes: true,
      offlineFields: values,
      onlineFields: values,
      label,
      policy,
      examples: config.report.examples,
      noise: null,
      signal: runSignal,
      onProgress: (side, done, total) => reporter?.onProgress?.({ check: skewName, side, done, total }),
    });
    runSignal.throwIfAborted();
    const reproduce = logsReproduceCommand(config, cwd, options.keys);
    const skew: CheckResult = {
      ...parity.result,
      name: skewName,
      summary: parity.result.summary.replace('between offline and serving', 'between the offline pipeline and the logged serving features'),
      labels: { offline: 'offline', online: 'logged' },
      ...(parity.result.status === 'failed' ? { reproduce } : {}),
    };
    results.push(finish(withFieldAnalysis(skew, analysisInput(parity.records.analysisRows, lr.columns, profile, policy)), skewStarted));

    if (keys) {
      // Chosen rows are no sample of the traffic: their distributions say nothing about the log's.
      const why = '--keys picks rows to reproduce, not a sample of the traffic';
      results.push(skippedCheck(LOG_CHECK_NAMES.covariate, why));
      if (label !== null) results.push(skippedCheck(LOG_CHECK_NAMES.label, why));
    } else {
      const shiftStarted = performance.now();
      reporter?.onCheckBegin?.(LOG_CHECK_NAMES.covariate, lr.rows.length);
      const inputColumns = (columns: readonly ColumnInfo[]) => columns.filter((c) => c.role === 'input').map((c) => ({ name: c.name, type: c.type }));
      results.push(
        finish(
          covariateShiftResult({
            training: { columns: inputColumns(plan.columns), rows: training.rows.map((r) => r.values) },
            log: { columns: inputColumns(lr.columns), rows: lr.rows.map((r) => r.values) },
            thresholds: logs.drift.thresholds,
            // The reference time moves with the calendar by design: its shift is the passing of time, not of the inputs.
            exclude: [...config.source.key, ...(config.source.label === null ? [] : [config.source.label]), ...(referenceColumn === null ? [] : [referenceColumn])],
            fail: logs.drift.fail,
          }),
          shiftStarted,
        ),
      );
      if (label !== null) {
        const labelStarted = performance.now();
        reporter?.onCheckBegin?.(LOG_CHECK_NAMES.label, lr.rows.length);
        const joined = log.records.filter((r) => r.label !== undefined && r.label !== null).map((r) => r.label);
        results.push(
          finish(
            labelShiftResult({
              column: label,
              training: { type: plan.columns.find((c) => c.name === label)?.type ?? 'string', values: training.rows.map((r) => r.values[label]) },
              log: { type: lr.columns.find((c) => c.name === label)?.type ?? 'string', values: joined },
              thresholds: logs.drift.thresholds,
              fail: logs.drift.fail,
            }),
            labelStarted,
          ),
        );
      }
    }

    const report = buildLogsReport({
      config,
      cwd,
      startedAt,
      sampleMs,
      offlineMs: parity.timings.offlineMs,
      offline,
      onlineDescription: online.description,
      training,
      log,
      columns: lr.columns,
      profile,
      results,
      reproduce,
    });
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
    await close?.().catch(() => undefined);
  }
}
