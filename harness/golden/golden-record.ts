import type { FeatureVector, Row } from '../core/row';

/** Format marker and version written in the header line of every golden file. */
export const GOLDEN_FORMAT = 'skew-harness/golden';
/** Version of the golden file format; bumped on any incompatible change. */
export const GOLDEN_VERSION = 1;

/** The first line of a golden file: what it is and the settings that decide how it is compared. */
export interface GoldenHeader {
  format: typeof GOLDEN_FORMAT;
  version: typeof GOLDEN_VERSION;
  /** Harness version that wrote it. */
  harness: string;
  /** Suite name. */
  suite: string;
  /** Comparison settings that matter (the config's `compare` section, canonical). */
  compare: unknown;
  /** Columns redacted in stored inputs. */
  redacted: string[];
}

/** One golden record: a row of the fixed row set with both sides' features. */
export interface GoldenRecord {
  /** Row key. */
  key: string;
  /** The row's columns (redacted columns replaced). */
  input: Row;
  /** Offline features, or null when the offline side failed for the row at recording time. */
  offline: FeatureVector | null;
  /** Online features, or null when serving failed for the row at recording time. */
  online: FeatureVector | null;
}

/** A parsed golden file. */
export interface GoldenFile {
  header: GoldenHeader;
  /** Records sorted by key. */
  records: GoldenRecord[];
}

/** What a redacted input value is replaced by. Constant, so a redacted column never shows up as a change. */
export const REDACTED = '[redacted]';
