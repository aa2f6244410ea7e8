import { SkewError } from './skew-error';

/** Where in the config file a {@link ConfigError} points (syntax errors). */
export interface ConfigErrorLocation {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/**
 * The configuration is invalid. `path` is the dotted config path that is wrong (`serving.url`), and the message
 * starts with it, so a user knows which line of `skew.config.ts` to fix. A file that does not even parse is named
 * by line and column instead: `skew.config.ts:2:26: syntax error: Unexpected token, expected ","`.
 */
export class ConfigError extends SkewError {
  /** Dotted path into the config, e.g. `compare.fields.tenure_days.abs`; empty for the file as a whole. */
  readonly path: string;
  /** The config file, when known. */
  readonly file: string | undefined;
  /** Line and column in the file (syntax errors), when known. */
  readonly location: ConfigErrorLocation | undefined;
  /** What is wrong, without the file and path. */
  readonly problem: string;

  constructor(path: string, problem: string, options?: { file?: string; location?: ConfigErrorLocation; cause?: unknown }) {
    const at = options?.location ? `:${options.location.line}:${options.location.column}` : '';
    const where = options?.file ? `${options.file}${at}: ` : '';
    super('CONFIG', `${where}${path ? `${path} ` : ''}${problem}`, options);
    this.path = path;
    this.file = options?.file;
    this.location = options?.file ? options.location : undefined;
    this.problem = problem;
  }

  /** The same error located in `file` (for errors raised where the file was not known). */
  inFile(file: string): ConfigError {
    return this.file ? this : new ConfigError(this.path, this.problem, { file, cause: this.cause });
  }
}
