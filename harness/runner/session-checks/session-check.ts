import type { ServingAdapter, ServingCassette, ServingOptions } from '../../adapters/serving';
import type { CheckContext } from '../../checks/check-context';
import type { CheckName } from '../../checks/check-names';
import type { GoldenCheckOutput } from '../../checks/golden-check';
import type { NoiseModel } from '../../checks/noise-model';
import type { ParityRecords } from '../../checks/parity-records';
import type { CheckResult } from '../../core/check-result';
import type { ComparePolicy } from '../../core/compare-policy';
import type { DataProfile } from '../../core/data-profile';
import type { InputContract } from '../../core/input-contract';
import type { Redactor, SourceRow } from '../../core/row';
import type { ResolvedConfig } from '../../config/resolved-config';
import type { GoldenMode } from '../../golden/update-golden';
import type { CheckFindings } from '../../memory/update-memory';
import type { StoredFailure } from '../../memory/stored-failure';
import type { ColumnPlan } from '../column-roles';
import type { ShardImpact } from '../parity-impact';
import type { ParityPartial } from '../../checks/parity';
import type { Shard } from '../../core/shard';
import type { ReproduceExtra } from '../reproduce-command';

/** What checks leave behind for later checks and for the session's callers. Written by the checks that produce it. */
export interface SessionState {
  /** Per-field noise measured by determinism (parity discounts it). */
  noise: NoiseModel | null;
  /** What parity kept of its rows, once it ran (generated-parity avoids its failed rows). */
  parity: ParityRecords | null;
  /** Parity's time per side. */
  parityTimings: { offlineMs: number; onlineMs: number } | null;
  /** The golden check's records and comparison. */
  golden: GoldenCheckOutput | null;
  /** What each comparing check found, for the failure memory. */
  findings: CheckFindings[];
  /** Things to know that are not findings (a compare pattern that matches no field). */
  warnings: string[];
  /** A shard's parity before judging (its rows' exact tallies and records), for the shard's blob; else null. */
  parityPartial: ParityPartial | null;
  /** On a shard: the prediction impact's scored rows, for the merge (null when impact is off or not measured). */
  shardImpact: ShardImpact | null;
}

/** The open session as a check sees it: the run's config, sample, plan and sides, and the shared state. */
export interface SessionEnv {
  readonly config: ResolvedConfig;
  /** Directory the reproduce commands are relative to. */
  readonly cwd: string;
  /** The command that reruns the run (its `--checks` and command-line flags kept), narrowed by `extra`; redacted. */
  readonly reproduce: (extra?: ReproduceExtra) => string;
  /** Every sampled row, remembered rows replayed on top of the sample included. */
  readonly sampleRows: readonly SourceRow[];
  /** Keys of remembered rows that are not part of the random sample (replayed apart). */
  readonly pinnedOnly: ReadonlySet<string>;
  /** The golden row set, when it was drawn in the sample's pass. */
  readonly goldenRows: readonly SourceRow[] | null;
  readonly plan: ColumnPlan;
  readonly profile: DataProfile;
  readonly contract: InputContract;
  readonly policy: ComparePolicy;
  readonly redact: Redactor;
  /** The serving options of the run, URLs resolved against the local server. */
  readonly serving: ServingOptions;
  readonly online: ServingAdapter;
  /** The run's serving cassette (`--record-serving` / `--replay-serving`), shared by every serving adapter; or null. */
  readonly cassette: ServingCassette | null;
  /** The prediction-impact model endpoint (`impact.model`), URLs resolved against the local server, or `null`. */
  readonly impactModel: ServingOptions | null;
  /** The failure memory as read at the start of the run. */
  readonly remembered: readonly StoredFailure[];
  /** Replay this generated-parity case (`--generated-path`) instead of generating. */
  readonly generatedPath: string | null;
  /** Golden update mode and whether to propose instead of writing. */
  readonly golden: { mode: GoldenMode; propose: boolean };
  readonly signal: AbortSignal | undefined;
  readonly state: SessionState;
  /** The shard this process runs (`--shard`), or null for a whole run. */
  readonly shard: Shard | null;
}

/**
 * One check as the session runs it: the check's own code (in `checks/`) wired to what the session holds. Each lives in
 * a file of its own and is listed once in the registry, so adding a check touches neither the session nor the CLI.
 */
export interface SessionCheck<N extends CheckName = CheckName> {
  readonly name: N;
  run(ctx: CheckContext, env: SessionEnv): Promise<CheckResult>;
}
