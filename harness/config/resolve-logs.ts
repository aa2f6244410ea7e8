import type { DriftThresholds } from '../core/drift-report';
import type { SampleOptions } from '../source/source-options';
import type { ServingLogOptions } from '../source/serving-log/serving-log-options';
import { parseLogTime } from '../source/serving-log/log-time';
import type { LogsConfig } from './logs-config';

/** The `logs` section with defaults filled. */
export interface ResolvedLogs {
  /** How to read the log (path absolute, fields and time window resolved). */
  log: ServingLogOptions;
  /** The input column set from each record's time, or null. */
  referenceTimeColumn: string | null;
  /** How logged records are sampled. */
  sample: SampleOptions;
  /** Shift thresholds, and whether a shift fails the run. */
  drift: { thresholds: DriftThresholds; fail: boolean };
}

/** Default shift thresholds: those of `skew drift`. */
export const DEFAULT_LOG_DRIFT: DriftThresholds = { psi: 0.2, jensenShannon: 0.1, lInfinity: 0.1 };

/**
 * Fills the defaults of a (schema-checked) `logs` section. `since`/`until` must be ISO 8601 instants, the window
 * not empty; a problem is reported through `fail` with its config path.
 */
export function resolveLogs(
  logs: LogsConfig,
  sample: SampleOptions,
  at: (p: string) => string,
  fail: (configPath: string, problem: string) => never,
): ResolvedLogs {
  const instant = (name: 'since' | 'until'): number | null => {
    const text = logs[name];
    if (text === undefined) return null;
    const ms = parseLogTime(text);
    if (ms === null) fail(`logs.${name}`, `must be an ISO 8601 instant like 2024-03-01T00:00:00Z (got ${JSON.stringify(text)})`);
    return ms;
  };
  const since = instant('since');
  const until = instant('until');
  if (since !== null && until !== null && until <= since) fail('logs.until', `must be after logs.since (${logs.since} … ${logs.until} is empty)`);
  const f = logs.fields ?? {};
  const method = logs.sample?.method ?? 'reservoir';
  return {
    log: {
      path: at(logs.path),
      format: logs.format ?? 'jsonl',
      fields: {
        inputs: f.inputs ?? 'inputs',
        features: f.features ?? 'features',
        time: f.time ?? 'time',
        key: f.key === undefined ? 'key' : f.key,
        label: f.label ?? null,
      },
      since,
      until,
      onBadRow: logs.onBadRow ?? 'error',
      keys: null,
    },
    referenceTimeColumn: logs.referenceTimeColumn ?? null,
    sample: { method, size: logs.sample?.size ?? sample.size, seed: logs.sample?.seed ?? sample.seed, stratifyBy: null },
    drift: {
      thresholds: {
        psi: logs.drift?.psi ?? DEFAULT_LOG_DRIFT.psi,
        jensenShannon: logs.drift?.jensenShannon ?? DEFAULT_LOG_DRIFT.jensenShannon,
        lInfinity: logs.drift?.lInfinity ?? DEFAULT_LOG_DRIFT.lInfinity,
      },
      fail: logs.drift?.fail ?? false,
    },
  };
}
