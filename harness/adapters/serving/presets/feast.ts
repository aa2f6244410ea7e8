import type { FeatureVector } from '../../../core/row';
import { markUnserved } from '../../../core/unserved-fields';
import { describeValue, isPlainObject } from '../default-mappers';
import { UnsendableValueError } from '../unsendable-value';
import type { ResolvedPreset } from './preset-types';
import { joinPresetPath } from './preset-url';

/**
 * `serving.feast`: the Feast feature server (`feast serve`, `/get-online-features`). Give `features` or
 * `featureService`.
 *
 * @example
 * serving: { preset: 'feast', url: 'http://127.0.0.1:6566', feast: { featureService: 'churn_v2', entities: ['customer_id'] } }
 */
export interface FeastSettings {
  /** Feature references (`customer_stats:spend_30d`). */
  features?: string[];
  /** A feature service name, instead of `features`. */
  featureService?: string;
  /** Entity join-key columns sent as `entities`. Default: `source.key`. */
  entities?: string[];
  /** `full_feature_names`: features named `view__feature` instead of `feature`. Default `false`. */
  fullFeatureNames?: boolean;
}

/** Statuses whose value slot holds no stored value: the field is reported `missing_online` with the status. */
const NOT_SERVED = new Set(['NOT_FOUND', 'OUTSIDE_MAX_AGE', 'INVALID']);

/** The Feast feature server preset, resolved against the configured URL. `entities` is already defaulted. */
export function feastPreset(configured: string, settings: FeastSettings & { entities: string[] }): ResolvedPreset {
  const { endpoint, base } = joinPresetPath(configured, '/get-online-features');
  const entities = settings.entities;
  const wanted = settings.featureService !== undefined ? { feature_service: settings.featureService } : { features: settings.features ?? [] };
  return {
    name: 'feast',
    url: endpoint,
    request: (rows) => ({
      ...wanted,
      entities: Object.fromEntries(
        entities.map((column) => [
          column,
          rows.map((row) => {
            const value = row[column];
            if (value === null || value === undefined) throw new UnsendableValueError(`entity column ${JSON.stringify(column)} is ${value === null ? 'null' : 'missing'}: Feast looks rows up by it`);
            return value;
          }),
        ]),
      ),
      ...(settings.fullFeatureNames ? { full_feature_names: true } : {}),
    }),
    response: (body, rows) => readFeatures(body, rows.length, new Set(entities)),
    ready: { url: `${base}/health`, check: null },
  };
}

/**
 * One vector per row from Feast's column-wise answer: `results[j]` holds feature `metadata.feature_names[j]` for every
 * row. Entity columns are left out (they echo the request). A `NOT_FOUND` / `OUTSIDE_MAX_AGE` value is not a stored
 * null: the feature is left out of the row with its status as the reason, so the diff says so.
 */
function readFeatures(body: unknown, rowCount: number, entities: ReadonlySet<string>): FeatureVector[] {
  if (!isPlainObject(body)) throw new Error(`response is not an online features response (got ${describeValue(body)})`);
  const metadata = body['metadata'];
  const names = isPlainObject(metadata) ? metadata['feature_names'] : undefined;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new Error(`response has no "metadata.feature_names" list (got ${describeValue(names)})`);
  const results = body['results'];
  if (!Array.isArray(results) || results.length !== names.length) {
    throw new Error(`response "results" must hold one entry per feature name (${names.length}), got ${describeValue(results)}${Array.isArray(results) ? ` of ${results.length}` : ''}`);
  }
  const rows: FeatureVector[] = Array.from({ length: rowCount }, () => ({}));
  const reasons: Array<Record<string, string>> = Array.from({ length: rowCount }, () => ({}));
  results.forEach((result, j) => {
    const name = names[j] as string;
    if (entities.has(name)) return;
    const values = isPlainObject(result) ? result['values'] : undefined;
    const statuses = isPlainObject(result) ? result['statuses'] : undefined;
    if (!Array.isArray(values) || values.length !== rowCount) throw new Error(`response results[${j}] (${name}) must hold ${rowCount} values, got ${describeValue(values)}${Array.isArray(values) ? ` of ${values.length}` : ''}`);
    if (statuses !== undefined && (!Array.isArray(statuses) || statuses.length !== rowCount)) throw new Error(`response results[${j}] (${name}) must hold ${rowCount} statuses`);
    values.forEach((value, i) => {
      const status = statuses === undefined ? 'PRESENT' : String(statuses[i]);
      if (NOT_SERVED.has(status)) reasons[i]![name] = `Feast status ${status}`;
      else rows[i]![name] = status === 'NULL_VALUE' ? null : value;
    });
  });
  return rows.map((row, i) => markUnserved(row, reasons[i]!));
}
