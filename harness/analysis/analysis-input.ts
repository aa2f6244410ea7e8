import type { DataProfile } from '../core/data-profile';
import type { MismatchKind } from '../core/mismatch';
import type { ColumnInfo, FeatureVector, Row } from '../core/row';

/** One compared row, as the analyses see it: the inputs that produced it and both sides' features. */
export interface AnalysisRow {
  /** Row key. */
  key: string;
  /** The row's source columns (inputs, keys and label), typed. */
  inputs: Row;
  /** Offline features. */
  offline: FeatureVector;
  /** Online features (already renamed to offline names). */
  online: FeatureVector;
  /** Top-level fields that mismatched in this row (after noise cancellation). */
  mismatched: ReadonlySet<string>;
  /**
   * How each mismatched field failed (`value`, `type`, `missing_online`, …), when the diff recorded it; hints
   * read it (a field absent online is "absent", not "imputed differently"). Without it, the kind is read from
   * the values (a field on one side only is missing on the other).
   */
  kinds?: ReadonlyMap<string, MismatchKind>;
}

/** Everything the field analyses (hints, distributions) work from. Pure data. */
export interface AnalysisInput {
  /** Compared rows (both sides produced features), in sample order. */
  rows: readonly AnalysisRow[];
  /** Source columns with types and roles (date columns drive the row-age hint). */
  columns: readonly ColumnInfo[];
  /** Profile of the sample (category vocabularies, quantiles for bucket edges). */
  profile: DataProfile;
  /** Fields present only offline / only online (names), for rename detection. */
  offlineOnly: readonly string[];
  onlineOnly: readonly string[];
}
