/**
 * Signs that a source file is being read in the wrong format or with the wrong delimiter, seen in its first record.
 * Read as it was configured, such a file fails later on something that is not the cause (a key column "not in the
 * header", a first line that is "invalid JSON"); these say what the file looks like and which setting to fix.
 */

/** Which setting of the source a misread points at. */
export type MisreadSetting = 'format' | 'delimiter';

/** What a first record says about how the file should have been read. */
export interface Misread {
  /** One line for the user: what the file looks like and what to set. */
  problem: string;
  /** The setting to fix. */
  setting: MisreadSetting;
}

/** Delimiters a CSV-like file commonly uses, in the order they are preferred when counts tie. */
const COMMON_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * A CSV header that is no CSV header for `delimiter`: one starting with `{` (a JSON Lines file read as CSV), or one
 * that is a single column holding another common delimiter (`id;age;plan` read with `,`). Undefined for a header
 * that looks like a header.
 */
export function detectMisreadCsvHeader(names: readonly string[], delimiter: string): Misread | undefined {
  if (names[0]?.trimStart().startsWith('{')) {
    return {
      problem: `the header starts with "{": the file looks like JSON Lines, not CSV (name it .jsonl, or set format: 'jsonl')`,
      setting: 'format',
    };
  }
  if (names.length !== 1) return undefined;
  const header = names[0]!;
  let best: { delimiter: string; count: number } | undefined;
  for (const candidate of COMMON_DELIMITERS) {
    if (candidate === delimiter) continue;
    const count = header.split(candidate).length - 1;
    if (count > 0 && (best === undefined || count > best.count)) best = { delimiter: candidate, count };
  }
  if (best === undefined) return undefined;
  const shown = excerpt(header);
  return {
    problem: `the header is one column, ${JSON.stringify(shown)}, read with delimiter ${JSON.stringify(delimiter)}: the file looks ${describeDelimiter(best.delimiter)}-separated (delimiter ${JSON.stringify(best.delimiter)})`,
    setting: 'delimiter',
  };
}

/**
 * A first JSON Lines line that is not JSON and does not even start like a JSON object or array: the file is most
 * likely CSV or other text read as JSON Lines. Undefined for a line that starts like JSON (then its syntax error is
 * the thing to report).
 */
export function detectMisreadJsonlLine(text: string): Misread | undefined {
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return undefined;
  const csv = COMMON_DELIMITERS.some((d) => text.includes(d));
  return { problem: `the first line is not JSON: the file looks like ${csv ? 'CSV' : 'text'}, not JSON Lines`, setting: 'format' };
}

function describeDelimiter(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return JSON.stringify(delimiter);
  }
}

function excerpt(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}
