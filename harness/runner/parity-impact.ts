import { createServingAdapter } from '../adapters/serving';
import type { RowComparison } from '../checks/row-comparison';
import { measureImpact } from '../checks/measure-impact';
import type { ScoredRow } from '../core/summarize-impact';
import type { CheckResult } from '../core/check-result';
import type { ImpactDetails } from '../core/prediction-impact';
import { ConfigError } from '../errors/config-error';
import { errorMessage } from '../errors/error-message';
import type { SessionEnv } from './session-checks/session-check';
import type { ResolvedImpact } from '../config/resolved-config';

/**
 * Parity's result with the prediction impact of its skewed fields (when `impact` is configured): per-field numbers
 * on `fields[].impact`, what was done on `impact`. Runs after parity, on parity's rows of the random sample (replayed
 * remembered rows left out, as in parity's statistics). Impact is information, never a verdict: a model endpoint
 * that cannot be used leaves a note and no numbers, and the run goes on; only an abort ends it.
 *
 * @param comparisons parity's rows the impact may score (it keeps the skewed rows impact would choose)
 * @param skewedTotal skewed rows of the random sample in all
 */
export async function withPredictionImpact(
  result: CheckResult,
  comparisons: readonly RowComparison[],
  env: SessionEnv,
  skewedTotal?: number,
  keep?: (scored: ShardImpact) => void,
): Promise<CheckResult> {
  const impact = env.config.impact;
  if (!impact) return result;
  const sampled = env.pinnedOnly.size === 0 ? comparisons : comparisons.filter((c) => !env.pinnedOnly.has(c.row.key));
  const unavailable = (note: string): CheckResult => ({ ...result, impact: unavailableDetails(impact, note, env.redact) });
  if (!env.impactModel) {
    // A prediction in serving's response alone says how the whole row moved online, not which field moved it.
    const servingPredicts = sampled.some((c) => c.online.kind === 'ok' && Object.hasOwn(c.online.features, impact.prediction));
    return unavailable(
      servingPredicts
        ? `impact needs impact.model: serving returns ${JSON.stringify(impact.prediction)}, but the offline side has no prediction to hold it against, and attributing it to single fields needs an endpoint that scores a feature vector`
        : 'impact needs impact.model: an endpoint that scores a feature vector',
    );
  }
  let model: ReturnType<typeof createServingAdapter> | undefined;
  try {
    model = createServingAdapter(env.impactModel, { redact: env.redact });
    const out = await measureImpact(sampled, {
      skewedTotal,
      model,
      prediction: impact.prediction,
      threshold: impact.threshold,
      maxRows: impact.maxRows,
      renameOnline: env.policy.renameOnline,
      signal: env.signal,
    });
    const details: ImpactDetails = {
      ...out.details,
      failures: out.details.failures.map(env.redact),
      notes: out.details.notes.map(env.redact),
    };
    keep?.({ scored: out.scored, skewed: out.details.skewedRows, model: out.details.model ?? '', unavailable: model.unavailable ?? null });
    return { ...result, fields: result.fields.map((f) => (out.fields.has(f.field) ? { ...f, impact: out.fields.get(f.field)! } : f)), impact: details };
  } catch (error) {
    if (env.signal?.aborted) throw error;
    // The endpoint refused the run's credentials or redirected: a finding about the model endpoint, not the run.
    const message = error instanceof ConfigError ? `${error.path.replace(/^serving/, 'impact.model')} ${error.problem}` : errorMessage(error).split('\n')[0]!;
    return unavailable(`the model endpoint could not be used: ${message}`);
  } finally {
    await model?.close();
  }
}

/** What a shard keeps of its impact step for the merge: its scored rows (its own lowest-hash skewed rows). */
export interface ShardImpact {
  scored: ScoredRow[];
  /** Skewed rows of the shard's part of the sample. */
  skewed: number;
  /** The model endpoint as reports name it. */
  model: string;
  /** Why the model endpoint stopped answering, if it did. */
  unavailable: string | null;
}

/** Impact details that say why no impact was measured. */
export function unavailableDetails(impact: Pick<ResolvedImpact, 'prediction' | 'threshold' | 'maxRows'>, note: string, redact: (s: string) => string): ImpactDetails {
  return {
    status: 'unavailable',
    model: null,
    prediction: impact.prediction,
    threshold: impact.threshold,
    skewedRows: 0,
    rowsChosen: 0,
    maxRows: impact.maxRows,
    vectors: { total: 0, failed: 0 },
    rows: { scored: 0, meanAbsDelta: null, maxAbsDelta: null, flipped: null },
    failures: [],
    notes: [redact(note)],
  };
}
