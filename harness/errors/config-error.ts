import { SkewError } from './skew-error';

/**
 * The configuration is invalid. `path` is the dotted config path that is wrong (`serving.url`), and the message
 * starts with it, so a user knows which line of `skew.config.ts` to fix.
 */
export class ConfigError extends SkewError {
  /** Dotted path into the config, e.g. `compare.fields.tenure_days.abs`; empty for the file as a whole. */
  readonly path: string;
  /** The config file, when known. */
  readonly file: string | undefined;
  /** What is wrong, without the file and path. */
  readonly problem: string;

  constructor(path: string, problem: string, options?: { file?: string; cause?: unknown }) {
    const where = options?.file ? `${options.file}: ` : '';
    super('CONFIG', `${where}${path ? `${path} ` : ''}${problem}`, options);
    this.path = path;
    this.file = options?.file;
    this.problem = problem;
  }

  /** The same error located in `file` (for errors raised where the file was not known). */
  inFile(file: string): ConfigError {
    return this.file ? this : new ConfigError(this.path, this.problem, { file, cause: this.cause });
  }
}
