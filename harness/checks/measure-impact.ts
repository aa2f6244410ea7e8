import type { FeatureAdapter } from '../adapters/feature-adapter';
import type { FeatureVector, SideResult } from '../core/row';
import { buildRowProbes, chooseImpactRows, type SkewedRow } from '../core/impact-probes';
import type { FieldImpact, ImpactDetails } from '../core/prediction-impact';
import { summarizeImpact, type Scored, type ScoredRow } from '../core/summarize-impact';
import type { RowComparison } from './row-comparison';

/** Options of {@link measureImpact}. */
export interface MeasureImpactOptions {
  /** The model endpoint: scores one feature vector per "row". `unavailable` says why it stopped answering, if it did. */
  model: FeatureAdapter & { readonly unavailable?: string | null };
  /** Property of the model's answer holding the prediction. */
  prediction: string;
  /** Decision threshold, or `null` (no flips counted). */
  threshold: number | null;
  /**
   * Skewed rows in all, when `comparisons` holds only some of them (parity keeps the `maxRows` it would choose, not
   * every skewed row). Default: the skewed rows among `comparisons`.
   */
  skewedTotal?: number | undefined;
  /** Most skewed rows scored. */
  maxRows: number;
  /** online name → offline name (`compare.rename`, reversed). */
  renameOnline: ReadonlyMap<string, string>;
  signal?: AbortSignal | undefined;
}

/** Per-field impact, and what the step did. */
export interface ImpactOutput {
  details: ImpactDetails;
  /** By field (offline name); ranks set. */
  fields: Map<string, FieldImpact>;
}

/** Distinct failure reasons kept on the details. */
const MAX_FAILURES = 5;

/** Per-field impact, what the step did, and the scored rows it came from (a shard's blob keeps them for the merge). */
export interface MeasuredImpact extends ImpactOutput {
  /** The chosen rows with their predictions, in the order chosen (lowest key hash first). */
  scored: ScoredRow[];
}

/**
 * Prediction impact of parity's skewed rows: chooses at most `maxRows` of them (by key hash), sends the model each
 * row's offline vector, online vector, and per differing field the offline vector with that field alone from
 * online, and turns the predictions into per-field |Δ| and decision flips (see `summarizeImpact`). A vector the
 * model does not score is counted as a failure, never as no change. Rejects only when the model adapter does (the
 * endpoint refused the run's credentials) or on abort.
 */
export async function measureImpact(comparisons: readonly RowComparison[], options: MeasureImpactOptions): Promise<MeasuredImpact> {
  const { model, prediction, maxRows } = options;
  const skewed: SkewedRow[] = [];
  for (const c of comparisons) {
    if (c.offline.kind !== 'ok' || c.online.kind !== 'ok') continue;
    if (!c.outcomes.some((o) => o.mismatches.length > 0)) continue;
    skewed.push({ key: c.row.key, offline: c.offline.features, online: c.online.features, outcomes: c.outcomes });
  }
  const chosen = chooseImpactRows(skewed, maxRows).map((row) => buildRowProbes(row, options.renameOnline));
  const requests = chosen.flatMap((p) => [p.offline, p.online, ...p.variants.map((v) => v.vector)].map((fields) => ({ key: p.key, fields })));
  const results = requests.length > 0 ? await model.compute(requests, options.signal ? { signal: options.signal } : {}) : [];
  options.signal?.throwIfAborted();
  const scored = results.map((r) => readPrediction(r, prediction));
  let next = 0;
  const rows: ScoredRow[] = chosen.map((probes) => ({
    probes,
    offline: scored[next++]!,
    online: scored[next++]!,
    variants: probes.variants.map(() => scored[next++]!),
  }));
  const summary = impactOfScoredRows(rows, {
    model: model.description,
    prediction,
    threshold: options.threshold,
    maxRows,
    skewedTotal: options.skewedTotal ?? skewed.length,
    unavailable: model.unavailable ?? null,
  });
  return { ...summary, scored: rows };
}

/** What {@link impactOfScoredRows} needs besides the rows. */
export interface ImpactOfScoredOptions {
  /** The model endpoint as reports name it. */
  model: string;
  prediction: string;
  threshold: number | null;
  maxRows: number;
  /** Skewed rows in all (the rows scored are at most `maxRows` of them). */
  skewedTotal: number;
  /** Why the model endpoint stopped answering, if it did. */
  unavailable: string | null;
}

/**
 * The impact numbers and details of scored rows (pure): what {@link measureImpact} reports, and what `skew merge`
 * recomputes from the shards' scored rows, chosen again over the whole run.
 */
export function impactOfScoredRows(rows: readonly ScoredRow[], options: ImpactOfScoredOptions): ImpactOutput {
  const summary = summarizeImpact(rows, options.threshold);
  const all = rows.flatMap((r) => [r.offline, r.online, ...r.variants]);
  const failed = all.filter((s) => s.kind === 'failed').length;
  const notes: string[] = [];
  if (options.skewedTotal === 0) notes.push('no skewed rows to score');
  if (options.unavailable) notes.push(`the model endpoint stopped answering (${options.unavailable}); rows it did not score are counted as failed`);
  return {
    fields: summary.fields,
    details: {
      status: 'measured',
      model: options.model,
      prediction: options.prediction,
      threshold: options.threshold,
      skewedRows: options.skewedTotal,
      rowsChosen: rows.length,
      maxRows: options.maxRows,
      vectors: { total: all.length, failed },
      rows: summary.rows,
      failures: summary.failures.slice(0, MAX_FAILURES),
      notes,
    },
  };
}

/** The prediction in a model's answer: a finite number (a boolean counts as 0 or 1), or why there is none. */
function readPrediction(result: SideResult, name: string): Scored {
  switch (result.kind) {
    case 'error':
      return { kind: 'failed', reason: result.message };
    case 'skipped':
      return { kind: 'failed', reason: `not sent: ${result.reason}` };
    case 'ok':
      return predictionOf(result.features, name);
  }
}

function predictionOf(answer: FeatureVector, name: string): Scored {
  const value = Object.hasOwn(answer, name) ? answer[name] : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'ok', value };
  if (typeof value === 'boolean') return { kind: 'ok', value: value ? 1 : 0 };
  if (value === undefined) {
    const keys = Object.keys(answer).slice(0, 10);
    return { kind: 'failed', reason: `response has no ${JSON.stringify(name)} (got keys: ${keys.length > 0 ? keys.join(', ') : 'none'}); check impact.prediction` };
  }
  return { kind: 'failed', reason: `response ${JSON.stringify(name)} is not a finite number (got ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value)})` };
}
