import { ConfigError } from '../errors/config-error';
import type { ImpactConfig } from './impact-config';
import type { ServingConfig } from './user-config';
import type { ResolvedImpact } from './resolved-config';
import { resolveServing } from './resolve-serving';

/** Default `impact.maxRows`. */
export const DEFAULT_IMPACT_MAX_ROWS = 100;

/**
 * The `impact` section with defaults filled, or `null` when it is not set. The model endpoint is resolved exactly as
 * `serving` is (env placeholders, `${port}` of `serving.start`, mappers), with problems named under `impact.model`.
 */
export function resolveImpact(
  impact: ImpactConfig | undefined,
  start: ServingConfig['start'] | null,
  sourceKey: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  secrets: Set<string>,
  fail: (p: string, problem: string) => never,
): ResolvedImpact | null {
  if (!impact) return null;
  let model: ResolvedImpact['model'] = null;
  if (impact.model) {
    const relocate = (p: string) => p.replace(/^serving(?=\.|$)/, 'impact.model');
    try {
      // `${port}` in its URL is serving.start's port (the model may live on the local server).
      const section = { ...impact.model, response: impact.model.response ?? { path: '' }, ...(start ? { start } : {}) };
      model = resolveServing(section, sourceKey, env, secrets, (p, problem) => fail(relocate(p), problem)).serving;
    } catch (error) {
      // resolveServing names its settings under `serving`: the user wrote these under `impact.model`.
      if (error instanceof ConfigError && error.path.startsWith('serving')) throw new ConfigError(relocate(error.path), error.problem, { cause: error });
      throw error;
    }
  }
  return { model, prediction: impact.prediction ?? 'prediction', threshold: impact.threshold ?? null, maxRows: impact.maxRows ?? DEFAULT_IMPACT_MAX_ROWS };
}
