import { ConfigError } from '../../errors/config-error';
import type { Redactor, SideResult } from '../../core/row';
import { OfflineError } from '../../errors/offline-error';
import type { AdapterRow, ComputeOptions, FeatureAdapter } from '../feature-adapter';
import { createServingAdapter } from '../serving/serving-adapter';
import type { ServingOptions } from '../serving/serving-options';

/** Rows tried by `warmUp` before an endpoint that computes none of them is declared broken. */
const WARM_UP_ROWS = 3;

/** What {@link createHttpOfflineAdapter} needs besides the endpoint's options. */
export interface HttpOfflineContext {
  /** Replaces secrets in messages. */
  redact?: Redactor;
  /**
   * The rows were chosen by key (`--keys`), most likely because they fail: then the endpoint is never declared broken
   * as a whole for failing them (only when it stops answering). Default `false`.
   */
  chosenRows?: boolean;
}

/**
 * The offline pipeline behind a batch HTTP endpoint (`offline.url`). It is the serving adapter's HTTP machinery —
 * keep-alive pool, mappers, retries with backoff, limits — pointed at the offline side: rows go in batches of
 * `batch.size`; a batch the endpoint fails because of its rows (a 400, a 500, a body that does not map to one vector
 * per row) is resent row by row so the rows responsible become row errors and the others are computed, as the
 * command adapter isolates a failing batch. An endpoint that is down as a whole (the breaker opens) fails the run
 * with an {@link OfflineError}, as a crashed pipeline does: offline features are the reference, never inconclusive.
 *
 * @example
 * createHttpOfflineAdapter(options) // options from `offline: { url: 'http://127.0.0.1:9000/features', batchSize: 500 }`
 */
export function createHttpOfflineAdapter(options: ServingOptions, context: HttpOfflineContext = {}): FeatureAdapter {
  const endpoint = createServingAdapter(options, context.redact ? { redact: context.redact } : {});
  const description = `offline ${endpoint.description}`;
  const compute = async (rows: readonly AdapterRow[], computeOptions: ComputeOptions = {}): Promise<SideResult[]> => {
    const results = await endpoint.compute(rows, computeOptions).catch((error: unknown) => {
      // The endpoint adapter names its own settings (serving.batch.response); here they are offline's (offline.response).
      throw error instanceof ConfigError ? new ConfigError(error.path.replace(/^serving(\.batch)?\b/, 'offline'), error.problem, { cause: error }) : error;
    });
    if (endpoint.unavailable !== null) throw new OfflineError(`offline endpoint failed as a whole: ${endpoint.unavailable.replace(/^serving unavailable: /, '')}`);
    return results;
  };
  return {
    side: 'offline',
    description,
    compute,
    async warmUp(rows: readonly AdapterRow[], signal?: AbortSignal): Promise<void> {
      const tried = rows.slice(0, WARM_UP_ROWS);
      // Fewer rows, or rows chosen by key, cannot tell a broken endpoint from rows it rightly rejects.
      if (tried.length < WARM_UP_ROWS || context.chosenRows) return;
      const results = await compute(tried, signal ? { signal } : {});
      if (results.some((r) => r.kind !== 'error')) return;
      const first = results[0] as Extract<SideResult, { kind: 'error' }>;
      throw new OfflineError(`offline endpoint fails on every row it is given (${tried.length} tried): ${first.message}`);
    },
    close: () => endpoint.close(),
  };
}
