import { encodeJsonValue } from '../../core/json-encoding';
import { TOOL_VERSION } from '../../version';
import type { DriftReport } from '../../core/drift-report';

/** Version of the drift JSON layout; readers should check it. Bumped only for incompatible changes. */
export const DRIFT_SCHEMA_VERSION = 1;

/**
 * The drift report as versioned JSON: `{ schemaVersion: 1, kind: 'drift', tool, baseline, current, sample,
 * thresholds, columns, onlyInBaseline, onlyInCurrent, excluded, verdict }`, with the fields of
 * {@link DriftReport}. Non-finite numbers (a median of ±Infinity) are encoded as in the skew report
 * (`{"$number": "Infinity"}`).
 */
export function serializeDriftReport(report: DriftReport): string {
  const document = {
    schemaVersion: DRIFT_SCHEMA_VERSION,
    kind: 'drift',
    tool: { name: 'skew-harness', version: TOOL_VERSION },
    ...report,
  };
  return `${JSON.stringify(encodeJsonValue(document), null, 2)}\n`;
}
