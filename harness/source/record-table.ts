import { closest } from '../core/closest-name';
import type { Row } from '../core/row';
import type { SourceColumn } from './sample-result';

/** What sampling needs from a record that passed every check. */
export interface AdmittedRecord {
  /** Row key before de-duplication: key column values as text joined with `|`, or the record number. */
  key: string;
  /** Value of the stratify column as text (`null` when null or absent, or when not stratifying). */
  stratum: string | null;
}

/** Why a record is a bad row. */
export interface Rejection {
  /** One line: what is wrong with the record. */
  problem: string;
  /** The config setting whose value made the record bad (`source.types.plan`), when one did. */
  configPath?: string | undefined;
  /** The 1-based column (in characters) of the value to blame, found in the record's text as written. */
  locate?: ((text: string) => number | undefined) | undefined;
}

/** True when {@link RecordTable.admit} turned the record down. */
export function isRejection(outcome: AdmittedRecord | Rejection): outcome is Rejection {
  return 'problem' in outcome;
}

/**
 * Format-specific knowledge of a source's columns (CSV cells by position, JSON Lines values by name): checks
 * each record, infers column types over every admitted record, and types the records that were sampled.
 */
export interface RecordTable<R> {
  /**
   * Checks a parsed record (empty key, values that do not fit a configured type) and feeds it to type inference.
   * Returns why it is a bad row, or what sampling needs. A bad row leaves inference untouched.
   */
  admit(record: R, recordNumber: number): AdmittedRecord | Rejection;
  /** Ends inference and returns the columns, in order. Call once, after the last record. */
  finish(): SourceColumn[];
  /** The typed values of an admitted record (after {@link RecordTable.finish}). */
  toValues(record: R): Row;
  /**
   * Optional: a compact form of a record to keep while it waits in the sample (types are known only after the last
   * record, so sampled records are kept raw until then), and back. `unpack(pack(r))` equals `r`.
   */
  pack?(record: R): R;
  unpack?(record: R): R;
}

/**
 * Sets `row[name]`, also when the column is called `__proto__` (plain assignment would change the prototype
 * instead of adding a column).
 */
export function setColumn(row: Row, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true });
  else row[name] = value;
}

/** Why the configuration names a column. */
export type ColumnRoleName = 'key' | 'label' | 'stratify' | 'types';

/** The config setting that names a column in `role`: where to fix a column the source does not have. */
export function columnSetting(name: string, role: ColumnRoleName): string {
  switch (role) {
    case 'key':
      return 'source.key';
    case 'label':
      return 'source.label';
    case 'stratify':
      return 'sample.stratifyBy';
    case 'types':
      return `source.types.${name}`;
  }
}

/**
 * Says that a configured column is missing, with the likely intended name first:
 * `key column "customer_uuid" is not in the header (did you mean "customer_id"? columns: "customer_id", "age")`.
 */
export function describeMissingColumn(name: string, role: ColumnRoleName, where: string, names: readonly string[]): string {
  const guess = likelyMeant(name, names);
  const columns = names.length === 0 ? '' : `columns: ${listColumns(names)}`;
  const detail = [guess === undefined ? '' : `did you mean ${JSON.stringify(guess)}?`, columns].filter(Boolean).join(' ');
  return `${describeColumn(name, role)} is not ${where}${detail ? ` (${detail})` : ''}`;
}

/**
 * The column a misspelt name most likely meant. Short names (`id`) are one or two edits from almost anything, so
 * for them only a difference of case counts.
 */
export function likelyMeant(name: string, names: readonly string[]): string | undefined {
  if (name.length < 4) return names.find((known) => known.toLowerCase() === name.toLowerCase());
  return closest(name, names.filter((known) => known.trim() !== ''));
}

/** Names a configured column in a message: `key column "id"`, `column "age" (in types)`. */
export function describeColumn(name: string, role: ColumnRoleName): string {
  return role === 'types' ? `column ${JSON.stringify(name)} (in types)` : `${role} column ${JSON.stringify(name)}`;
}

/** Describes a list of column names for a message, shortened when long. */
export function listColumns(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((name) => JSON.stringify(name));
  return names.length > 20 ? `${shown.join(', ')}, … (${names.length} columns)` : shown.join(', ');
}
