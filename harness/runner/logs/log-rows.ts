import { formatDateMoment } from '../../checks/generated/date-format';
import type { DateProfile } from '../../core/data-profile';
import type { ColumnInfo, ColumnType, FeatureVector, SourceRow } from '../../core/row';
import { createJsonColumnInference, finalJsonType, widenJsonColumn, type JsonColumnInference } from '../../source/json-column-inference';
import type { LogRecord } from '../../source/serving-log/serving-log-options';
import { uniqueKeys } from '../../source/unique-keys';

/** What {@link logRows} needs to know about the training data and the config. */
export interface LogRowOptions {
  /** The training columns with their types and roles (keys and the label stay keys and label in the log). */
  training: readonly ColumnInfo[];
  /**
   * The input column set from each record's time, and how the training data writes it (its date profile; null
   * when it is not a date column there: written as an ISO instant).
   */
  referenceTime: { column: string; dates: DateProfile | null } | null;
  /** The training label column, where a logged label is joined under that name; null for none. */
  label: string | null;
}

/** Logged requests as rows the checks compare: the offline side's input, and what serving logged for each. */
export interface LogRows {
  /** One row per record: its logged inputs (with the reference time, and the joined label), keyed for reports. */
  rows: SourceRow[];
  /** The logged features by row key. */
  features: Map<string, FeatureVector>;
  /** The rows' columns: training's type and role where training has the column, inferred from the log otherwise. */
  columns: ColumnInfo[];
}

/**
 * Turns sampled log records into rows. A row's key is the logged key (`C000002`; repeats of a key get `#2`, `#3`…
 * as in any sample), or `line 12` without one. Its values are the logged inputs, plus the reference time column
 * written as the training data writes it (`2024-03-01` for a date column) — replacing a logged value, since when the
 * request was served is what the pipeline must compute as of — and the joined label under the training label's name.
 */
export function logRows(records: readonly LogRecord[], options: LogRowOptions): LogRows {
  const keys = uniqueKeys(records.map((r) => r.key ?? `line ${r.line}`));
  const features = new Map<string, FeatureVector>();
  const { referenceTime, label } = options;
  const rows = records.map((record, i): SourceRow => {
    const values: Record<string, unknown> = { ...record.inputs };
    if (referenceTime !== null) values[referenceTime.column] = formatReferenceTime(record.time, referenceTime.dates);
    if (label !== null && record.label !== undefined) values[label] = record.label;
    features.set(keys[i]!, record.features);
    return { key: keys[i]!, line: record.line, values };
  });
  return { rows, features, columns: logColumns(rows, options) };
}

/** A log time written as the training data writes the reference column: its date profile's format, or ISO. */
export function formatReferenceTime(epochMs: number, dates: DateProfile | null): string {
  return dates === null ? new Date(epochMs).toISOString() : formatDateMoment({ instant: epochMs }, dates);
}

function logColumns(rows: readonly SourceRow[], options: LogRowOptions): ColumnInfo[] {
  const training = new Map(options.training.map((c) => [c.name, c]));
  // As a JSON Lines source infers them: numbers with some written as text (`"12.50"`) make a numeric column.
  const inferred = new Map<string, JsonColumnInference>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row.values)) {
      if (!inferred.has(name)) inferred.set(name, createJsonColumnInference());
      if (value === null || value === undefined || training.has(name)) continue;
      widenJsonColumn(inferred.get(name)!, value);
    }
  }
  return [...inferred.entries()].map(([name, known]): ColumnInfo => {
    const trained = training.get(name);
    if (trained) return { ...trained };
    const type: ColumnType = name === options.referenceTime?.column ? 'date' : finalJsonType(known);
    return { name, type, typeSource: 'inferred', role: name === options.label ? 'label' : 'input' };
  });
}
