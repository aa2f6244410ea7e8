import { parse } from 'csv-parse/sync';
import type { Row } from '../../core/row';
import { stringifyJsonValue } from '../../core/stringify-json';
import { parseJson } from '../../core/lossless-json';

/** A file format a pipeline reads or writes: CSV with a header, or JSON Lines. */
export type PipelineFileFormat = 'csv' | 'jsonl';

/**
 * How a command pipeline that reads and writes files is given a batch: `${input}` in its argv becomes a file holding
 * the batch's rows, `${output}` a file it writes one feature row per input row to (in order). `null` for a side that
 * stays the standard stream (rows on stdin as JSON Lines, features on stdout).
 */
export interface PipelineFiles {
  input: PipelineFileFormat | null;
  output: PipelineFileFormat | null;
}

/** The argv placeholders of a file-based pipeline. */
export const INPUT_PLACEHOLDER = '${input}';
export const OUTPUT_PLACEHOLDER = '${output}';

/** The argv with `${input}` and `${output}` replaced by the batch's paths (also inside an argument: `--in=${input}`). */
export function fillFileArgs(argv: readonly string[], paths: { input: string | null; output: string | null }): string[] {
  return argv.map((arg) => {
    let out = arg;
    if (paths.input !== null) out = out.split(INPUT_PLACEHOLDER).join(paths.input);
    if (paths.output !== null) out = out.split(OUTPUT_PLACEHOLDER).join(paths.output);
    return out;
  });
}

/**
 * The rows as the text of an input file. JSON Lines: one object per line, as on stdin. CSV: a header of every column
 * in order of first appearance, RFC 4180 quoting, null and a missing value empty, booleans `true`/`false`, objects and
 * arrays as JSON text. Pure.
 */
export function formatInputFile(rows: readonly Row[], format: PipelineFileFormat): string {
  if (format === 'jsonl') return rows.map((row) => `${stringifyJsonValue(row)}\n`).join('');
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row)) {
      if (!seen.has(name)) {
        seen.add(name);
        columns.push(name);
      }
    }
  }
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) {
    const line = columns.map((name) => csvField(csvText(row[name]))).join(',');
    // One empty cell would be a blank line, which readers skip: written `""`, as Python's csv module does.
    lines.push(line === '' ? '""' : line);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return stringifyJsonValue(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as CSV writers print it (`3`, `-0.25`, `1e-05`, `NaN`, `inf`): pandas, csv.writer, R. */
const CSV_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const CSV_SPECIAL: Readonly<Record<string, number>> = { nan: NaN, inf: Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity };

/** A CSV cell read back as the value a pipeline meant: empty → null, numbers, `true`/`false` (any case), else text. */
function csvValue(text: string): unknown {
  if (text === '') return null;
  if (CSV_NUMBER.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (Object.hasOwn(CSV_SPECIAL, lower)) return CSV_SPECIAL[lower];
  return text;
}

/**
 * The feature records of an output file, in file order: JSON Lines (one value per non-blank line, parsed losslessly as
 * stdout is) or CSV with a header (cells read by {@link csvValue}). Throws with the line for text it cannot read.
 */
export function readOutputFile(text: string, format: PipelineFileFormat): unknown[] {
  if (format === 'jsonl') {
    const out: unknown[] = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        out.push(parseJson(line));
      } catch {
        throw new Error(`output line ${i + 1} is not JSON: ${line.length > 80 ? `${line.slice(0, 80)}…` : line}`);
      }
    });
    return out;
  }
  const records = parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: false }) as Array<Record<string, string>>;
  // A column without a name is a row index a writer added (pandas' `to_csv` without `index=False`), not a feature.
  return records.map((record) => Object.fromEntries(Object.entries(record).flatMap(([name, cell]) => (name.trim() === '' ? [] : [[name, csvValue(cell)]]))));
}
