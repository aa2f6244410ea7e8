import type { FeatureAdapter } from '../adapters/feature-adapter';
import type { ServingAdapter } from '../adapters/serving';
import type { CheckName } from '../checks/check-names';
import type { ParityRecords } from '../checks/parity-records';
import type { DataProfile } from '../core/data-profile';
import type { GoldenCheckOutput } from '../checks/golden-check';
import type { GoldenMode } from '../golden/update-golden';
import type { CheckResult } from '../core/check-result';
import type { ComparePolicy } from '../core/compare-policy';
import type { Redactor } from '../core/row';
import type { ExampleInputOptions } from '../core/example-inputs';
import type { Shard } from '../core/shard';
import type { ResolvedConfig } from '../config/resolved-config';
import type { Reporter } from '../reporters/reporter';
import type { SampleResult } from '../source';
import type { ColumnPlan } from './column-roles';
import type { ReproduceRun } from './reproduce-command';
import type { NoiseModel } from '../checks/noise-model';
import type { ParityPartial } from '../checks/parity';
import type { ShardImpact } from './parity-impact';
import type { CheckFindings } from '../memory/update-memory';

// The contract of a skew session (what `openSkewSession` takes and gives), apart from how one is opened.

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
  /** What reproduce commands are built from (the run's `--checks` and command-line flags). Default: the config's. */
  reproduce?: ReproduceRun | undefined;
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
  /** What this run's reproduce commands are built from: the config's file, target and sample, its checks and flags. */
  readonly reproduceRun: ReproduceRun;
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
