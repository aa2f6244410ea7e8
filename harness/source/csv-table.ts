import type { ColumnType, Row } from '../core/row';
import { SourceError } from '../errors/source-error';
import { convertText, describeConversionProblem, isTextConvertible } from './convert-value';
import { finalType, inferTextType, widenType, type InferredType } from './infer-column-types';
import { describeColumn, listColumns, setColumn, type ColumnRoleName, type AdmittedRecord, type RecordTable } from './record-table';
import type { SourceColumn } from './sample-result';
import type { SourceOptions } from './source-options';

/** Where a CSV table's header came from, for messages. */
export interface CsvHeader {
  /** The file, as it appears in messages. */
  file: string;
  /** Column names, in order. */
  names: string[];
  /** Line of the header row. */
  line: number;
}

/**
 * Creates the table of a CSV source from its header: validates the header against the configuration (no
 * duplicate names; key, label, stratify and configured columns present) and then admits records of exactly
 * `names.length` cells. Throws a {@link SourceError} at the header line when the header does not fit.
 */
export function createCsvTable(header: CsvHeader, source: SourceOptions, stratifyBy: string | null): RecordTable<string[]> {
  const { file, names, line } = header;
  const position = indexColumns(header);
  const require = (name: string, role: ColumnRoleName): number => {
    const at = position.get(name);
    if (at === undefined) throw new SourceError(file, line, `${describeColumn(name, role)} is not in the header (columns: ${listColumns(names)})`);
    return at;
  };
  const keyAt = source.key.map((name) => require(name, 'key'));
  if (source.label !== null) require(source.label, 'label');
  const stratumAt = stratifyBy === null ? -1 : require(stratifyBy, 'stratify');
  const configured: Array<ColumnType | undefined> = names.map(() => undefined);
  for (const [name, type] of Object.entries(source.types)) configured[require(name, 'types')] = type;
  const checks = configured.flatMap((type, at) => (type === undefined || type === 'string' ? [] : [{ at, type }]));

  const nulls = new Set(source.nullValues);
  const inferred: InferredType[] = names.map(() => null);
  // Columns still being inferred; a column drops out once it is `string`, which no value can change.
  let inferring = configured.flatMap((type, at) => (type === undefined ? [at] : []));
  let types: ColumnType[] = [];

  function keyOf(cells: string[], recordNumber: number): string | { empty: string } {
    if (keyAt.length === 0) return String(recordNumber);
    let key = '';
    for (let k = 0; k < keyAt.length; k++) {
      const at = keyAt[k]!;
      const cell = cells[at]!;
      if (cell === '' || nulls.has(cell)) return { empty: names[at]! };
      key = k === 0 ? cell : `${key}|${cell}`;
    }
    return key;
  }

  function infer(cells: string[]): void {
    let settled = false;
    for (const at of inferring) {
      const cell = cells[at]!;
      if (nulls.has(cell)) continue;
      const known = inferred[at]!;
      const type = widenType(known, inferTextType(cell));
      if (type === known) continue;
      inferred[at] = type;
      if (type === 'string') settled = true;
    }
    if (settled) inferring = inferring.filter((at) => inferred[at] !== 'string');
  }

  return {
    admit(cells, recordNumber): AdmittedRecord | string {
      const key = keyOf(cells, recordNumber);
      if (typeof key !== 'string') return `key column ${JSON.stringify(key.empty)} is empty`;
      for (const { at, type } of checks) {
        const cell = cells[at]!;
        if (!nulls.has(cell) && !isTextConvertible(cell, type)) return describeConversionProblem(names[at]!, JSON.stringify(cell), type);
      }
      if (inferring.length > 0) infer(cells);
      const cell = stratumAt < 0 ? null : cells[stratumAt]!;
      return { key, stratum: cell === null || nulls.has(cell) ? null : cell };
    },
    finish(): SourceColumn[] {
      types = names.map((_, at) => configured[at] ?? finalType(inferred[at]!));
      return names.map((name, at) => ({ name, type: types[at]!, typeSource: configured[at] === undefined ? 'inferred' : 'config' }));
    },
    toValues(cells): Row {
      const row: Row = {};
      for (let at = 0; at < names.length; at++) {
        const cell = cells[at]!;
        setColumn(row, names[at]!, nulls.has(cell) ? null : convertText(cell, types[at]!));
      }
      return row;
    },
  };
}

function indexColumns({ file, names, line }: CsvHeader): Map<string, number> {
  const position = new Map<string, number>();
  names.forEach((name, at) => {
    const first = position.get(name);
    if (first !== undefined) {
      throw new SourceError(file, line, `duplicate column ${JSON.stringify(name)} (columns ${first + 1} and ${at + 1})`);
    }
    position.set(name, at);
  });
  return position;
}
