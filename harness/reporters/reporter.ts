import type { CheckResult } from '../core/check-result';
import type { SkewReport } from '../core/report';
import type { Side } from '../core/row';

/** Sent when a run starts. */
export interface BeginEvent {
  /** Config file (relative to the working directory) or null. */
  configFile: string | null;
  /** Target, if any. */
  target: string | null;
  /** Source file (relative). */
  source: string;
  /** Sample size and method, seed. */
  sample: { size: number; method: string; seed: number };
}

/** Sent when sampling is done. */
export interface SampledEvent {
  /** Records read. */
  rowsRead: number;
  /** Rows drawn. */
  rowsSampled: number;
  /** Offline side description. */
  offline: string;
  /** Online side description (URL redacted). */
  online: string;
}

/** Sent while a check runs, as results arrive on a side. */
export interface ProgressEvent {
  /** Check name. */
  check: string;
  /** Side the result came from. */
  side: Side;
  /** Results received on that side. */
  done: number;
  /** Rows the check sends to that side. */
  total: number;
}

/**
 * A sink of run events (the Playwright reporter model): every hook optional, called in order. Reporters only
 * render; the verdict is decided before `onEnd` and carried in the report, so no two reporters can disagree.
 */
export interface Reporter {
  /** The reporter's name, for error messages. */
  readonly name: string;
  /** The run started. */
  onBegin?(event: BeginEvent): void;
  /** Rows were sampled. */
  onSampled?(event: SampledEvent): void;
  /** A check started, on `total` rows. */
  onCheckBegin?(check: string, total: number): void;
  /** A result arrived (called often: must be cheap). */
  onProgress?(event: ProgressEvent): void;
  /** A check ended. */
  onCheckEnd?(result: CheckResult): void;
  /** The run ended with this report. May write files. */
  onEnd?(report: SkewReport): void | Promise<void>;
  /** The run could not complete (config, source, offline failure). */
  onError?(error: unknown): void;
}
