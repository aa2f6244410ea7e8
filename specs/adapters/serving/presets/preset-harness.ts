import { createServingAdapter, type ServingAdapter } from '../../../../harness/adapters/serving';
import { resolveConfig } from '../../../../harness/config/resolve-config';
import type { ResolvedConfig } from '../../../../harness/config/resolved-config';
import type { ServingConfig } from '../../../../harness/config/user-config';

/** Resolves a config whose `serving` section is `serving` (source keyed by `id`), as `skew run` would. */
export function resolveWithServing(serving: ServingConfig): ResolvedConfig {
  return resolveConfig(
    { source: { path: 'train.csv', key: 'id' }, offline: { columns: ['f'] }, serving: { retries: 0, backoff: { initialMs: 1, maxMs: 5 }, ...serving } },
    { rootDir: '/repo', env: {} },
  );
}

/** The real serving adapter for a resolved `serving` section. */
export function presetAdapter(serving: ServingConfig): ServingAdapter {
  return createServingAdapter({ ...resolveWithServing(serving).serving, maxConsecutiveFailures: 0 });
}

/** Adapter rows keyed by `id`. */
export function adapterRows(rows: Array<Record<string, unknown>>): Array<{ key: string; fields: Record<string, unknown> }> {
  return rows.map((fields) => ({ key: String(fields['id']), fields }));
}
