import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The statistics "fitted" on the training data (`pipeline/artifacts.json`, written by `data/generate.ts`). Both
 * offline pipelines and the serving endpoint read this one file, so parity failures come from code, not from
 * different statistics.
 */
export interface Artifacts {
  /** Version of this file's layout. */
  format_version: 1;
  /** Which data the statistics were fitted on. */
  fitted_on: { file: string; rows: number };
  /** Training median of non-null `monthly_spend`, used to impute nulls for `spend_log`. */
  monthly_spend: { median: number };
  /** `sessions_last_30d`: median of non-null values (imputation), then mean and population std of the imputed column. */
  sessions_last_30d: { mean: number; median: number; std: number };
  /** Plans seen in training after trim + lower-case, sorted; `plan_code` is the index in this list. */
  plan_vocabulary: string[];
}

/** Path of the committed artifacts file, next to this module. */
export const ARTIFACTS_PATH = join(__dirname, 'artifacts.json');

let cached: Artifacts | undefined;

/** Reads `artifacts.json` once per process (the file is small and never changes while a pipeline runs). */
export function loadArtifacts(): Artifacts {
  cached ??= JSON.parse(readFileSync(ARTIFACTS_PATH, 'utf8')) as Artifacts;
  return cached;
}
