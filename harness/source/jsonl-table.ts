import type { ColumnType, Row } from '../core/row';
import { SourceError } from '../errors/source-error';
import { convertJsonValue, describeConversionProblem } from './convert-value';
import { createJsonColumnInference, finalJsonType, widenJsonColumn, type JsonColumnInference } from './json-column-inference';
import { columnAt, type JsonObject } from './jsonl-records';
import { findMemberIndex } from './json-scan';
import { columnSetting, describeMissingColumn, likelyMeant, setColumn, type AdmittedRecord, type ColumnRoleName, type Rejection, type RecordTable } from './record-table';
import type { SourceColumn } from './sample-result';
import type { SourceOptions } from './source-options';

/**
 * Creates the table of a JSON Lines source. Columns are the union of the properties of admitted records, in
 * first-seen order; a record without a property simply lacks it. Values stay as JSON gives them, except in
 * columns with a configured type, which are converted (a value that does not convert makes the row bad). A column of
 * JSON numbers with some written as text (`12.5` and `"12.50"`) is inferred numeric and keeps its text as text (see
 * `finalJsonType`): serving receives it that way too.
 * Key, label, stratify and configured columns must appear in at least one row; {@link RecordTable.finish}
 * throws a {@link SourceError} naming the config setting when one never did. A property named `""` makes its row
 * bad.
 */
export function createJsonlTable(file: string, source: SourceOptions, stratifyBy: string | null): RecordTable<JsonObject> {
  const configured = new Map(Object.entries(source.types));
  const position = new Map<string, number>();
  const names: string[] = [];
  const inferred: JsonColumnInference[] = [];

  /** Key columns some record had: once one did, a record without it is that record's problem, not the config's. */
  const keysSeen = new Set<string>();

  function keyOf(record: JsonObject, recordNumber: number): string | Rejection {
    if (source.key.length === 0) return String(recordNumber);
    let key = '';
    for (let k = 0; k < source.key.length; k++) {
      const name = source.key[k]!;
      if (!Object.hasOwn(record, name)) {
        // A record that has a near name instead (`customerid` for `customer_id`) points at the config, not the data.
        const guess = keysSeen.has(name) ? undefined : likelyMeant(name, Object.keys(record));
        if (guess === undefined) return { problem: `key column ${JSON.stringify(name)} is missing` };
        return { problem: `key column ${JSON.stringify(name)} is missing (did you mean ${JSON.stringify(guess)}?)`, configPath: 'source.key' };
      }
      keysSeen.add(name);
      const value = record[name];
      if (value === null || value === '') return { problem: `key column ${JSON.stringify(name)} is empty`, locate: locateMember(name) };
      const text = valueText(value);
      key = k === 0 ? text : `${key}|${text}`;
    }
    return key;
  }

  /** The first value that does not convert to its configured type, if any. */
  function conversionProblem(record: JsonObject): Rejection | undefined {
    for (const [name, type] of configured) {
      if (!Object.hasOwn(record, name)) continue;
      const value = record[name];
      if (value !== null && !convertJsonValue(value, type).ok) {
        return { problem: describeConversionProblem(name, JSON.stringify(value), type), configPath: columnSetting(name, 'types'), locate: locateMember(name) };
      }
    }
    return undefined;
  }

  function infer(record: JsonObject): void {
    for (const name in record) {
      let at = position.get(name);
      if (at === undefined) {
        at = names.length;
        position.set(name, at);
        names.push(name);
        inferred.push(createJsonColumnInference());
      }
      const value = record[name];
      if (value === null || configured.has(name)) continue;
      widenJsonColumn(inferred[at]!, value);
    }
  }

  function requireSeen(name: string, role: ColumnRoleName): void {
    if (!position.has(name)) {
      throw new SourceError(file, undefined, describeMissingColumn(name, role, 'in any row', names), { configPath: columnSetting(name, role) });
    }
  }

  return {
    admit(record, recordNumber): AdmittedRecord | Rejection {
      // Its value would reach the pipelines under the name "": never what the file meant.
      if (Object.hasOwn(record, '')) return { problem: 'a property has an empty name ("")' };
      const key = keyOf(record, recordNumber);
      if (typeof key !== 'string') return key;
      const rejection = conversionProblem(record);
      if (rejection !== undefined) return rejection;
      infer(record);
      const value = stratifyBy !== null && Object.hasOwn(record, stratifyBy) ? record[stratifyBy] : null;
      return { key, stratum: value === null ? null : valueText(value) };
    },
    finish(): SourceColumn[] {
      for (const name of source.key) requireSeen(name, 'key');
      if (source.label !== null) requireSeen(source.label, 'label');
      if (stratifyBy !== null) requireSeen(stratifyBy, 'stratify');
      for (const name of configured.keys()) requireSeen(name, 'types');
      return names.map((name, at) => {
        const type: ColumnType | undefined = configured.get(name);
        return type === undefined
          ? { name, type: finalJsonType(inferred[at]!), typeSource: 'inferred' }
          : { name, type, typeSource: 'config' };
      });
    },
    toValues(record): Row {
      for (const [name, type] of configured) {
        if (!Object.hasOwn(record, name) || record[name] === null) continue;
        const converted = convertJsonValue(record[name], type);
        if (converted.ok) setColumn(record, name, converted.value);
      }
      return record;
    },
  };
}

/** Finds the column of the value of top-level property `name` in a line. */
function locateMember(name: string): (text: string) => number | undefined {
  return (text) => {
    const at = findMemberIndex(text, name);
    return at === undefined ? undefined : columnAt(text, at);
  };
}

/** A JSON value as key or stratum text: strings as they are, anything else as JSON. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
