import type { Argv, CommandModule } from 'yargs';
import type { CommandContext } from './command-context';

/** Arguments of `skew init`. */
export interface InitArgs {
  data?: string | undefined;
}

/** `skew init [--data train.csv]`: scaffolds a config and a jest spec, overwriting nothing. */
export function initCommandModule(ctx: CommandContext): CommandModule<object, InitArgs> {
  return {
    command: 'init',
    describe: 'Scaffold skew.config and a jest spec for npm test, inferred from a data file (overwrites nothing)',
    builder: (y) =>
      y.option('data', { alias: 'd', type: 'string', describe: 'Training data (CSV or JSON Lines); default: the first one found in the repo' }) as Argv<InitArgs>,
    handler: async (args) => {
      // Loaded on use: the source reader is only needed by this command.
      const { initCommand } = require('./init-action') as typeof import('./init-action');
      ctx.setExitCode(await initCommand(args, ctx.io));
    },
  };
}
