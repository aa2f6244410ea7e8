import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './command-context';

/** Arguments of `skew merge`. */
export interface MergeArgs {
  dir?: string;
  reporter?: string[] | undefined;
  reportDir?: string | undefined;
  baseline?: string | undefined;
  color?: boolean | undefined;
}

/** `skew merge DIR [--reporter …] [--report-dir …]`: one report from the blobs of a sharded run. */
export function mergeCommandModule(ctx: CommandContext): CommandModule<object, MergeArgs> {
  return {
    command: 'merge <dir>',
    describe: 'Merge the blobs of a sharded run (skew run --shard i/n) into one report, as if it had run whole',
    builder: (y) =>
      y
        .positional('dir', { type: 'string', describe: 'Directory holding the blob-<run>-<i>of<n>.json files' })
        .option('reporter', { alias: 'r', type: 'array', string: true, describe: 'Reporters (default: the ones the shards were configured with)' })
        .option('report-dir', { type: 'string', describe: 'Directory of the report files (default: the shards\' report.dir)' })
        .option('baseline', { type: 'string', describe: "A previous night's report.json, or its directory of shard blobs: list new, resolved, worse and better skews" })
        .option('color', { type: 'boolean', describe: 'Colour the terminal report (default: on for a TTY unless NO_COLOR)' }) as Argv<MergeArgs>,
    handler: async (args) => {
      // Loaded on use: the merge and the reporters are only needed by this command.
      const { mergeCommand } = require('./merge-action') as typeof import('./merge-action');
      ctx.setExitCode(await mergeCommand(args, ctx.io));
    },
  };
}
