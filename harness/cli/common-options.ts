import type { Argv } from 'yargs';
import { describeConfigFileNames } from '../config/config-file-names';

/** Options every command that loads a config understands. */
export interface ConfigArgs {
  config?: string | undefined;
  target?: string | undefined;
  reportDir?: string | undefined;
  color?: boolean | undefined;
}

/** Adds `--config`, `--target`, `--report-dir` and `--color`. */
export function withConfigOptions<T>(y: Argv<T>): Argv<T & ConfigArgs> {
  return y
    .option('config', { alias: 'c', type: 'string', describe: `Config file (default: ${describeConfigFileNames()} in the working directory)` })
    .option('target', { alias: 't', type: 'string', describe: 'Named target from the config (e.g. staging)' })
    .option('report-dir', { type: 'string', describe: 'Directory for report files (default: reports/ beside the config)' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a TTY unless NO_COLOR)' }) as Argv<T & ConfigArgs>;
}
