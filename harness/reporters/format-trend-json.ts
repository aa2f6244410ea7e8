import type { TrendSeries } from '../core/trend-series';

/** Version of the `skew trend --reporter json` document; bumped on any incompatible change. */
export const TREND_SCHEMA_VERSION = 1;

/**
 * `skew trend` as JSON: `{ schemaVersion, tool, kind: "skew-trend", nights, fields, latest, warnings }` — the
 * {@link TrendSeries} as computed, for dashboards and scripts. Rates and intervals are plain numbers (always finite).
 */
export function serializeTrendSeries(series: TrendSeries, toolVersion: string): string {
  const document = { schemaVersion: TREND_SCHEMA_VERSION, tool: { name: 'skew-harness', version: toolVersion }, kind: 'skew-trend', ...series };
  return `${JSON.stringify(document, null, 2)}\n`;
}
