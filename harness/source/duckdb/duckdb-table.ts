import type { ColumnType, Row } from '../../core/row';
import { SourceError } from '../../errors/source-error';
import { convertJsonValue, describeConversionProblem } from '../convert-value';
import { columnSetting, describeMissingColumn, setColumn, type AdmittedRecord, type ColumnRoleName, type Rejection, type RecordTable } from '../record-table';
import type { SourceColumn } from '../sample-result';
import type { SourceOptions } from '../source-options';
import type { ValueConverter } from './duckdb-values';

/** A row as DuckDB returned it: its values, in the order of the table's columns, not yet converted. */
export type DuckdbRecord = readonly unknown[];

/** A column of a DuckDB result: its name, its type from the schema, and where it is in a record. */
export interface DuckdbColumn {
  /** Column name. */
  name: string;
  /** The harness type of its DuckDB type (see `columnTypeOf`). */
  type: ColumnType;
  /** Position of its value in a {@link DuckdbRecord}. */
  at: number;
}

/**
 * The table of a Parquet or SQL source. Columns and their types come from DuckDB's schema (config types override
 * them); only the key and stratify columns are converted while rows stream past, every other value only for rows
 * that were sampled. A record is bad when a key column is null or empty, or a value does not convert to its
 * configured type — the same rules, and messages, as CSV and JSON Lines. Key, label, stratify and configured columns
 * the schema does not have throw a {@link SourceError} naming the setting when the table is created.
 */
export function createDuckdbTable(
  file: string,
  source: SourceOptions,
  stratifyBy: string | null,
  columns: readonly DuckdbColumn[],
  convert: ValueConverter,
): RecordTable<DuckdbRecord> {
  const byName = new Map(columns.map((column) => [column.name, column]));
  const names = columns.map((column) => column.name);
  const require = (name: string, role: ColumnRoleName): DuckdbColumn => {
    const column = byName.get(name);
    if (column !== undefined) return column;
    throw new SourceError(file, undefined, describeMissingColumn(name, role, 'a column of the source', names), { configPath: columnSetting(name, role) });
  };
  const keyColumns = source.key.map((name) => require(name, 'key'));
  if (source.label !== null) require(source.label, 'label');
  const stratum = stratifyBy === null ? undefined : require(stratifyBy, 'stratify');
  const configured = Object.entries(source.types).map(([name, type]) => ({ column: require(name, 'types'), type }));

  return {
    admit(record, recordNumber): AdmittedRecord | Rejection {
      let key = String(recordNumber);
      for (let k = 0; k < keyColumns.length; k++) {
        const column = keyColumns[k]!;
        const value = convert(record[column.at]);
        if (value === null || value === '') return { problem: `key column ${JSON.stringify(column.name)} is empty` };
        key = k === 0 ? valueText(value) : `${key}|${valueText(value)}`;
      }
      for (const { column, type } of configured) {
        const value = convert(record[column.at]);
        if (value !== null && !convertConfigured(value, type).ok) {
          return { problem: describeConversionProblem(column.name, shown(value), type), configPath: columnSetting(column.name, 'types') };
        }
      }
      const value = stratum === undefined ? null : convert(record[stratum.at]);
      return { key, stratum: value === null ? null : valueText(value) };
    },
    finish(): SourceColumn[] {
      const types = new Map(Object.entries(source.types));
      return columns.map(({ name, type }) => {
        const override = types.get(name);
        return override === undefined ? { name, type, typeSource: 'inferred' } : { name, type: override, typeSource: 'config' };
      });
    },
    toValues(record): Row {
      const row: Row = {};
      for (const column of columns) setColumn(row, column.name, convert(record[column.at]));
      for (const { column, type } of configured) {
        const value = row[column.name];
        if (value === null) continue;
        const converted = convertConfigured(value, type);
        if (converted.ok) setColumn(row, column.name, converted.value);
      }
      return row;
    },
  };
}

/** A converted value as key or stratum text: strings as they are, anything else as JSON (a bigint as its digits). */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A configured type applied to a converted value: as JSON Lines does, and a bigint stays exact where it can. */
function convertConfigured(value: unknown, type: ColumnType): { ok: true; value: unknown } | { ok: false } {
  if (typeof value === 'bigint') {
    if (type === 'integer' || type === 'json') return { ok: true, value };
    if (type === 'number') return { ok: true, value: Number(value) };
    if (type === 'string') return { ok: true, value: value.toString() };
    return { ok: false };
  }
  return convertJsonValue(value, type);
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : valueText(value);
}
