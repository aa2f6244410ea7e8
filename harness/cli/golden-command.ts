import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './command-context';
import { withConfigOptions, type ConfigArgs } from './common-options';

/** Arguments of `skew golden <record|check|review>`. */
export interface GoldenArgs extends ConfigArgs {
  action?: string;
  propose?: boolean | undefined;
  writeOnCi?: boolean | undefined;
  accept?: string[] | undefined;
  /** `--debug` (global): stack traces, and the local server's output live. */
  debug?: boolean | undefined;
}

/** `skew golden record | check | review`: golden files of the configured fixed row set. */
export function goldenCommandModule(ctx: CommandContext): CommandModule<object, GoldenArgs> {
  return {
    command: 'golden <action>',
    describe: 'Golden files: record them, check the current features against them, or review and accept changes',
    builder: (y) =>
      withConfigOptions(y)
        .positional('action', { choices: ['record', 'check', 'review'], describe: 'record | check | review' })
        .option('propose', { type: 'boolean', describe: 'Write the would-be golden file into the report directory instead of the repo' })
        .option('write-on-ci', { type: 'boolean', describe: 'Allow writing golden files when CI is set' })
        .option('accept', {
          type: 'array',
          string: true,
          describe: 'review without prompts: field=NAME, row=KEY, new or all (repeatable)',
        }) as Argv<GoldenArgs>,
    handler: async (args) => {
      // Loaded on use: `skew --help` and the other commands never load the session, checks and golden store.
      const { goldenCommand } = require('./golden-action') as typeof import('./golden-action');
      ctx.setExitCode(await goldenCommand(args, ctx.io, ctx.signal));
    },
  };
}
