import type { ColumnType, Row } from '../core/row';
import { SourceError } from '../errors/source-error';
import { convertText, describeConversionProblem, isTextConvertible } from './convert-value';
import { finalType, inferTextType, widenType, type InferredType } from './infer-column-types';
import { detectMisreadCsvHeader, type MisreadSetting } from './misread-format';
import { csvCellColumn } from './csv-cell-column';
import { StringInterner } from './string-interner';
import { columnSetting, describeMissingColumn, setColumn, type ColumnRoleName, type AdmittedRecord, type Rejection, type RecordTable } from './record-table';
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
 * Creates the table of a CSV source from its header: validates the header against the configuration (every
 * column named, no duplicate names; key, label, stratify and configured columns present) and then admits records
 * of exactly `names.length` cells. Throws a {@link SourceError} at the header line when the header does not fit,
 * naming the config setting when a configured column is missing.
 *
 * A header that shows the file is JSON Lines, or uses another delimiter, is an error naming that setting (`settings`:
 * the config settings of the format and the delimiter, when they come from a config).
 *
 * A last column without a name is what a trailing delimiter on every line makes (`a,b,`): it is left out of the
 * rows while its cells are empty, and a value in it makes the row bad. Any other column without a name is an
 * error: its values would reach the pipelines under the name `""`.
 */
export function createCsvTable(
  header: CsvHeader,
  source: SourceOptions,
  stratifyBy: string | null,
  settings: Partial<Record<MisreadSetting, string>> = {},
): RecordTable<string[]> {
  const { file, line } = header;
  // A JSON Lines file or another delimiter would otherwise fail on a column "not in the header".
  const misread = detectMisreadCsvHeader(header.names, source.delimiter);
  if (misread) throw new SourceError(file, line, misread.problem, { configPath: settings[misread.setting] });
  const unnamedLast = header.names.length > 1 && isBlankName(header.names.at(-1)!) ? header.names.length - 1 : -1;
  // Named columns only: the unnamed last column is never typed, sampled or sent.
  const names = unnamedLast < 0 ? header.names : header.names.slice(0, unnamedLast);
  const position = indexColumns({ file, names, line });
  const require = (name: string, role: ColumnRoleName): number => {
    const at = position.get(name);
    if (at === undefined) {
      throw new SourceError(file, line, describeMissingColumn(name, role, 'in the header', names), { configPath: columnSetting(name, role) });
    }
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

  const interner = new StringInterner();
  return {
    admit(cells, recordNumber): AdmittedRecord | Rejection {
      const locate = (at: number) => (text: string) => csvCellColumn(text, source.delimiter, at);
      if (unnamedLast >= 0 && cells[unnamedLast] !== '') {
        return { problem: `value ${JSON.stringify(excerpt(cells[unnamedLast]!))} in column ${unnamedLast + 1}, which has no name in the header`, locate: locate(unnamedLast) };
      }
      const key = keyOf(cells, recordNumber);
      if (typeof key !== 'string') return { problem: `key column ${JSON.stringify(key.empty)} is empty`, locate: locate(names.indexOf(key.empty)) };
      for (const { at, type } of checks) {
        const cell = cells[at]!;
        if (!nulls.has(cell) && !isTextConvertible(cell, type)) {
          const name = names[at]!;
          return { problem: describeConversionProblem(name, JSON.stringify(cell), type), configPath: columnSetting(name, 'types'), locate: locate(at) };
        }
      }
      if (inferring.length > 0) infer(cells);
      const cell = stratumAt < 0 ? null : cells[stratumAt]!;
      return { key, stratum: cell === null || nulls.has(cell) ? null : cell };
    },
    finish(): SourceColumn[] {
      types = names.map((_, at) => configured[at] ?? finalType(inferred[at]!));
      return names.map((name, at) => ({ name, type: types[at]!, typeSource: configured[at] === undefined ? 'inferred' : 'config' }));
    },
    // A sampled record waits as one string instead of an array of cells (a third of the memory for a full sample):
    // cells never hold a NUL (the reader rejects it), so it separates them.
    pack: (cells) => [cells.join('\u0000')],
    unpack: (packed) => packed[0]!.split('\u0000'),
    toValues(cells): Row {
      const row: Row = {};
      for (let at = 0; at < names.length; at++) {
        const cell = cells[at]!;
        const type = types[at]!;
        const name = names[at]!;
        const value = nulls.has(cell) ? null : type === 'string' || type === 'date' ? interner.intern(name, cell) : convertText(cell, type);
        setColumn(row, name, value);
      }
      return row;
    },
  };
}

function indexColumns({ file, names, line }: CsvHeader): Map<string, number> {
  const position = new Map<string, number>();
  names.forEach((name, at) => {
    if (isBlankName(name)) {
      const shown = name === '' ? 'no name' : `a blank name (${JSON.stringify(name)})`;
      throw new SourceError(file, line, `column ${at + 1} of the header has ${shown}: name it (every column is sent to the pipelines by name)`);
    }
    const first = position.get(name);
    if (first !== undefined) {
      throw new SourceError(file, line, `duplicate column ${JSON.stringify(name)} (columns ${first + 1} and ${at + 1})`);
    }
    position.set(name, at);
  });
  return position;
}

/** A header name that names nothing: empty or only whitespace. */
function isBlankName(name: string): boolean {
  return name.trim() === '';
}

function excerpt(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}
