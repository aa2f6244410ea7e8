import type { FeatureAdapter } from '../adapters/feature-adapter';
import { createServingAdapter, openServingCassette, startLocalServer, type LocalServer, type ServingAdapter, type ServingCassette } from '../adapters/serving';
import * as path from 'node:path';
import type { CheckContext } from '../checks/check-context';
import type { CheckName } from '../checks/check-names';
import type { ParityRecords } from '../checks/parity-records';
import { profileRows } from '../profile/profile-rows';
import { resolveInputContract } from '../checks/contract/resolve-contract';
import type { DataProfile } from '../core/data-profile';
import type { GoldenCheckOutput } from '../checks/golden-check';
import type { GoldenMode } from '../golden/update-golden';
import type { CheckResult } from '../core/check-result';
import { createComparePolicy, type ComparePolicy } from '../core/compare-policy';
import type { Redactor } from '../core/row';
import { createRedactor } from '../config/redactor';
import { withShownInputs, type ExampleInputOptions } from '../core/example-inputs';
import type { Shard } from '../core/shard';
import type { ShardImpact } from './parity-impact';
import type { ParityPartial } from '../checks/parity';
import type { NoiseModel } from '../checks/noise-model';
import type { ResolvedConfig } from '../config/resolved-config';
import type { Reporter } from '../reporters/reporter';
import type { SampleResult } from '../source';
import { planColumns, type ColumnPlan } from './column-roles';
import { createOfflineAdapter } from './create-offline-adapter';
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
import { updateMemory, type CheckFindings } from '../memory/update-memory';
import { withFixed } from './merge-memory';
import { sessionEndpoints } from './session-endpoints';
import { stringifyJson } from '../core/stringify-json';

/** Options of {@link openSkewSession}. */
export interface SkewSessionOptions {
  /** Aborting it stops whatever is running; the session must still be closed. */
  signal?: AbortSignal | undefined;
  /** Receives check events (progress, results). */
  reporter?: Reporter | undefined;
  /** Lines for the user that are not part of the report (server output). */
  log?: ((line: string) => void) | undefined;
  /** Only these row keys instead of a sample (reproducing single rows). */
  keys?: readonly string[] | undefined;
  /** Replay this generated-parity case (fast-check path from a `Reproduce with:` line) instead of generating. */
  generatedPath?: string | undefined;
  /** Directory the reproduce commands are relative to. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Golden update mode and whether to propose instead of writing. Default: `none`, no proposal. */
  golden?: { mode: GoldenMode; propose: boolean } | undefined;
  /** Run one shard (`--shard`): parity on the rows it owns, serving rate and concurrency its share. */
  shard?: Shard | undefined;
}

/**
 * An open run: the sample is read, the local server is up, both adapters are ready. Checks run one at a time
 * with {@link SkewSession.runCheck} (the CLI runs them all; the jest integration runs one per test), and
 * `close()` releases everything. Results are data: nothing here fails a test or sets an exit code.
 */
export interface SkewSession {
  readonly config: ResolvedConfig;
  readonly sample: SampleResult;
  readonly plan: ColumnPlan;
  readonly offline: FeatureAdapter;
  readonly online: ServingAdapter;
  readonly policy: ComparePolicy;
  readonly redact: Redactor;
  /** Milliseconds spent reading the sample. */
  readonly sampleMs: number;
  /** Profile of the sampled rows (remembered rows replayed on top of the sample excluded). */
  readonly profile: DataProfile;
  /** Things the user should know that are not findings (a compare pattern that matches no field). */
  readonly warnings: string[];
  /** Results of the checks run so far, in run order. */
  readonly results: readonly CheckResult[];
  /** What parity kept of its rows (an analysis subsample, failed keys, replays), once parity ran. */
  readonly parity: ParityRecords | null;
  /** The golden check's current records and comparison, once it ran (for `skew golden review`). */
  readonly golden: GoldenCheckOutput | null;
  /** Parity's time per side, once parity ran. */
  readonly parityTimings: { offlineMs: number; onlineMs: number } | null;
  /** A shard's parity before judging, once parity ran on a shard (for the blob). */
  readonly parityPartial: ParityPartial | null;
  /** On a shard: the prediction impact's scored rows, once parity ran with `impact` configured. */
  readonly shardImpact: ShardImpact | null;
  /** The noise determinism measured, once it ran. */
  readonly noise: NoiseModel | null;
  /** What the checks found so far, for the failure memory. */
  readonly findings: readonly CheckFindings[];
  /** Options examples show their inputs with (the redactor aside). */
  readonly exampleInputs: Omit<ExampleInputOptions, 'redactText'>;
  /** Runs one check and records its result. */
  runCheck(name: CheckName): Promise<CheckResult>;
  /**
   * Updates the failure memory with what the checks found (when `failures.remember` is on): stored failures that
   * pass again are dropped and listed as `fixed` on their check's result; new failures are stored.
   */
  rememberFailures(): Promise<void>;
  /**
   * Record mode (`--record-serving`): writes the serving cassette. Called once the checks ran; a run that fails
   * leaves the previous cassette as it was. Otherwise does nothing.
   */
  saveServingCassette(): Promise<void>;
  /** Stops the local server and closes the adapters. Safe to call twice. */

  close(): Promise<void>;
}

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

  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    const pending = closers.splice(0).reverse();
    for (const closeOne of pending) await closeOne().catch(() => undefined);
  };
  try {
    // Read before anything starts: a missing or malformed cassette stops the run at once.
    const cassette = config.cassette ? await openCassette(config.cassette, cwd) : null;
    const offline = await createOfflineAdapter(config.offline, plan.featureColumns, redact);
    closers.push(() => offline.close());
    // Prove the pipeline runs before serving is sent anything: a pipeline that cannot import stops the run here.
    // A local server starts meanwhile (both are slow starts: an interpreter's imports, a server's boot).
    const warming = offline.warmUp?.(randomRows.slice(0, 4).map((row) => ({ key: row.key, fields: plan.offlineFields(row) })), signal);
    const log = options.log;
    // A replay sends nothing: the local server is not started (the CLI says so once).
    const startOptions = cassette?.mode === 'replay' ? null : config.start;
    const starting = startOptions
      ? startLocalServer(startOptions, { redact, ...(signal ? { signal } : {}), ...(log ? { log: (line: string) => log(`serving | ${line}`) } : {}) })
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
    const online = createServingAdapter(servingOptions, { redact, ...(cassette ? { cassette } : {}) });
    closers.push(() => online.close());
    const policy = createComparePolicy(config.compare);
    // Examples show their row's inputs: never the label, personal-data columns redacted as in golden files.
    const exampleInputs = { columns: plan.columns, label: config.source.label, keys: config.source.key, redact: config.golden.redact, redactText: redact };
    const results: CheckResult[] = [];
    const state: SessionState = { noise: null, parity: null, parityTimings: null, golden: null, findings: [], warnings: [], parityPartial: null, shardImpact: null };
    let serverSettled = false;
    const env: SessionEnv = {
      config,
      cwd,
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
