import type { CheckResult } from '../core/check-result';
import type { ComparePolicy } from '../core/compare-policy';
import type { DataProfile } from '../core/data-profile';
import type { FieldOutcome } from '../core/diff';
import type { MismatchKind } from '../core/mismatch';
import type { ColumnInfo, FeatureVector, SideResult, SourceRow } from '../core/row';
import type { AnalysisInput, AnalysisRow } from './analysis-input';
import { diffHistogramFor, distributionFor, scatterFor } from './distribution';
import { hintsForField } from './hints';
import { segmentsForField } from './segments';

/** A compared row as checks keep it. */
export interface ComparedRow {
  row: SourceRow;
  offline: SideResult;
  online: SideResult;
  outcomes: readonly FieldOutcome[];
}

/** Builds the analyses' input from a check's compared rows (online renamed to offline names). */
export function analysisInput(rows: readonly ComparedRow[], columns: readonly ColumnInfo[], profile: DataProfile, policy: ComparePolicy): AnalysisInput {
  const analysed: AnalysisRow[] = [];
  const offlineFields = new Set<string>();
  const onlineFields = new Set<string>();
  for (const c of rows) {
    if (c.offline.kind !== 'ok' || c.online.kind !== 'ok') continue;
    const online = renamed(c.online.features, policy.renameOnline);
    for (const f of Object.keys(c.offline.features)) offlineFields.add(f);
    for (const f of Object.keys(online)) onlineFields.add(f);
    analysed.push({
      key: c.row.key,
      inputs: c.row.values,
      offline: c.offline.features,
      online,
      mismatched: new Set(c.outcomes.filter((o) => o.mismatches.length > 0).map((o) => o.field)),
      kinds: mismatchKinds(c.outcomes),
    });
  }
  return {
    rows: analysed,
    columns,
    profile,
    offlineOnly: [...offlineFields].filter((f) => !onlineFields.has(f)),
    onlineOnly: [...onlineFields].filter((f) => !offlineFields.has(f)),
  };
}

/**
 * Attaches the field analyses to a check result: hints and segments for failing fields, the offline-vs-online distribution,
 * the histogram of differences and the scatter for every field. Pure; returns a new result.
 */
export function withFieldAnalysis(result: CheckResult, input: AnalysisInput): CheckResult {
  if (input.rows.length === 0) return result;
  return {
    ...result,
    fields: result.fields.map((f) => ({
      ...f,
      analysis: {
        hints: f.status === 'failed' ? hintsForField(f.field, input) : [],
        distribution: distributionFor(f.field, input),
        diffHistogram: diffHistogramFor(f.field, input),
        scatter: scatterFor(f.field, input),
        ...(f.status === 'failed' ? { segments: segmentsForField(f.field, input) } : {}),
      },
    })),
  };
}

/** The kind of each mismatched field: the top-level mismatch's when there is one (a nested path's otherwise). */
function mismatchKinds(outcomes: readonly FieldOutcome[]): Map<string, MismatchKind> {
  const kinds = new Map<string, MismatchKind>();
  for (const o of outcomes) {
    const first = o.mismatches.find((m) => m.path === o.field) ?? o.mismatches[0];
    if (first) kinds.set(o.field, first.kind);
  }
  return kinds;
}

function renamed(features: FeatureVector, renames: ReadonlyMap<string, string>): FeatureVector {
  if (renames.size === 0) return features;
  return Object.fromEntries(Object.entries(features).map(([k, v]) => [renames.get(k) ?? k, v]));
}
