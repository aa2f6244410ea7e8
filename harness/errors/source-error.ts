import { SkewError } from './skew-error';
import { withConfigPath } from './with-config-path';

/** Where a {@link SourceError} points, besides the file. */
export interface SourceErrorOptions {
  /** 1-based column (in characters) within the line, when one is to blame. */
  column?: number | undefined;
  /**
   * The config setting whose value caused the error (`source.key`, `source.path`), when fixing the config is the
   * fix. Appended to the message as `; check source.key`, the same way every error caused by a config value ends.
   */
  configPath?: string | undefined;
  cause?: unknown;
}

/**
 * A data source could not be read: missing file, malformed CSV or JSON Lines, invalid UTF-8, a column the config
 * names that the file does not have. The message names the file and, where one is to blame, the line and column
 * (`data.jsonl:12:34: invalid JSON: …`), and the config setting to fix when a config value is the cause
 * (`data.csv:1: key column "customer_uuid" is not in the header …; check source.key`).
 */
export class SourceError extends SkewError {
  /** The file that could not be read. */
  readonly file: string;
  /** 1-based line number of the offending record, when known. */
  readonly line: number | undefined;
  /** 1-based column within that line, when known. */
  readonly column: number | undefined;
  /** The config setting to fix, when a config value is the cause. */
  readonly configPath: string | undefined;
  /** What is wrong, without the file, line, column and config path. */
  readonly problem: string;

  constructor(file: string, line: number | undefined, problem: string, options: SourceErrorOptions = {}) {
    const where = `${file}${line === undefined ? '' : `:${line}`}${line !== undefined && options.column !== undefined ? `:${options.column}` : ''}`;
    super('SOURCE', withConfigPath(`${where}: ${problem}`, options.configPath), options.cause === undefined ? undefined : { cause: options.cause });
    this.file = file;
    this.line = line;
    this.column = line === undefined ? undefined : options.column;
    this.configPath = options.configPath;
    this.problem = problem;
  }

  /** The same error, naming the config setting to fix (unless it already names one). */
  withConfigPath(configPath: string): SourceError {
    if (this.configPath !== undefined) return this;
    return new SourceError(this.file, this.line, this.problem, { column: this.column, configPath, cause: this.cause });
  }
}
