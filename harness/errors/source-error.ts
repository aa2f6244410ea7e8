import { SkewError } from './skew-error';

/**
 * A data source could not be read: missing file, malformed CSV or JSON Lines, invalid UTF-8. The message names
 * the file and, where one is to blame, the line (`data.csv:17: row has 5 fields, header has 4`).
 */
export class SourceError extends SkewError {
  /** The file that could not be read. */
  readonly file: string;
  /** 1-based line number of the offending record, when known. */
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string, options?: { cause?: unknown }) {
    super('SOURCE', `${file}${line === undefined ? '' : `:${line}`}: ${problem}`, options);
    this.file = file;
    this.line = line;
  }
}
