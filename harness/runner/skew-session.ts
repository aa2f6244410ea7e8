import { createServingAdapter, openServingCassette, startLocalServer, type LocalServer, type ServingCassette } from '../adapters/serving';
import * as path from 'node:path';
import type { CheckContext } from '../checks/check-context';
import type { CheckName } from '../checks/check-names';
import { profileRows } from '../profile/profile-rows';
import { resolveInputContract } from '../checks/contract/resolve-contract';
import type { CheckResult } from '../core/check-result';
import { createComparePolicy } from '../core/compare-policy';
import { createRedactor } from '../config/redactor';
import { withShownInputs } from '../core/example-inputs';
import type { ResolvedConfig } from '../config/resolved-config';
import { planColumns } from './column-roles';
import { createOfflineAdapter } from './create-offline-adapter';
import { reproduceCommand, type ReproduceExtra } from './reproduce-command';
import { readRows } from './session-rows';
import { redactResult } from './session-results';
import { SESSION_CHECKS } from './session-checks/registry';
import type { SessionEnv, SessionState } from './session-checks/session-check';
import { readFailures, writeFailures } from '../memory/failure-file';
import { checkError, endsTheRun } from './check-error';
import { once, setMaxListeners } from 'node:events';
import { capCheckResult } from '../core/cap-check-result';
import { setTimeout as sleep } from 'node:timers/promises';

// How long to wait, when serving was declared unavailable, for the exit of a local server to be noticed (its exit
// event, then up to 200 ms for its last output).
const EXIT_NOTICE_MS = 500;
import { updateMemory } from '../memory/update-memory';
import { withFixed } from './merge-memory';
import { sessionEndpoints } from './session-endpoints';
import { stringifyJson } from '../core/stringify-json';
import type { SkewSession, SkewSessionOptions } from './skew-session-types';

export type { SkewSession, SkewSessionOptions } from './skew-session-types';


/** Opens a session: reads the sample, starts the local server (if configured), creates both adapters. */
export async function openSkewSession(config: ResolvedConfig, options: SkewSessionOptions = {}): Promise<SkewSession> {
  const { reporter } = options;
  let { signal } = options;
  const redact = createRedactor(config.secrets);
  const started = performance.now();
  const remembered = config.failures.remember ? await readFailures(config.failures.dir) : [];
  const pinned = new Set(remembered.filter((f) => f.check === 'parity').map((f) => f.key));
  const sample = await readRows(config, options.keys, signal, pinned);
  const sampleMs = Math.round(performance.now() - started);
  const plan = planColumns(config, sample.columns);
  // Remembered rows are replayed, but the profile (and so every generated row) comes from the random sample alone,
  // so a printed seed and path reproduce the same case whatever the memory holds.
  const pinnedOnly = new Set(sample.pinnedOnly ?? []);
  const randomRows = sample.rows.filter((row) => !pinnedOnly.has(row.key));
  const profile = profileRows(randomRows, plan.columns);
  // Resolved before anything starts, so a contract option naming an unknown column stops the run at once.
  const contract = resolveInputContract(randomRows, profile, config.source.contract);
  const cwd = options.cwd ?? process.cwd();
  const reproduceRun = options.reproduce ?? { configFile: config.configFile, target: config.target, sample: config.sample, keys: options.keys };
  const reproduce = (extra?: ReproduceExtra) => redact(reproduceCommand(reproduceRun, cwd, extra));

  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    const pending = closers.splice(0).reverse();
    for (const closeOne of pending) await closeOne().catch(() => undefined);
  };
  try {
    // Read before anything starts: a missing or malformed cassette stops the run at once.
    const cassette = config.cassette ? await openCassette(config.cassette, cwd) : null;
    // Rows chosen by key are most likely chosen because they fail: failing on them all says nothing of the pipeline.
    const offline = await createOfflineAdapter(config.offline, plan.featureColumns, redact, { chosenRows: (options.keys?.length ?? 0) > 0 });
    closers.push(() => offline.close());
    // Prove the pipeline runs before serving is sent anything: a pipeline that cannot import stops the run here.
    // A local server starts meanwhile (both are slow starts: an interpreter's imports, a server's boot).
    const warming = offline.warmUp?.(randomRows.slice(0, 4).map((row) => ({ key: row.key, fields: plan.offlineFields(row) })), signal);
    const log = options.log;
    // A replay sends nothing: the local server is not started (the CLI says so once).
    const startOptions = cassette?.mode === 'replay' ? null : config.start;
    const starting = startOptions
      ? startLocalServer(startOptions, { redact, headers: config.serving.headers, ...(signal ? { signal } : {}), ...(log ? { log: (line: string) => log(`serving | ${line}`) } : {}) })
      : null;
    const [warmed, started] = await Promise.allSettled([warming, starting]);
    if (started.status === 'fulfilled' && started.value) {
      const server = started.value;
      closers.push(() => server.stop());
    }
    if (warmed.status === 'rejected') throw warmed.reason;
    if (started.status === 'rejected') throw started.reason;
    const server: LocalServer | null = started.value;
    if (server) {
      // A local server that exits mid-run stops every check at once, and the run reports why (not as refused rows).
      signal = signal ? AbortSignal.any([signal, server.exited]) : server.exited;
      // Every check and request of the session listens to it (jest runs checks one per test, each adding its own).
      setMaxListeners(256, signal);
    }
    const { serving: servingOptions, impactModel } = sessionEndpoints(config, server, cassette?.mode === 'replay', options.shard ?? null);
    const online = createServingAdapter(servingOptions, { redact, keyColumns: config.source.key, ...(cassette ? { cassette } : {}) });
    closers.push(() => online.close());
    const policy = createComparePolicy(config.compare, { keyColumns: config.source.key });
    // Examples show their row's inputs: never the label, personal-data columns redacted as in golden files.
    const exampleInputs = { columns: plan.columns, label: config.source.label, keys: config.source.key, redact: config.golden.redact, redactText: redact };
    const results: CheckResult[] = [];
    const state: SessionState = { noise: null, parity: null, parityTimings: null, golden: null, findings: [], warnings: [], parityPartial: null, shardImpact: null };
    let serverSettled = false;
    const env: SessionEnv = {
      config,
      cwd,
      reproduce,
      sampleRows: sample.rows,
      pinnedOnly,
      goldenRows: sample.also ?? null,
      plan,
      profile,
      contract,
      policy,
      redact,
      serving: servingOptions,
      online,
      cassette,
      impactModel,
      remembered,
      generatedPath: options.generatedPath ?? null,
      golden: options.golden ?? { mode: 'none', propose: false },
      signal,
      state,
      shard: options.shard && options.shard.total > 1 ? options.shard : null,
    };

    const context = (name: CheckName): CheckContext => ({
      // Every check works on the random sample; parity also replays remembered rows, reported apart.
      rows: randomRows,
      offline,
      online,
      offlineComputes: config.offline.kind !== 'columns',
      offlineFields: plan.offlineFields,
      onlineFields: plan.onlineFields,
      label: config.source.label,
      policy,
      examples: config.report.examples,
      noise: state.noise,
      signal,
      onProgress: (side, done, total) => reporter?.onProgress?.({ check: name, side, done, total }),
    });

    return {
      config,
      sample,
      plan,
      offline,
      online,
      policy,
      redact,
      sampleMs,
      profile,
      warnings: state.warnings,
      results,
      get parity() {
        return state.parity;
      },
      get golden() {
        return state.golden;
      },
      get parityTimings() {
        return state.parityTimings;
      },
      get parityPartial() {
        return state.parityPartial;
      },
      get shardImpact() {
        return state.shardImpact;
      },
      get noise() {
        return state.noise;
      },
      get findings() {
        return state.findings;
      },
      exampleInputs: { columns: exampleInputs.columns, label: exampleInputs.label, keys: exampleInputs.keys, redact: exampleInputs.redact },
      reproduceRun,
      async runCheck(name) {
        reporter?.onCheckBegin?.(name, sample.rows.length);
        const checkStarted = performance.now();
        let raw: CheckResult;
        try {
          raw = await SESSION_CHECKS[name].run(context(name), env);
        } catch (error) {
          server?.exited.throwIfAborted();
          // A broken config, source or pipeline (or Ctrl-C) ends the run; anything else stays inside this check.
          if (signal?.aborted || endsTheRun(error)) throw error;
          raw = checkError(name, error);
        }
        // Refused connections (and the breaker they open) can come before the exit of the local server is known: a
        // dead server is the cause to report, not "serving unavailable" nor its rows' errors as skew. Asked once a
        // session, and only then: a live server resets connections it crashes on, it does not refuse them.
        if (server && !serverSettled && !server.exited.aborted && (online.unavailable || (online.stats.failures.refused ?? 0) > 0)) {
          serverSettled = true;
          await Promise.race([once(server.exited, 'abort'), sleep(EXIT_NOTICE_MS)]);
        }
        server?.exited.throwIfAborted();
        // Adapters answer an abort with `skipped` rows rather than an exception: a cut-short check must not report.
        signal?.throwIfAborted();
        // Capped after redaction, so a cut can never leave half a secret that redaction would no longer recognise.
        const result = capCheckResult(withShownInputs(redactResult({ ...raw, durationMs: Math.round(performance.now() - checkStarted) }, redact), exampleInputs));
        results.push(result);
        reporter?.onCheckEnd?.(result);
        return result;
      },
      async rememberFailures() {
        if (!config.failures.remember || state.findings.length === 0) return;
        const update = updateMemory(remembered, state.findings, { perField: config.report.examples });
        results.splice(0, results.length, ...withFixed(results, update.fixed));
        const unchanged = stringifyJson(update.failures) === stringifyJson(remembered);
        if (!unchanged) await writeFailures(config.failures.dir, update.failures);
      },
      async saveServingCassette() {
        await cassette?.save();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openCassette(options: NonNullable<ResolvedConfig['cassette']>, cwd: string): Promise<ServingCassette> {
  return openServingCassette({ ...options, label: path.relative(cwd, options.dir) || '.' });
}
