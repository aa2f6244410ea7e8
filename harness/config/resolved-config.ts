import type { PipelineFiles } from '../adapters/offline/pipeline-files';
import type { CompareOptions } from '../core/compare-policy';
import type { ColumnContractOptions } from '../core/input-contract';
import type { ServingOptions, StartOptions } from '../adapters/serving/serving-options';
import type { SampleOptions, SourceOptions } from '../source/source-options';
import type { ReporterName } from './user-config';
import type { ResolvedLogs } from './resolve-logs';

/** The offline side, resolved to one tagged kind. */
export type ResolvedOffline =
  | { kind: 'module'; path: string; exportName: string | null; batchSize: number; timeoutMs: number }
  /** `files`: the pipeline reads `${input}` and/or writes `${output}` (in `command`) instead of stdin/stdout. */
  | { kind: 'command'; command: string[]; cwd: string; env: Record<string, string>; timeoutMs: number; concurrency: number; mode: 'auto' | 'stream' | 'batch'; files: PipelineFiles | null }
  | { kind: 'columns'; columns: string[] | null; prefix: string | null; stripPrefix: boolean }
  /** A batch HTTP endpoint, reached with the serving adapter's HTTP machinery (`batch` always set). */
  | { kind: 'http'; options: ServingOptions };

/** Every check with `enabled` and its options filled. */
export interface ResolvedChecks {
  parity: { enabled: boolean };
  generatedParity: { enabled: boolean; runs: number; seed: number; maxShrinks: number; columns: Record<string, unknown> };
  determinism: { enabled: boolean; rows: number; allowNoise: string[] };
  batchInvariance: { enabled: boolean; rows: number };
  labelInvariance: { enabled: boolean; rows: number };
  inputContract: { enabled: boolean; probes: number; fail: boolean; seed: number };
}

/** The golden section with defaults filled. */
export interface ResolvedGolden {
  enabled: boolean;
  /** Absolute path of the golden file. */
  file: string;
  suite: string;
  rows: number | string[];
  seed: number;
  redact: string[];
}

/** The `impact` section with defaults filled. */
export interface ResolvedImpact {
  /** The model endpoint, resolved like `serving` (response default: the whole body), or `null`: impact cannot be measured. */
  model: ServingOptions | null;
  /** Property of the model's response holding the prediction. */
  prediction: string;
  /** Decision threshold, or `null` (no flips counted). */
  threshold: number | null;
  /** Most skewed rows scored. */
  maxRows: number;
}

/** A reporter with its options. */
export interface ResolvedReporter {
  /** Reporter name. */
  name: ReporterName;
  /** Reporter options (file paths already absolute). */
  options: Record<string, unknown>;
}

/** A column named by a config setting, for checking against the source's columns once they are known. */
export interface ColumnReference {
  /** The setting that names it, e.g. `serving.request.columns[2]`. */
  configPath: string;
  /** The column name as written. */
  column: string;
}

/** The configuration after defaults, target overrides and environment placeholders: every property set. */
export interface ResolvedConfig {
  /** Absolute path of the config file, or null for a config given in code. */
  configFile: string | null;
  /** Directory relative paths are resolved against. */
  rootDir: string;
  /** Selected target, if any. */
  target: string | null;
  /** Short hash of the config as written (before environment substitution, so secrets never feed it). */
  configHash: string;
  /** Source, with the config's input contract options (`{}` when none). */
  source: SourceOptions & { contract: Record<string, ColumnContractOptions> };
  /** Sampling. */
  sample: SampleOptions;
  /** Offline pipeline. */
  offline: ResolvedOffline;
  /** Serving endpoint. */
  serving: ServingOptions;
  /** Local serving process, if any. */
  start: StartOptions | null;
  /** Serving cassette (`serving.record` / `serving.replay`), absolute directory; `null` when off. */
  cassette: { mode: 'record' | 'replay'; dir: string } | null;
  /** Comparison options (compiled by the runner). */
  compare: CompareOptions;
  /** Checks and their options. */
  checks: ResolvedChecks;
  /** Failure memory. */
  failures: { dir: string; remember: boolean };
  /** Golden files; `enabled` false unless configured. */
  golden: ResolvedGolden;
  /** Budgets. */
  budget: { errorRate: number; minCompared: number };
  /** Reporting. */
  report: { dir: string; reporters: ResolvedReporter[]; examples: number; baseline: string | null };
  /** Prediction impact, or `null` when not configured. */
  impact: ResolvedImpact | null;
  /** `shard.total`, when the config sets it. */
  shardTotal?: number;
  /** Values read from the environment into URLs and headers: replaced by `***` in all output. */
  secrets: string[];
  /**
   * Columns named by settings the source reader does not check itself (`serving.request.columns`,
   * `golden.redact`): the runner checks them against the source's columns before anything starts.
   */
  columnReferences: ColumnReference[];
  /** The serving log of `skew logs`, or null when the config has no `logs` section. */
  logs: ResolvedLogs | null;
}
